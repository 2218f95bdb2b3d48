/**
 * ZVT over TCP/IP (PA00P016 "TCP/IP", default port 20007): APDUs go raw on the stream, with
 * no DLE framing, CRC or ACK bytes; TCP already guarantees order and integrity.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { createApduStream, encodeApdu } from './apdu';
import { ZvtLinkError, createLinkEvents } from './link';
import type { ZvtLink } from './link';

export const ZVT_TCP_PORT = 20007;

export interface TcpTerminalOptions {
  readonly host: string;
  readonly port?: number;
  readonly connectTimeoutMs?: number;
}

export function connectTcpTerminal(options: TcpTerminalOptions): Promise<ZvtLink> {
  const port = options.port ?? ZVT_TCP_PORT;
  const address = `${options.host}:${String(port)}`;
  return new Promise<ZvtLink>((resolve, reject) => {
    const socket = connect({ host: options.host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new ZvtLinkError('connect-failed', `Terminal ${address}: no answer (timed out connecting)`),
      );
    }, options.connectTimeoutMs ?? 5000);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ZvtLinkError('connect-failed', `Terminal ${address}: ${describe(error)}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(linkFromSocket(socket, `TCP ${address}`));
    });
  });
}

/** Wraps a connected socket; the simulator uses this for the connections it accepts. */
export function linkFromSocket(socket: Socket, description: string): ZvtLink {
  const events = createLinkEvents();
  const stream = createApduStream();
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => stream.push(chunk).forEach((m) => events.emitApdu(m)));
  socket.on('error', () => undefined); // 'close' follows and reports it
  socket.on('close', () =>
    events.emitClose(new ZvtLinkError('disconnected', `${description}: connection closed`)),
  );
  return {
    description,
    get closed() {
      return events.closed;
    },
    onApdu: events.onApdu,
    onClose: events.onClose,
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        if (events.closed || socket.destroyed) {
          reject(new ZvtLinkError('disconnected', `${description}: not connected`));
          return;
        }
        socket.write(encodeApdu(message), (error) =>
          error
            ? reject(new ZvtLinkError('disconnected', `${description}: ${error.message}`))
            : resolve(),
        );
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) {
          resolve();
          return;
        }
        socket.once('close', () => resolve());
        socket.destroy();
      }),
  };
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused the connection (is it on, and is ZVT over TCP enabled on this port?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable on the network';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return error.message;
  }
}
