import { connect } from 'node:net';
import { oneAtATime } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { queryPrinterStatus } from './status-query';
import type { PrinterStatusReport } from './printer-status';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** How long to wait for each DLE EOT answer. */
  statusTimeoutMs?: number;
}

/**
 * A raw TCP printer (port 9100, "JetDirect"): one connection per job, so a printer that was
 * switched off and on needs no reconnect logic. Every failure is a rejected write that says
 * the address and what happened; no step waits longer than its timeout. A status query
 * opens its own short connection; it waits for a job in progress, because most printers
 * take one connection at a time and would leave it unanswered until the job ends.
 */
export function createTcpPrinter(options: TcpPrinterOptions): PrinterTransport {
  const address = `${options.host}:${String(options.port)}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1_000;
  const inTurn = oneAtATime();
  return {
    kind: 'tcp',
    description: `TCP ${address}`,
    close: () => Promise.resolve(),
    queryStatus: () => inTurn(() => queryStatus()),
    write: (bytes) => inTurn(() => write(bytes)),
  };

  function queryStatus(): Promise<PrinterStatusReport> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`Printer ${address}: no answer (timed out connecting)`));
      }, connectTimeoutMs);
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new Error(`Printer ${address}: ${describe(error)}`));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        const line = {
          write: (bytes: Uint8Array) => void socket.write(bytes),
          onData: (listener: (chunk: Uint8Array) => void) => {
            socket.on('data', listener);
            return () => void socket.off('data', listener);
          },
        };
        queryPrinterStatus(line, `Printer ${address}`, statusTimeoutMs)
          .then(resolve, reject)
          .finally(() => socket.destroy());
      });
    });
  }

  function write(bytes: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      let phase: 'connecting' | 'writing' | 'done' = 'connecting';
      const fail = (reason: string) => {
        if (phase === 'done') return;
        phase = 'done';
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(`Printer ${address}: ${reason}`));
      };
      let timer = setTimeout(() => fail('no answer (timed out connecting)'), connectTimeoutMs);
      socket.on('error', (error: NodeJS.ErrnoException) => fail(describe(error)));
      // Status bytes a printer sends back (automatic status back) are read and dropped:
      // unread data at close would make the kernel reset the connection.
      socket.on('data', () => undefined);
      socket.once('connect', () => {
        phase = 'writing';
        clearTimeout(timer);
        timer = setTimeout(() => fail('stopped taking data (timed out printing)'), writeTimeoutMs);
        // end() calls back once every byte is handed to the kernel and FIN is queued.
        socket.end(bytes, () => {
          if (phase !== 'writing') return;
          phase = 'done';
          clearTimeout(timer);
          resolve();
          // Let the printer close its side; a printer that never does is dropped later.
          setTimeout(() => socket.destroy(), writeTimeoutMs).unref();
        });
      });
      socket.once('close', () => fail('closed the connection before the job was sent'));
    });
  }
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
      return 'reset the connection while printing';
    case 'ETIMEDOUT':
      return 'no answer (timed out)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return error.message;
  }
}
