import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSerialScannerSim } from '../sim/scanner-sim';
import type { SerialScannerSim } from '../sim/scanner-sim';
import { scanSuffixes } from './scan-suffix';
import type { BarcodeScanner, ScannerEvents } from './scanner';
import { openSerialScanner } from './serial-scanner';

type Seen = {
  [E in keyof ScannerEvents]: { event: E; payload: ScannerEvents[E] };
}[keyof ScannerEvents];

/** Collects every event; next() waits for the next one (no sleeps). */
function record(scanner: BarcodeScanner) {
  const seen: Seen[] = [];
  let waiter: (() => void) | undefined;
  const push = (item: Seen): void => {
    seen.push(item);
    waiter?.();
  };
  scanner.on('code', (payload) => push({ event: 'code', payload }));
  scanner.on('malformed', (payload) => push({ event: 'malformed', payload }));
  scanner.on('closed', (payload) => push({ event: 'closed', payload }));
  let taken = 0;
  const next = async (): Promise<Seen> => {
    while (seen.length <= taken) await new Promise<void>((done) => (waiter = done));
    taken += 1;
    return seen[taken - 1]!;
  };
  return { seen, next };
}

const link = (name: string): string => join(tmpdir(), `ct-scanner-${name}-${process.pid}`);

describe.each(scanSuffixes)('serial scanner over a socat pty pair, suffix %s', (suffix) => {
  let sim: SerialScannerSim;
  let scanner: BarcodeScanner;
  let events: ReturnType<typeof record>;
  let clock = 1000;

  beforeAll(async () => {
    sim = await startSerialScannerSim({ link: link(suffix), suffix, gapMs: 120 });
    scanner = await openSerialScanner({
      path: sim.scannerPath,
      baudRate: 9600,
      suffix,
      idleGapMs: 40,
      partialTimeoutMs: 150,
      now: () => (clock += 1),
    });
    events = record(scanner);
  });

  afterAll(async () => {
    await scanner.close();
    await sim.close();
  });

  it('delivers each scanned code, in order, with a timestamp', async () => {
    const codes = ['6911001000019', '04252614', 'ABC-123/x', '2112345001999'];
    for (const code of codes) await sim.scan(code);
    for (const code of codes) {
      const seen = await events.next();
      expect(seen).toMatchObject({ event: 'code', payload: { text: code } });
      if (seen.event === 'code') expect(seen.payload.atMs).toBeGreaterThan(1000);
    }
  });

  it('reports noise as malformed, then reads the next code', async () => {
    await sim.scan('69\x00\x07\xfe11');
    expect(await events.next()).toMatchObject({
      event: 'malformed',
      payload: { reason: 'non_printable', length: 7, preview: '36 39 00 07 fe 31 31' },
    });
    await sim.scan('96385074');
    expect(await events.next()).toMatchObject({ event: 'code', payload: { text: '96385074' } });
  });

  it('reports an oversized frame as malformed, then reads the next code', async () => {
    await sim.scan('Z'.repeat(200));
    expect(await events.next()).toMatchObject({
      event: 'malformed',
      payload: { reason: 'oversize', length: 129 },
    });
    await sim.scan('036000291452');
    expect(await events.next()).toMatchObject({ event: 'code', payload: { text: '036000291452' } });
  });
});

describe('serial scanner unplugged', () => {
  it("gives 'closed' with the path when socat goes away", async () => {
    const sim = await startSerialScannerSim({ link: link('unplug') });
    const scanner = await openSerialScanner({ path: sim.scannerPath });
    const events = record(scanner);
    await sim.scan('6911001000019');
    expect(await events.next()).toMatchObject({ event: 'code' });
    await sim.unplug();
    const closed = await events.next();
    expect(closed.event).toBe('closed');
    if (closed.event === 'closed') expect(closed.payload.reason).toContain(sim.scannerPath);
    await scanner.close();
    await sim.close();
  });

  it('says which path failed to open', async () => {
    await expect(openSerialScanner({ path: '/nonexistent/ct-scanner' })).rejects.toThrow(
      /Barcode scanner \/nonexistent\/ct-scanner/,
    );
  });
});
