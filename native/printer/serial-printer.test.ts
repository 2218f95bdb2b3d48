import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSerialPrinterSim } from '../sim/serial-printer-sim';
import type { SerialPrinterSim } from '../sim/serial-printer-sim';
import { startSocatPtyPair } from '../sim/zvt-terminal-sim';
import { drawerKickCommand } from './cash-drawer';
import { summarizeStatus } from './printer-status';
import type { PrinterTransport } from './printer-transport';
import { encodeReceipt } from './receipt-encoder';
import { sampleReceipt } from './sample-receipt';
import { createSerialPrinter } from './serial-printer';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function rig(): Promise<{ printer: PrinterTransport; sim: SerialPrinterSim; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-serial-printer-'));
  const path = join(dir, 'printer');
  const pair = await startSocatPtyPair(path, `${path}-sim`);
  cleanup.push(() => pair.kill());
  const sim = await startSerialPrinterSim({ path: `${path}-sim`, baudRate: 115_200 });
  cleanup.push(() => sim.close());
  const printer = createSerialPrinter({ path, baudRate: 115_200, writeTimeoutMs: 3_000 });
  cleanup.push(() => printer.close());
  return { printer, sim, path };
}

const nextPage = (sim: SerialPrinterSim) =>
  new Promise<string[]>((resolve) => {
    const stop = sim.onPage((page) => {
      stop();
      resolve(page.lines.map((line) => ('text' in line ? line.text : line.kind)));
    });
  });

describe('serial receipt printer over a pty pair', () => {
  it('prints a Chinese receipt the simulator decodes, and reads its status', async () => {
    const { printer, sim } = await rig();
    const page = nextPage(sim);
    await printer.write(encodeReceipt(sampleReceipt(58)));
    expect((await page).join('\n')).toContain('可口可乐 330毫升');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('ready');
    sim.state.setPaper('out');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('paper-out');
  });

  it('kicks the drawer on pin 5', async () => {
    const { printer, sim } = await rig();
    await printer.write(drawerKickCommand({ pin: 5, onMs: 100, offMs: 200 }));
    expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(true);
    expect(sim.state.drawerKicks()).toMatchObject([{ pin: 5, onMs: 100 }]);
  });

  it('an unplugged printer fails the job with a clear message, and a replugged one prints', async () => {
    const { printer, path } = await rig();
    await printer.queryStatus();
    // Unplug: the cable (socat) goes away with the port open.
    await cleanup.shift()?.();
    await expect(printer.write(encodeReceipt(sampleReceipt(58)))).rejects.toThrow(
      new RegExp(`Printer ${path}: `),
    );
    await expect(printer.write(encodeReceipt(sampleReceipt(58)))).rejects.toThrow(
      /no such device \(is it plugged in\?\)/,
    );
    const pair = await startSocatPtyPair(path, `${path}-sim`);
    cleanup.push(() => pair.kill());
    const sim = await startSerialPrinterSim({ path: `${path}-sim`, baudRate: 115_200 });
    cleanup.push(() => sim.close());
    const page = nextPage(sim);
    await printer.write(encodeReceipt(sampleReceipt(58)));
    expect((await page).join('\n')).toContain('合计');
  });
});
