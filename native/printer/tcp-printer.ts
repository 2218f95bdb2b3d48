import { connect } from 'node:net';
import type { PrinterTransport } from './printer-transport';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
}

/**
 * A raw TCP printer (port 9100, "JetDirect"): one connection per job, so a printer that
 * was switched off and on needs no reconnect logic. Every failure is a rejected write with
 * the address and what happened; nothing ever waits forever.
 */
export function createTcpPrinter(options: TcpPrinterOptions): PrinterTransport {
  const address = `${options.host}:${String(options.port)}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  return {
    kind: 'tcp',
    description: `TCP ${address}`,
    close: () => Promise.resolve(),
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect({ host: options.host, port: options.port });
        let phase: 'connecting' | 'writing' = 'connecting';
        const fail = (reason: string) => {
          clearTimeout(timer);
          socket.destroy();
          reject(new Error(`Printer ${address}: ${reason}`));
        };
        let timer = setTimeout(() => fail('no answer (timed out connecting)'), connectTimeoutMs);
        socket.once('error', (error: NodeJS.ErrnoException) => fail(describe(error)));
        socket.once('connect', () => {
          phase = 'writing';
          clearTimeout(timer);
          timer = setTimeout(
            () => fail('stopped taking data (timed out printing)'),
            writeTimeoutMs,
          );
          // end() resolves its callback once every byte is flushed to the kernel.
          socket.end(bytes, () => {
            clearTimeout(timer);
            socket.destroy();
            resolve();
          });
        });
        socket.once('close', (hadError) => {
          if (!hadError && phase === 'connecting') fail('closed the connection');
        });
      }),
  };
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused the connection (is it on, and is this the right port?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'unreachable on the network';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'dropped the connection while printing';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return error.message;
  }
}
