import type { z } from 'zod';
import type { CommandName, CommandOutput, Commands } from '@app/api/contract';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import type { Result } from '@app/result';

/** Who a command runs as: the signed-in operator, and an override someone approved. */
export interface ActionContext {
  operator: OperatorRef | null;
  override?: OverrideRef;
}

export type HandlerInput<K extends CommandName> = z.output<Commands[K]['input']>;

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

export type Dispatch = (command: string, input: unknown) => Promise<Result<unknown>>;
