import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSerialPrinterSim } from '../sim/serial-printer-sim';
import type { SerialPrinterSim } from '../sim/serial-printer-sim';
import { startSocatPtyPair } from '../sim/socat-pty-pair';
import { drawerKickCommand } from './cash-drawer';
import { summarizeStatus } from './printer-status';
import type { PrinterTransport } from './printer-transport';
import { encodeReceipt } from './receipt-encoder';
import { sampleReceipt } from './sample-receipt';
import { createSerialPrinter } from './serial-printer';

const BAUD = 115_200;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Rig {
  printer: PrinterTransport;
  sim: SerialPrinterSim;
  path: string;
  unplug: () => Promise<void>;
}

/** The till's port and the simulated printer on the two ends of a socat pty pair. */
async function rig(simOptions: { paceAtBaud?: boolean } = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-serial-printer-'));
  const path = join(dir, 'printer');
  const pair = await startSocatPtyPair(path, `${path}-sim`);
  cleanup.push(() => pair.kill());
  const sim = await startSerialPrinterSim({
    path: `${path}-sim`,
    baudRate: BAUD,
    drawerCloseMs: null,
    ...simOptions,
  });
  cleanup.push(() => sim.close());
  const printer = createSerialPrinter({ path, baudRate: BAUD, writeTimeoutMs: 5_000 });
  cleanup.push(() => printer.close());
  // Unplug: the cable (socat) goes away with the port open.
  return { printer, sim, path, unplug: () => pair.kill() };
}

const nextPage = (sim: SerialPrinterSim) =>
  new Promise<string[]>((resolve) => {
    const stop = sim.onPage((page) => {
      stop();
      resolve(page.lines.map((line) => ('text' in line ? line.text : line.kind)));
    });
  });

const conditionOf = async (printer: PrinterTransport) =>
  summarizeStatus(await printer.queryStatus()).condition;

describe('serial receipt printer over a pty pair at 115200 baud', () => {
  it('prints a Chinese receipt the simulator decodes', async () => {
    const { printer, sim } = await rig();
    const page = nextPage(sim);
    await printer.write(encodeReceipt(sampleReceipt(58)));
    const text = (await page).join('\n');
    expect(text).toContain('可口可乐 330毫升');
    expect(text).toContain('合计');
  });

  it('reads each state the printer is in', async () => {
    const { printer, sim } = await rig();
    expect(await conditionOf(printer)).toBe('ready');
    sim.state.setPaper('near-end');
    expect(await conditionOf(printer)).toBe('paper-near-end');
    sim.state.setCover(true);
    expect(await conditionOf(printer)).toBe('cover-open');
    sim.state.setCover(false);
    sim.state.setPaper('out');
    const out = await printer.queryStatus();
    expect(out).toMatchObject({ paperOut: true, stoppedOnPaperEnd: true, online: false });
    expect(summarizeStatus(out).condition).toBe('paper-out');
    sim.state.setPaper('ok');
    expect(await conditionOf(printer)).toBe('ready');
  });

  it('kicks the drawer on pin 2 and on pin 5, and reads the drawer sensor', async () => {
    const { printer, sim } = await rig();
    for (const pin of [2, 5] as const) {
      const kicked = sim.state.nextDrawerKick();
      await printer.write(drawerKickCommand({ pin, onMs: 120, offMs: 240 }));
      expect(await kicked).toMatchObject({ pin, onMs: 120, offMs: 240 });
      expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(true);
      sim.state.closeDrawer();
      expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(false);
    }
    expect(sim.state.drawerKicks().map((kick) => kick.pin)).toEqual([2, 5]);
  });

  it('is not misled by bytes the printer sends by itself', async () => {
    const { printer, sim } = await rig();
    expect(await conditionOf(printer)).toBe('ready'); // the port is open and listening
    // An automatic status back report (GS a): its first byte has bit 1 clear and the rest
    // bit 4 clear, so none of it has the DLE EOT fixed bits. Then a byte that does look
    // like an answer ("offline, drawer open"), sent when nobody asked.
    await sim.sendUnsolicited(Uint8Array.of(0x14, 0x00, 0x00, 0x0f));
    await sim.sendUnsolicited(Uint8Array.of(0x1e));
    // socat relays them within microseconds; give them time to reach the till's port first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(summarizeStatus(await printer.queryStatus())).toEqual({
      condition: 'ready',
      drawerOpen: false,
    });
  });

  it('a printer that never answers status is "no answer", not a hang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'countertop-serial-silent-'));
    const path = join(dir, 'printer');
    // Nothing on the far end: a printer without real-time status, or a wrong baud rate.
    const pair = await startSocatPtyPair(path, `${path}-nobody`);
    cleanup.push(() => pair.kill());
    const printer = createSerialPrinter({ path, baudRate: BAUD, statusTimeoutMs: 300 });
    cleanup.push(() => printer.close());
    const started = Date.now();
    await expect(printer.queryStatus()).rejects.toThrow(
      `Printer ${path}: no answer to status query 1`,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('unplugged mid-print fails the job with a clear message, and a replugged one prints', async () => {
    // The simulator takes bytes at the wire's pace, so a long job is still going when
    // the cable goes.
    const { printer, path, unplug } = await rig({ paceAtBaud: true });
    const long = new Uint8Array(256 * 1024).fill(0x2d);
    const job = printer.write(long);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await unplug();
    await expect(job).rejects.toThrow(`Printer ${path}: went away while printing (unplugged?)`);
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(printer.write(encodeReceipt(sampleReceipt(58)))).rejects.toThrow(
      `Printer ${path}: no such device — is it plugged in?`,
    );
    await expect(printer.queryStatus()).rejects.toThrow(/no such device/);
    const pair = await startSocatPtyPair(path, `${path}-sim`);
    cleanup.push(() => pair.kill());
    const sim = await startSerialPrinterSim({ path: `${path}-sim`, baudRate: BAUD });
    cleanup.push(() => sim.close());
    const page = nextPage(sim);
    await printer.write(encodeReceipt(sampleReceipt(58)));
    expect((await page).join('\n')).toContain('合计');
  });
});
