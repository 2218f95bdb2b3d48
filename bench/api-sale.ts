import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCatalog } from '@main/catalog/demo-catalog';
import { signInOwnerWith } from '@main/testing/temp-services';
import { attachStrace, startTillProcess } from '@main/testing/till-process';
import type { TillProcess } from '@main/testing/till-process';
import { measureFsync } from './fsync-latency';
import { rowKey } from './section';
import type { BenchContext, BenchRow, BenchSection } from './section';
import { summarize } from './stats';

const SALES = 300;
const COUNTED_SALES = 20;
const ROUND_TRIPS = 1_000;
/** Issue "exactly once": a durable sale through the API at ≥ 0.3 × what raw fsyncs allow. */
const SHARE_OF_FSYNC_RATE = 0.3;

const barcodes = demoCatalog()
  .filter((p) => p.unit !== 'kg' && p.active)
  .slice(0, 3)
  .map((p) => p.barcode);

/** 3 scans and the cash payment, as a cashier's till sends them; ms until the sale answered. */
async function sellThreeLines(till: TillProcess): Promise<number> {
  const started = performance.now();
  for (const code of barcodes) await till.api.call('cart.scan', { code });
  await till.api.call('sale.payCash', { tenderedMinor: 100_000 });
  return performance.now() - started;
}

/** Waits until the print queue is empty (every receipt printed). */
async function printed(till: TillProcess): Promise<void> {
  while ((await till.api.call('printer.status', {})).queued > 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * CPU time the till process has used so far (all its threads, user + system), from
 * /proc/PID/stat (proc(5): utime and stime, fields 14 and 15, in clock ticks of 1/100 s on
 * Linux); null where there is no /proc. Less sensitive to a busy machine than wall time.
 */
function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces; the fields after it are space separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * One command that does next to nothing (app.info), there and back over the WebSocket:
 * the floor a sale's 4 commands pay whatever they do.
 */
async function roundTripP50(till: TillProcess): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i += 1) {
    const started = performance.now();
    await till.api.call('app.info', {});
    samples.push(performance.now() - started);
  }
  return summarize(samples).p50;
}

/** fsyncs of the process per sale, counted by strace over a few sales. */
async function fsyncsPerSale(till: TillProcess, dataDir: string): Promise<number> {
  const trace = join(dataDir, 'strace.txt');
  const strace = await attachStrace(till.pid, ['-e', 'trace=fsync,fdatasync', '-o', trace]);
  for (let i = 0; i < COUNTED_SALES; i += 1) await sellThreeLines(till);
  await strace.detach();
  const lines = readFileSync(trace, 'utf8').split('\n');
  return lines.filter((line) => /\b(fsync|fdatasync)\(/.test(line)).length / COUNTED_SALES;
}

export const apiSaleSection: BenchSection = {
  name: 'api-sale',
  description: `${SALES} cash sales of 3 lines through the browser host's WebSocket API (3 scans + pay, each receipt printed on the simulated printer), one after another as at a till`,
  async run(context: BenchContext): Promise<BenchRow[]> {
    const fsyncP50 =
      context.get(rowKey({ section: 'fsync', metric: 'write 4 KiB + fsync p50' }))?.value ??
      measureFsync().p50;
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-bench-api-'));
    const till = await startTillProcess(dataDir);
    try {
      await signInOwnerWith(till.api.call);
      for (let i = 0; i < 10; i += 1) await sellThreeLines(till);
      const samples: number[] = [];
      const cpuBefore = processCpuMs(till.pid);
      const started = performance.now();
      for (let i = 0; i < SALES; i += 1) samples.push(await sellThreeLines(till));
      await printed(till);
      const perSecond = SALES / ((performance.now() - started) / 1000);
      const cpuAfter = processCpuMs(till.pid);
      const roundTrip = await roundTripP50(till);
      const fsyncs = await fsyncsPerSale(till, dataDir);
      const target = SHARE_OF_FSYNC_RATE * (1000 / fsyncP50);
      const { p50, p99 } = summarize(samples);
      return [
        { section: 'api-sale', metric: 'sale through the API p50', value: p50, unit: 'ms' },
        { section: 'api-sale', metric: 'sale through the API p99', value: p99, unit: 'ms' },
        ...(cpuBefore === null || cpuAfter === null
          ? []
          : [
              {
                section: 'api-sale',
                metric: 'till process CPU per sale (receipt printed)',
                value: (cpuAfter - cpuBefore) / SALES,
                unit: 'ms',
              },
            ]),
        {
          section: 'api-sale',
          metric: 'one command there and back (app.info) p50',
          value: roundTrip,
          unit: 'ms',
        },
        {
          section: 'api-sale',
          metric: 'sales through the API, receipts printed',
          value: perSecond,
          unit: 'sales/s',
          target: `≥ ${target.toFixed(0)} (0.3 / fsync p50)`,
          pass: perSecond >= target,
        },
        {
          section: 'api-sale',
          metric: 'sales/s ÷ (1 / fsync p50)',
          value: perSecond / (1000 / fsyncP50),
          unit: '×',
          target: `≥ ${SHARE_OF_FSYNC_RATE}`,
          pass: perSecond / (1000 / fsyncP50) >= SHARE_OF_FSYNC_RATE,
        },
        {
          section: 'api-sale',
          metric: 'fsyncs per sale',
          value: fsyncs,
          unit: 'fsyncs',
          target: '= 1',
          pass: fsyncs === 1,
        },
      ];
    } finally {
      await till.kill9();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
