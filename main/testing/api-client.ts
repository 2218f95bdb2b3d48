import { WebSocket } from 'ws';
import type { CommandName, CommandOutput } from '@app/api/contract';
import type { Result } from '@app/result';

/** A client of the browser host's API, as the renderer uses it: one WebSocket, ids per call. */
export interface ApiClient {
  /** The command's result as the host answered it (ok or a typed error). */
  invoke: (command: CommandName, input: unknown) => Promise<Result<unknown>>;
  /** The command's value; throws with the error code when it failed. */
  call: <K extends CommandName>(command: K, input: unknown) => Promise<CommandOutput<K>>;
  close: () => void;
}

export async function connectApi(url: string, token: string): Promise<ApiClient> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api?token=${token}`, { origin: url });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      result?: Result<unknown>;
    };
    if (message.type !== 'result' || message.id === undefined || !message.result) return;
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  // A host killed mid-call never answers: its callers learn it from the closed socket.
  ws.on('close', () => {
    for (const resolve of waiting.values()) {
      resolve({ ok: false, error: { code: 'invalid_input', message: 'connection closed' } });
    }
    waiting.clear();
  });
  ws.on('error', () => undefined);
  const invoke = (command: CommandName, input: unknown): Promise<Result<unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      if (ws.readyState !== WebSocket.OPEN) {
        resolve({ ok: false, error: { code: 'invalid_input', message: 'connection closed' } });
        return;
      }
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ type: 'invoke', id, command, input }));
    });
  };
  return {
    invoke,
    call: async <K extends CommandName>(command: K, input: unknown) => {
      const result = await invoke(command, input);
      if (!result.ok) {
        throw new Error(`${command} failed: ${result.error.code} ${result.error.message}`);
      }
      return result.value as CommandOutput<K>;
    },
    close: () => ws.close(),
  };
}
