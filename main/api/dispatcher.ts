import { commands, isCommandName } from '@app/api/contract';
import type { CommandName, CommandOutput, Commands } from '@app/api/contract';
import type { z } from 'zod';
import { DomainError, fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { describeStorageError } from './storage-errors';
import type { Logger } from '../log/logger';

type HandlerInput<K extends CommandName> = z.output<Commands[K]['input']>;

/** One function per contract command; each gets its input already validated. */
export type Handlers = {
  [K in CommandName]: (input: HandlerInput<K>) => CommandOutput<K> | Promise<CommandOutput<K>>;
};

export type Dispatch = (command: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The main-side edge of the contract: unknown commands and malformed input are refused
 * here, and exceptions become error values with a code the renderer can translate.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (command, input) => {
    if (!isCommandName(command)) return fail('invalid_input', `Unknown command ${command}`);
    const parsed = commands[command].input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail(
        'invalid_input',
        `Invalid input for ${command}: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    try {
      const handler = handlers[command] as (value: unknown) => unknown;
      const value = await handler(parsed.data);
      return ok(value);
    } catch (error) {
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
