import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  constants,
  createReadStream,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSerialPrinterSim } from '../sim/serial-printer-sim';
import { startSocatPtyPair } from '../sim/socat-pty-pair';
import { drawerKickCommand } from './cash-drawer';
import { decodeEscPos } from './escpos-decoder';
import { summarizeStatus } from './printer-status';
import { encodeReceipt } from './receipt-encoder';
import { sampleReceipt } from './sample-receipt';
import { createUsbLpPrinter } from './usb-lp-printer';

// This machine has no /dev/usb/lp*, so stand-ins take the device node's place; the transport
// only opens, writes, reads and closes a path, exactly as it would /dev/usb/lp0:
// - a regular file: the job lands in it whole, and it never answers status (a one-way printer);
// - a FIFO: a device that takes bytes at its reader's pace, or stops taking them (stalled);
// - a pty whose other end is the serial printer simulator: a bidirectional printer that
//   answers DLE EOT, as usblp passes a bidirectional printer's answers to read().

const dir = mkdtempSync(join(tmpdir(), 'countertop-usb-lp-'));
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const fifo = (name: string): string => {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
};

/** Reads the FIFO to its end (the transport closes it after the job). */
const drain = (path: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path)
      .on('data', (chunk) => chunks.push(Buffer.from(chunk)))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });

describe('USB printer class device: printing', () => {
  it('writes the job to the device node whole', async () => {
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    const bytes = encodeReceipt(sampleReceipt(80));
    await createUsbLpPrinter({ path: device }).write(bytes);
    const written = readFileSync(device);
    expect(written.equals(Buffer.from(bytes))).toBe(true);
    expect(decodeEscPos(written).pages[0]?.cut).toBe(true);
  });

  it('hands a job bigger than the kernel buffer over through a slow reader, byte for byte', async () => {
    const device = fifo('lp-fifo');
    const receipt = encodeReceipt(sampleReceipt(58));
    // 1 MiB of line feeds after the receipt: many times a pipe's 64 KiB.
    const job = Buffer.concat([Buffer.from(receipt), Buffer.alloc(1024 * 1024, 0x0a)]);
    const received = drain(device);
    await createUsbLpPrinter({ path: device }).write(job);
    const got = await received;
    expect(got.equals(job)).toBe(true);
    expect(
      decodeEscPos(got).pages[0]?.lines.some((l) => 'text' in l && l.text.includes('合计')),
    ).toBe(true);
  });

  it('rejects a job the printer stops taking, refuses the next until it ends, never hangs', async () => {
    const device = fifo('lp-stalled');
    // The printer end: opened, but it reads nothing until "refilled" (out of paper mid-job).
    const printerEnd = await open(device, constants.O_RDONLY | constants.O_NONBLOCK);
    cleanup.push(() => printerEnd.close());
    const printer = createUsbLpPrinter({ path: device, writeTimeoutMs: 300 });
    const job = new Uint8Array(1024 * 1024).fill(0x0a);
    const started = Date.now();
    await expect(printer.write(job)).rejects.toThrow(
      `Printer ${device}: stopped taking data (is it out of paper, jammed or switched off?)`,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(printer.write(Uint8Array.of(0x41))).rejects.toThrow(
      `Printer ${device}: the previous job is still stuck in the printer`,
    );
    // Refilled: the printer takes the rest of the stuck job, and the next job prints.
    const received = await readAtLeast(printerEnd, job.length);
    // The refusal is immediate, so each retry waits a moment: a bare retry loop would keep
    // the event loop from ever seeing the stuck write end.
    let outcome: unknown;
    const giveUpAt = Date.now() + 5_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 10));
      outcome = await printer.write(Uint8Array.of(0x41, 0x0a)).catch((error: unknown) => error);
    } while (
      outcome instanceof Error &&
      outcome.message.includes('still stuck') &&
      Date.now() < giveUpAt
    );
    expect(outcome).toBeUndefined();
    const after = await readAtLeast(printerEnd, 2);
    expect(received.equals(Buffer.from(job))).toBe(true);
    expect([...after]).toEqual([0x41, 0x0a]);
  });
});

/** Reads a non-blocking FIFO end until `length` bytes have come. */
async function readAtLeast(file: FileHandle, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < length) {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file
      .read(buffer, 0, buffer.length, null)
      .catch(() => ({ bytesRead: 0 })); // EAGAIN: nothing yet
    if (bytesRead === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

describe('USB printer class device: errors a technician can act on', () => {
  it('names a missing device', async () => {
    const missing = createUsbLpPrinter({ path: join(dir, 'lp9') });
    await expect(missing.write(Uint8Array.of(0x0a))).rejects.toThrow(
      `Printer ${join(dir, 'lp9')}: no such device — is it plugged in and switched on?`,
    );
    await expect(missing.queryStatus()).rejects.toThrow(/lp9: no such device/);
  });

  it('says to add the user to the lp group when the device is not ours to open', async () => {
    const device = join(dir, 'lp-denied');
    writeFileSync(device, '');
    const expected = `Printer ${device}: permission denied — add the user to the lp group`;
    if (process.getuid?.() !== 0) {
      chmodSync(device, 0o000);
      await expect(createUsbLpPrinter({ path: device }).write(Uint8Array.of(0x0a))).rejects.toThrow(
        expected,
      );
      return;
    }
    // Root opens anything, so the same code runs as `nobody`, as a till user outside lp would.
    chmodSync(dir, 0o755);
    chmodSync(device, 0o600);
    const module = fileURLToPath(new URL('./usb-lp-printer.ts', import.meta.url));
    const script = [
      `import { createUsbLpPrinter } from ${JSON.stringify(module)};`,
      `createUsbLpPrinter({ path: ${JSON.stringify(device)} }).write(Uint8Array.of(10))`,
      '  .then(() => console.log("printed"), (error) => console.log(error.message));',
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { uid: 65534, gid: 65534, encoding: 'utf8', cwd: process.cwd(), timeout: 20_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe(expected);
  });
});

describe('USB printer class device: status', () => {
  it('calls the status unknown, quickly, when the printer answers nothing', async () => {
    const device = join(dir, 'lp-oneway');
    writeFileSync(device, '');
    const started = Date.now();
    await expect(
      createUsbLpPrinter({ path: device, statusTimeoutMs: 200 }).queryStatus(),
    ).rejects.toThrow(`Printer ${device}: status unknown (no answer to DLE EOT 1;`);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reads the status of a bidirectional printer, and kicks its drawer', async () => {
    const device = join(dir, 'lp-bidi');
    const pair = await startSocatPtyPair(device, `${device}-sim`);
    cleanup.push(() => pair.kill());
    const sim = await startSerialPrinterSim({ path: `${device}-sim`, baudRate: 115_200 });
    cleanup.push(() => sim.close());
    const printer = createUsbLpPrinter({ path: device });
    expect(summarizeStatus(await printer.queryStatus())).toEqual({
      condition: 'ready',
      drawerOpen: false,
    });
    sim.state.setPaper('near-end');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('paper-near-end');
    const kicked = sim.state.nextDrawerKick();
    await printer.write(drawerKickCommand({ pin: 2, onMs: 100, offMs: 200 }));
    expect(await kicked).toMatchObject({ pin: 2, onMs: 100, offMs: 200 });
    expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(true);
  });
});
