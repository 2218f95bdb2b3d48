import { commands, isCommandName } from '@app/api/contract';
import { cardDataInInput } from '@app/api/card-data-guard';
import { DomainError, fail, ok } from '@app/result';
import { describeStorageError } from '../kernel/storage-errors';
import type { Logger } from '../log/logger';
import type { ActionContext, CommandGuard, Dispatch, Handlers } from '../kernel/handlers';

export type { CommandGuard, Dispatch, Handlers } from '../kernel/handlers';

const noGuard: CommandGuard = { before: () => ({ operator: null }), after: () => undefined };

/**
 * The main-side edge of the contract: unknown commands and malformed input are refused
 * here, and exceptions become error values with a code the renderer can translate.
 */
export function createDispatcher(
  handlers: Handlers,
  log: Logger,
  guard: CommandGuard = noGuard,
): Dispatch {
  return async (command, input) => {
    if (!isCommandName(command)) return fail('invalid_input', `Unknown command ${command}`);
    const parsed = commands[command].input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail(
        'invalid_input',
        `Invalid input for ${command}: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    const cardField = cardDataInInput(command, parsed.data);
    if (cardField !== null) {
      log.warn('card data refused in a command input', { command, field: cardField });
      return fail('card_data_in_text', `A card number in ${cardField}`, { field: cardField });
    }
    let context: ActionContext | null = null;
    try {
      context = guard.before(command);
      const handler = handlers[command] as (value: unknown, context: ActionContext) => unknown;
      const value = await handler(parsed.data, context);
      guard.after(command, context, null);
      return ok(value);
    } catch (error) {
      if (context)
        guard.after(command, context, error instanceof DomainError ? error.code : 'error');
      if (error instanceof DomainError) return fail(error.code, error.message, error.params);
      const storage = describeStorageError(error);
      if (storage) {
        log.error('storage error', { command, code: storage.code, detail: storage.message });
        return fail(storage.code, storage.message);
      }
      log.error('command failed', { command, error: String(error) });
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}
