import { commands, isCommandName } from '@app/api/contract';
import { cardDataInInput } from '@app/api/card-data-guard';
import type { CommandName, CommandOutput, Commands } from '@app/api/contract';
import type { z } from 'zod';
import { DomainError, fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { describeStorageError } from './storage-errors';
import type { Logger } from '../log/logger';
import type { ActionContext } from '../staff/session';

type HandlerInput<K extends CommandName> = z.output<Commands[K]['input']>;

/** One function per contract command; each gets its input already validated. */
export type Handlers = {
  [K in CommandName]: (
    input: HandlerInput<K>,
    context: ActionContext,
  ) => CommandOutput<K> | Promise<CommandOutput<K>>;
};

/**
 * Who may run a command (main/staff/command-guard.ts): `before` refuses by throwing a
 * DomainError, or answers who the command runs as; `after` records the outcome.
 */
export interface CommandGuard {
  before(command: CommandName): ActionContext;
  after(command: CommandName, context: ActionContext, failed: string | null): void;
}

const noGuard: CommandGuard = { before: () => ({ operator: null }), after: () => undefined };

export type Dispatch = (command: string, input: unknown) => Promise<Result<unknown>>;

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
