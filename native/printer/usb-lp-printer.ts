import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isStatusByte, parseStatusAnswers, STATUS_QUERIES, statusRequest } from './printer-status';
import type { PrinterTransport } from './printer-transport';

/**
 * A printer of the Linux USB printer class (`/dev/usb/lp0`, the usblp driver). Each job
 * opens the device, writes and closes, so a printer switched off and on needs nothing. The
 * I/O runs off the main thread (fs promises), so a stalled printer never freezes the till; a
 * job that stalls is reported after `writeTimeoutMs`. Status is read back non-blocking: the
 * driver answers only for bidirectional printers, and silence is "no status", not a hang.
 */
export function createUsbLpPrinter(options: {
  path: string;
  writeTimeoutMs?: number;
}): PrinterTransport {
  const label = `Printer ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;

  const withDevice = async <T>(flags: number, use: (file: FileHandle) => Promise<T>) => {
    let file: FileHandle;
    try {
      file = await open(options.path, flags);
    } catch (error) {
      throw new Error(`${label}: ${describe(error)}`, { cause: error });
    }
    try {
      return await use(file);
    } catch (error) {
      throw new Error(`${label}: ${describe(error)}`, { cause: error });
    } finally {
      await file.close();
    }
  };

  return {
    kind: 'usb-lp',
    description: `USB ${options.path}`,
    write: (bytes) =>
      withDevice(constants.O_WRONLY, async (file) => {
        let timer: NodeJS.Timeout | undefined;
        const stalled = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('stopped taking data (timed out printing)')),
            writeTimeoutMs,
          );
        });
        try {
          await Promise.race([file.write(bytes), stalled]);
        } finally {
          clearTimeout(timer);
        }
      }),
    queryStatus: async () => {
      const answers = await withDevice(constants.O_RDWR | constants.O_NONBLOCK, async (file) => {
        const found: number[] = [];
        for (const n of STATUS_QUERIES) {
          await file.write(statusRequest(n));
          await new Promise((resolve) => setTimeout(resolve, 50));
          const buffer = Buffer.alloc(16);
          const { bytesRead } = await file.read(buffer, 0, buffer.length, null).catch(() => ({
            bytesRead: 0, // EAGAIN: nothing came back
          }));
          const answer = buffer.subarray(0, bytesRead).find(isStatusByte);
          if (answer === undefined) break;
          found.push(answer);
        }
        return found;
      });
      const report = parseStatusAnswers(answers);
      if (report === null) throw new Error(`${label}: no status (the printer does not answer)`);
      return report;
    },
    close: () => Promise.resolve(),
  };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return 'no such device (is it plugged in and switched on?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (add this user to the lp group)';
    case 'EBUSY':
      return 'in use by another program';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
