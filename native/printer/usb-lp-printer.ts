import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isStatusByte, parseStatusAnswers, STATUS_QUERIES, statusRequest } from './printer-status';
import type { PrinterStatusReport } from './printer-status';
import { oneAtATime } from './printer-transport';
import type { PrinterTransport } from './printer-transport';

export interface UsbLpPrinterOptions {
  /** The usblp device node, e.g. /dev/usb/lp0. */
  path: string;
  /** A job the printer has not taken by then is reported as stalled. */
  writeTimeoutMs?: number;
  /** How long to wait for each DLE EOT answer before calling the status unknown. */
  statusTimeoutMs?: number;
}

/** How often a non-blocking status read looks again while it waits. */
const STATUS_POLL_MS = 20;

/**
 * A printer of the Linux USB printer class (`/dev/usb/lp0`, the usblp driver). Each job
 * opens the device, writes and closes, so a printer switched off and on needs nothing. The
 * I/O runs on libuv's thread pool, so a stalled printer never freezes the till: a job it
 * has not taken after `writeTimeoutMs` is rejected, and later jobs are refused with the
 * same reason until the stuck one ends (usblp lets one process open the device at a time).
 * Status is read back non-blocking: usblp answers only for bidirectional printers, so
 * silence means "status unknown", never a hang.
 */
export function createUsbLpPrinter(options: UsbLpPrinterOptions): PrinterTransport {
  const label = `Printer ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 500;
  const inTurn = oneAtATime();
  let stuckJob: Promise<void> | null = null;

  const fail = (error: unknown): Error =>
    new Error(`${label}: ${describeDeviceError(error)}`, { cause: error });

  const write = async (bytes: Uint8Array): Promise<void> => {
    if (stuckJob !== null) {
      throw new Error(`${label}: the previous job is still stuck in the printer (${STALLED})`);
    }
    const job = writeWhole(options.path, bytes);
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>((resolve) => {
      timer = setTimeout(() => resolve('stalled'), writeTimeoutMs);
    });
    try {
      const outcome = await Promise.race([job, stalled]);
      if (outcome === 'stalled') {
        // The thread-pool write goes on; the device is busy until it ends either way.
        stuckJob = job.then(
          () => undefined,
          () => undefined,
        );
        void stuckJob.then(() => (stuckJob = null));
        throw new Error(`${label}: stopped taking data (${STALLED})`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(label)) throw error;
      throw fail(error);
    } finally {
      clearTimeout(timer);
    }
  };

  const queryStatus = async (): Promise<PrinterStatusReport> => {
    let file: FileHandle;
    try {
      // O_NONBLOCK: a read with nothing to give returns EAGAIN instead of waiting forever.
      file = await open(options.path, constants.O_RDWR | constants.O_NONBLOCK);
    } catch (error) {
      throw fail(error);
    }
    try {
      await readAvailable(file); // drop a late answer or ASB bytes left from before
      const answers: number[] = [];
      for (const n of STATUS_QUERIES) {
        await file.write(statusRequest(n));
        const answer = await readStatusByte(file, statusTimeoutMs);
        if (answer === null) {
          throw new Error(
            `${label}: status unknown (no answer to DLE EOT ${String(n)}; over USB only ` +
              'bidirectional printers answer — the printer can still print)',
          );
        }
        answers.push(answer);
      }
      const report = parseStatusAnswers(answers);
      if (report === null) throw new Error(`${label}: status answers not understood`);
      return report;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(label)) throw error;
      throw fail(error);
    } finally {
      await file.close();
    }
  };

  return {
    kind: 'usb-lp',
    description: `USB ${options.path}`,
    write: (bytes) => inTurn(() => write(bytes)),
    queryStatus: () => inTurn(queryStatus),
    close: () => Promise.resolve(),
  };
}

const STALLED = 'is it out of paper, jammed or switched off?';

/** Opens, writes every byte (a device may take fewer than asked per call) and closes. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, constants.O_WRONLY);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await file.write(bytes, offset);
      offset += bytesWritten;
    }
  } finally {
    await file.close();
  }
}

/** Waits up to `timeoutMs` for a byte with the DLE EOT fixed bits; other bytes are passed over. */
async function readStatusByte(file: FileHandle, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = (await readAvailable(file)).find(isStatusByte);
    if (answer !== undefined) return answer;
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
  }
}

/** Whatever the device has now; nothing (EAGAIN, or EINVAL from a one-way printer) is empty. */
async function readAvailable(file: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(64);
  try {
    const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINVAL') return new Uint8Array();
    throw error;
  }
}

/** What a technician does about an error from the device node. */
export function describeDeviceError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return 'no such device — is it plugged in and switched on?';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied — add the user to the lp group';
    case 'EBUSY':
      return 'in use by another program (is CUPS printing to it?)';
    case 'EIO':
      return 'I/O error — the printer went away (unplugged?)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
