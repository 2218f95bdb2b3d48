import type {
  CommandInput,
  CommandName,
  CommandOutput,
  CountertopApi,
  EventName,
  EventPayload,
} from '@app/api/contract';
import type { Result } from '@app/result';

type Answer<K extends CommandName> = (
  input: CommandInput<K>,
) => Result<CommandOutput<K>> | Promise<Result<CommandOutput<K>>>;
export type FakeHandlers = { [K in CommandName]?: Answer<K> };

/**
 * The renderer's API with answers a test chooses, typed from the contract. A command the test
 * did not expect fails the test (the promise rejects), so a screen cannot call more than it
 * shows. `emit` plays an event from main.
 */
export class FakeApi implements CountertopApi {
  readonly calls: { name: CommandName; input: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(private handlers: FakeHandlers = {}) {}

  answer<K extends CommandName>(name: K, answer: Answer<K>): this {
    (this.handlers as Record<string, unknown>)[name] = answer;
    return this;
  }

  async invoke<K extends CommandName>(
    name: K,
    input: CommandInput<K>,
  ): Promise<Result<CommandOutput<K>>> {
    this.calls.push({ name, input });
    const answer = this.handlers[name];
    if (!answer) throw new Error(`unexpected command ${name}`);
    return answer(input);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    this.listeners.set(name, set);
    return () => set.delete(wrapped);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }

  /** The inputs of every call to `name`, in order. */
  inputsOf<K extends CommandName>(name: K): CommandInput<K>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<K>);
  }
}

/** A promise the test settles by hand: an answer that arrives when the test says. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
