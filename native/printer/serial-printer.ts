import { SerialPort } from 'serialport';
import type { PrinterStatusReport } from './printer-status';
import { oneAtATime } from './printer-transport';
import type { PrinterTransport } from './printer-transport';
import { queryPrinterStatus } from './status-query';

export interface SerialPrinterOptions {
  path: string;
  /** Receipt printers ship at 9600, 19200, 38400 or 115200 8N1 (a DIP switch sets it). */
  baudRate: number;
  writeTimeoutMs?: number;
  /** How long to wait for each DLE EOT answer. */
  statusTimeoutMs?: number;
}

/** After a status query went unanswered, its answer may still come: let it arrive first. */
const SETTLE_AFTER_SILENCE_MS = 100;

/**
 * A receipt printer on a serial or USB-CDC port. The port opens on first use and stays
 * open; when the device goes away the next job opens it again, so an unplugged printer
 * costs one failed job with a clear message, and a replugged one just works. Jobs and
 * status queries take turns on the line. Bytes the printer sends outside a status query
 * (automatic status back, a late answer) are read and dropped, so they cannot be taken
 * for the answer to the next query.
 */
export function createSerialPrinter(options: SerialPrinterOptions): PrinterTransport {
  const label = `Printer ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1_000;
  const inTurn = oneAtATime();
  let port: SerialPort | null = null;
  /** Who hears bytes from the printer now: a status query, or nobody (dropped). */
  let listener: ((chunk: Uint8Array) => void) | null = null;
  let lastQueryUnanswered = false;

  const open = (): Promise<SerialPort> => {
    if (port?.isOpen) return Promise.resolve(port);
    const next = new SerialPort({
      path: options.path,
      baudRate: options.baudRate,
      autoOpen: false,
    });
    return new Promise((resolve, reject) => {
      next.open((error) => {
        if (error) {
          reject(new Error(`${label}: ${describeOpenError(error)}`, { cause: error }));
          return;
        }
        // 'close' follows an unplug; the port is opened afresh for the next job.
        next.on('close', () => {
          if (port === next) port = null;
        });
        next.on('error', () => undefined);
        next.on('data', (chunk: Buffer) => listener?.(chunk));
        port = next;
        resolve(next);
      });
    });
  };

  /** Rejects `work` with "went away" if the port closes before it settles. */
  const untilClosed = <T>(open_: SerialPort, doing: string, work: Promise<T>): Promise<T> => {
    let stop: () => void = () => undefined;
    const closed = new Promise<never>((_, reject) => {
      const onClose = () => reject(new Error(`${label}: went away while ${doing} (unplugged?)`));
      open_.once('close', onClose);
      stop = () => void open_.off('close', onClose);
    });
    return Promise.race([work, closed]).finally(stop);
  };

  const write = async (bytes: Uint8Array): Promise<void> => {
    const open_ = await open();
    let timer: NodeJS.Timeout | undefined;
    const sent = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${label}: stopped taking data (timed out printing)`)),
        writeTimeoutMs,
      );
      open_.write(Buffer.from(bytes));
      // drain: every byte has left our buffers for the device.
      open_.drain((error) => {
        if (error) reject(new Error(`${label}: ${describeLineError(error)}`, { cause: error }));
        else resolve();
      });
    });
    try {
      await untilClosed(open_, 'printing', sent);
    } finally {
      clearTimeout(timer);
    }
  };

  const queryStatus = async (): Promise<PrinterStatusReport> => {
    const open_ = await open();
    if (lastQueryUnanswered) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_SILENCE_MS));
    }
    const line = {
      write: (bytes: Uint8Array) => void open_.write(Buffer.from(bytes)),
      onData: (next: (chunk: Uint8Array) => void) => {
        listener = next;
        return () => {
          if (listener === next) listener = null;
        };
      },
    };
    try {
      const report = await untilClosed(
        open_,
        'asked for status',
        queryPrinterStatus(line, label, statusTimeoutMs),
      );
      lastQueryUnanswered = false;
      return report;
    } catch (error) {
      lastQueryUnanswered = true;
      throw error;
    } finally {
      listener = null;
    }
  };

  return {
    kind: 'serial',
    description: `Serial ${options.path} ${String(options.baudRate)}`,
    write: (bytes) => inTurn(() => write(bytes)),
    queryStatus: () => inTurn(queryStatus),
    close: () =>
      new Promise<void>((resolve) => {
        const current = port;
        port = null;
        if (!current?.isOpen) {
          resolve();
          return;
        }
        current.close(() => resolve());
      }),
  };
}

/** The port's file descriptor dies with the device: EIO, ENXIO, or EBADF once it is closed. */
function describeLineError(error: Error): string {
  if (/EIO|ENXIO|EBADF|bad file descriptor|input\/output error|not open/i.test(error.message)) {
    return 'went away while printing (unplugged?)';
  }
  return error.message;
}

function describeOpenError(error: Error): string {
  if (/ENOENT|No such file/i.test(error.message)) return 'no such device — is it plugged in?';
  if (/EACCES|Permission denied/i.test(error.message)) {
    return 'permission denied — add the user to the dialout group';
  }
  if (/EBUSY|Resource busy|Cannot lock/i.test(error.message)) {
    return 'in use by another program';
  }
  return error.message;
}
