import type { CountertopApi, EventName } from '@app/api/contract';
import { serverMessageSchema } from '@app/api/wire';
import type { RequestMessage } from '@app/api/wire';
import type { Result } from '@app/result';

type Pending = (result: Result<unknown>) => void;
export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * The browser host's carrier: the contract over a WebSocket, reconnecting on its own.
 * A command sent while disconnected fails at once with `not_connected` (never queued
 * to fire later: a cashier must not have a sale happen behind their back).
 */
export function websocketCarrier(
  url: string,
  onState: (state: ConnectionState) => void,
): CountertopApi {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let retryMs = 250;

  const connect = (): void => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      onState('open');
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      onState('closed');
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'not_connected', message: 'Connection lost' } });
      }
      pending.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke: (name, input) =>
      new Promise((resolve) => {
        if (socket?.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'not_connected', message: 'Not connected' } });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve as Pending);
        const message: RequestMessage = { type: 'invoke', id, command: name, input };
        socket.send(JSON.stringify(message));
      }),
    on: (name: EventName, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
