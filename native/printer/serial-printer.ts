import { SerialPort } from 'serialport';
import type { PrinterTransport } from './printer-transport';
import { queryPrinterStatus } from './status-query';

export interface SerialPrinterOptions {
  path: string;
  /** Receipt printers ship at 9600, 19200, 38400 or 115200 8N1 (a DIP switch sets it). */
  baudRate: number;
  writeTimeoutMs?: number;
}

/**
 * A receipt printer on a serial or USB-CDC port. The port opens on first use and stays
 * open; when the device goes away the next job opens it again, so an unplugged printer
 * costs one failed job with a clear message, and a replugged one just works.
 */
export function createSerialPrinter(options: SerialPrinterOptions): PrinterTransport {
  const label = `Printer ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  let port: SerialPort | null = null;

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
          reject(new Error(`${label}: ${describeOpenError(error)}`));
          return;
        }
        // 'close' follows an unplug; the port is opened afresh for the next job.
        next.on('close', () => {
          if (port === next) port = null;
        });
        next.on('error', () => undefined);
        port = next;
        resolve(next);
      });
    });
  };

  return {
    kind: 'serial',
    description: `Serial ${options.path} ${String(options.baudRate)}`,
    write: async (bytes) => {
      const open_ = await open();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${label}: stopped taking data (timed out printing)`)),
          writeTimeoutMs,
        );
        const closed = () => {
          clearTimeout(timer);
          reject(new Error(`${label}: went away while printing (unplugged?)`));
        };
        open_.once('close', closed);
        open_.write(Buffer.from(bytes));
        // drain: every byte has left our buffers for the device.
        open_.drain((error) => {
          clearTimeout(timer);
          open_.off('close', closed);
          if (error) reject(new Error(`${label}: ${error.message}`));
          else resolve();
        });
      });
    },
    queryStatus: async () => {
      const open_ = await open();
      return queryPrinterStatus(
        {
          write: (bytes) => void open_.write(Buffer.from(bytes)),
          onData: (listener) => {
            open_.on('data', listener);
            return () => void open_.off('data', listener);
          },
        },
        label,
      );
    },
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

function describeOpenError(error: Error): string {
  if (/ENOENT|No such file/i.test(error.message)) return 'no such device (is it plugged in?)';
  if (/EACCES|Permission denied/i.test(error.message)) {
    return 'permission denied (add this user to the dialout group)';
  }
  if (/EBUSY|Resource busy|Cannot lock/i.test(error.message)) {
    return 'in use by another program';
  }
  return error.message;
}
