import type {
  CommandInput,
  CommandName,
  CommandOutput,
  CountertopApi,
  EventName,
} from '@app/api/contract';
import type { Result } from '@app/result';

/** What main/electron/preload.ts exposes on `window.countertop`. */
interface PreloadApi {
  host: 'electron';
  commands: Record<string, (input: unknown) => Promise<Result<unknown>>>;
  onEvent(name: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    countertop?: PreloadApi;
  }
}

export function electronCarrier(preload: PreloadApi): CountertopApi {
  return {
    invoke: <K extends CommandName>(name: K, input: CommandInput<K>) => {
      const command = preload.commands[name];
      if (!command) throw new Error(`The preload does not expose ${name}`);
      // Main validated the input and built the value from the same contract.
      return command(input) as Promise<Result<CommandOutput<K>>>;
    },
    on: (name: EventName, listener) =>
      preload.onEvent(name, listener as (payload: unknown) => void),
  };
}
