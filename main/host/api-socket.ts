import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { fail } from '@app/result';
import type { Result } from '@app/result';
import type { ServerMessage } from '@app/api/wire';
import type { Dispatch } from '../kernel/handlers';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log/logger';
import { readEnvelope } from './api-envelope';

export interface ApiSocketDeps {
  dispatch: Dispatch;
  bus: EventBus;
  log: Logger;
}

// RFC 6455 §7.4.1: 1008 is a message that violates the endpoint's policy.
const POLICY_VIOLATION = 1008;
// RFC 6455 §5.5: a close frame's body is at most 125 bytes, 2 of them the code.
const MAX_REASON_BYTES = 123;

/**
 * Carries the contract over one authorized WebSocket (`stream` is the connection it was
 * upgraded from, which ws writes to). Nothing a client sends can throw out of
 * here: protocol errors (an oversized frame, invalid UTF-8, an unmasked frame) close the
 * socket with their RFC 6455 code, a malformed request is answered or the socket closed with
 * the reason, and every command gets an answer even when its handler throws.
 */
export function serveApiSocket(ws: WebSocket, deps: ApiSocketDeps, stream: Duplex): void {
  const { dispatch, bus, log } = deps;
  // Frames sent in one turn of the event loop (a command's events, then its answer) leave
  // in one write to the connection rather than one system call per frame.
  let corked = false;
  const flush = (): void => {
    if (!corked) return;
    corked = false;
    stream.uncork();
  };
  const send = (message: ServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (!corked) {
      corked = true;
      stream.cork();
      setImmediate(flush);
    }
    try {
      ws.send(JSON.stringify(message));
    } catch (error) {
      log.error('could not send on the API socket', { error: String(error) });
    }
  };
  const unsubscribe = bus.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', unsubscribe);
  // ws has already started the close with the right code (1002, 1007, 1009) when this fires.
  ws.on('error', (error) => log.warn('API socket protocol error', { error: error.message }));
  ws.on('message', (data, isBinary) => {
    const envelope = readEnvelope(isBinary ? null : frameText(data));
    switch (envelope.kind) {
      case 'unanswerable':
        log.warn('malformed message on the API socket', { problem: envelope.problem });
        ws.close(POLICY_VIOLATION, closeReason(`malformed message: ${envelope.problem}`));
        return;
      case 'answerable':
        log.warn('malformed request on the API socket', { problem: envelope.problem });
        send({
          type: 'result',
          id: envelope.id,
          result: fail('invalid_input', `Malformed request: ${envelope.problem}`),
        });
        return;
      case 'request': {
        const { id, command, input } = envelope.request;
        void settle(dispatch(command, input), command, log).then((result) => {
          send({ type: 'result', id, result });
          // The answer is what the client waits for: it goes out now, not at the turn's end.
          flush();
        });
      }
    }
  });
}

/** The dispatcher turns errors into results; this catches what slips past it anyway. */
async function settle(
  pending: Promise<Result<unknown>>,
  command: string,
  log: Logger,
): Promise<Result<unknown>> {
  try {
    return await pending;
  } catch (error) {
    log.error('command threw past the dispatcher', { command, error: String(error) });
    return fail('internal', 'The command failed');
  }
}

function frameText(data: Buffer | ArrayBuffer | Buffer[]): string {
  const buffer = Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : data;
  return buffer.toString();
}

function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}
