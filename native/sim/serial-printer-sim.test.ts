import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { DecodedPage } from '../printer/decoded-printout';
import { encodeReceipt } from '../printer/receipt-encoder';
import { sampleReceipt } from '../printer/sample-receipt';
import { startSerialPrinterSim } from './serial-printer-sim';
import type { SerialPrinterSim } from './serial-printer-sim';
import { startSocatPtyPair } from './socat-pty-pair';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const DLE_EOT = (n: number) => [0x10, 0x04, n];

/** The simulator on one end of a pty pair, and a bare port on the other to talk bytes. */
async function rig(drawerCloseMs: number | null = null) {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-printer-sim-'));
  const path = join(dir, 'till');
  const pair = await startSocatPtyPair(path, `${path}-sim`);
  cleanup.push(() => pair.kill());
  const sim = await startSerialPrinterSim({
    path: `${path}-sim`,
    baudRate: 115_200,
    drawerCloseMs,
  });
  cleanup.push(() => sim.close());
  const port = new SerialPort({ path, baudRate: 115_200, autoOpen: false });
  await new Promise<void>((done, fail) => port.open((error) => (error ? fail(error) : done())));
  cleanup.push(() => new Promise<void>((done) => port.close(() => done())));
  const received: number[] = [];
  let waiter: (() => void) | undefined;
  port.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    waiter?.();
  });
  /** Sends bytes and waits for exactly `count` bytes back. */
  const ask = async (bytes: number[], count: number): Promise<number[]> => {
    received.length = 0;
    port.write(Buffer.from(bytes));
    while (received.length < count) await new Promise<void>((done) => (waiter = done));
    return received.splice(0, count);
  };
  const send = (bytes: Uint8Array) =>
    new Promise<void>((done) => {
      port.write(Buffer.from(bytes));
      port.drain(() => done());
    });
  return { sim, ask, send };
}

const statusBytes = (ask: (bytes: number[], count: number) => Promise<number[]>) =>
  ask([...DLE_EOT(1), ...DLE_EOT(2), ...DLE_EOT(3), ...DLE_EOT(4)], 4);

const nextPage = (sim: SerialPrinterSim) =>
  new Promise<DecodedPage>((resolve) => {
    const stop = sim.onPage((page) => {
      stop();
      resolve(page);
    });
  });

describe('serial printer simulator: DLE EOT answers on the wire', () => {
  it('answers 0x12 to each query when all is well (fixed bits only)', async () => {
    const { ask } = await rig();
    expect(await statusBytes(ask)).toEqual([0x12, 0x12, 0x12, 0x12]);
  });

  it('reports paper near end and paper out in the roll sensor and offline bytes', async () => {
    const { sim, ask } = await rig();
    sim.state.setPaper('near-end');
    // n=4 bits 2-3: near end.
    expect(await statusBytes(ask)).toEqual([0x12, 0x12, 0x12, 0x1e]);
    sim.state.setPaper('out');
    // n=1 bit 3 offline; n=2 bit 5 stopped on paper end; n=4 bits 2-3 and 5-6.
    expect(await statusBytes(ask)).toEqual([0x1a, 0x32, 0x12, 0x7e]);
  });

  it('reports the cover open as offline with the cover bit', async () => {
    const { sim, ask } = await rig();
    sim.state.setCover(true);
    expect(await statusBytes(ask)).toEqual([0x1a, 0x16, 0x12, 0x12]);
    sim.state.setCover(false);
    expect(await statusBytes(ask)).toEqual([0x12, 0x12, 0x12, 0x12]);
  });

  it('answers nothing to a query it does not know (DLE EOT 9)', async () => {
    const { ask } = await rig();
    // The DLE EOT 1 after it is answered alone: nothing came for the 9.
    expect(await ask([...DLE_EOT(9), ...DLE_EOT(1)], 1)).toEqual([0x12]);
  });
});

describe('serial printer simulator: drawer', () => {
  it('opens the drawer on ESC p, records the pin and pulse, and reads it in DLE EOT 1', async () => {
    const { sim, ask, send } = await rig();
    const kicked = sim.state.nextDrawerKick();
    await send(Uint8Array.of(0x1b, 0x70, 0x00, 50, 100)); // pin 2, 100 ms on, 200 ms off
    expect(await kicked).toMatchObject({ pin: 2, onMs: 100, offMs: 200 });
    expect(await ask(DLE_EOT(1), 1)).toEqual([0x16]); // bit 2: pin 3 high
    sim.state.closeDrawer();
    expect(await ask(DLE_EOT(1), 1)).toEqual([0x12]);
    const again = sim.state.nextDrawerKick();
    await send(Uint8Array.of(0x1b, 0x70, 0x01, 25, 25)); // pin 5, 50 ms on and off
    expect(await again).toMatchObject({ pin: 5, onMs: 50, offMs: 50 });
  });

  it('closes the drawer by itself after the configured time', async () => {
    const { sim, ask, send } = await rig(100);
    const kicked = sim.state.nextDrawerKick();
    await send(Uint8Array.of(0x1b, 0x70, 0x00, 50, 100));
    await kicked;
    expect(sim.state.drawerOpen()).toBe(true);
    await new Promise<void>((done) => {
      const stop = sim.state.onChange(() => {
        if (sim.state.drawerOpen()) return;
        stop();
        done();
      });
    });
    expect(await ask(DLE_EOT(1), 1)).toEqual([0x12]);
  });
});

describe('serial printer simulator: printing', () => {
  it('decodes a Chinese receipt, and prints nothing while out of paper', async () => {
    const { sim, ask, send } = await rig();
    const receipt = encodeReceipt(sampleReceipt(58));
    const first = nextPage(sim);
    await send(receipt);
    const page = await first;
    expect(page.lines.some((line) => 'text' in line && line.text.startsWith('合计'))).toBe(true);

    sim.state.setPaper('out');
    await send(receipt);
    // Real-time status is still answered, after the refused job's bytes.
    expect(await ask(DLE_EOT(4), 1)).toEqual([0x7e]);
    expect(sim.pages()).toHaveLength(1);

    sim.state.setPaper('ok');
    const refilled = nextPage(sim);
    await send(receipt);
    await refilled;
    expect(sim.pages()).toHaveLength(2);
  });
});
