import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import { signInOwnerWith } from '../testing/temp-services';
import { attachStrace, startTillProcess } from '../testing/till-process';

/**
 * One fsync per sale, counted by strace on the till's process while a 3-line cash sale goes
 * through its API (3 scans and the payment, receipt printed): the cart's edits and the print
 * queue's progress cost none of their own; the sale's commit is the one fsync of the WAL.
 */
const barcodes = demoCatalog()
  .filter((p) => p.unit !== 'kg' && p.active)
  .slice(0, 3)
  .map((p) => p.barcode);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('fsyncs of a sale', () => {
  it('a 3-line cash sale through the API does exactly 1 fsync, of the WAL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-fsyncs-'));
    dirs.push(dataDir);
    const till = await startTillProcess(dataDir);
    const { call } = till.api;
    try {
      await signInOwnerWith(call);
      const sellThreeLines = async () => {
        for (const code of barcodes) await call('cart.scan', { code });
        return call('sale.payCash', { tenderedMinor: 100_000 });
      };
      await sellThreeLines(); // the first sale of a start warms caches; the second is counted
      const trace = join(dataDir, 'strace.txt');
      const strace = await attachStrace(till.pid, [
        '-y',
        '-e',
        'trace=fsync,fdatasync,sync_file_range,msync',
        '-o',
        trace,
      ]);
      const pagesBefore = (await call('printer.pages', {})).length;
      await sellThreeLines();
      // The receipt printed (the simulated printer decoded it) before the count ends.
      const deadline = Date.now() + 10_000;
      while ((await call('printer.pages', {})).length === pagesBefore) {
        if (Date.now() > deadline) throw new Error('the receipt did not print');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await strace.detach();
      const syncs = readFileSync(trace, 'utf8')
        .split('\n')
        .filter((line) => /\b(fsync|fdatasync|sync_file_range|msync)\(/.test(line));
      expect(syncs.filter((line) => line.includes('ledger.sqlite-wal'))).toHaveLength(1);
      expect(syncs).toHaveLength(1);
    } finally {
      await till.kill9();
    }
  }, 120_000);
});
