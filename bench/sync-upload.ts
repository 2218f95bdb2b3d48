import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Ledger } from '@main/kernel/ledger';
import { tempDatabase } from '@main/ledger/temp-database';
import { silentLogger } from '@main/log/logger';
import { commitSale } from '@main/sales/commit-sale';
import { SaleRepository } from '@main/sales/sale-repository';
import { commitSalesAtOnce, sampleSale, sampleStaff } from '@main/sales/sample-sale';
import { SyncService } from '@main/sync/sync-service';
import type { SecretStore } from '@main/sync/secret-store';
import { TerminalIdentityStore } from '@main/terminal/terminal-identity';
import { onStdoutLines, spawnTsChild } from '@main/testing/ts-child';
import type { BenchRow, BenchSection } from './section';
import { summarize } from './stats';

const BACKLOG = Number(process.env.BENCH_SYNC_BACKLOG ?? 100_000);
const TARGET_ENTRIES_PER_S = 10_000;
/** One sale every SALE_EVERY_MS while the backlog goes up, and as many before it. */
const SALE_EVERY_MS = 25;
const BASELINE_SALES = 200;
const MERCHANT_ID = '898310048160001'; // the merchant `npm run host` serves

const hostScript = fileURLToPath(new URL('../backoffice/host/run.ts', import.meta.url));

class MemorySecretStore implements SecretStore {
  private secret: Buffer | null = null;
  get(): Buffer | null {
    return this.secret;
  }
  set(secret: Buffer): void {
    this.secret = secret;
  }
  clear(): void {
    this.secret = null;
  }
}

/** `npm run host` in its own process, as a real host would be: its CPU is not the till's. */
async function startHostProcess(dbFile: string): Promise<{
  url: string;
  code: string;
  proc: ChildProcessWithoutNullStreams;
}> {
  const proc = spawnTsChild(hostScript, ['--port', '0', '--db', dbFile]);
  return new Promise((resolve, reject) => {
    let url = '';
    onStdoutLines(proc, (line) => {
      url ||= /at (http:\/\/\S+)/.exec(line)?.[1] ?? '';
      const code = /Binding code:\s+(\d{6})/.exec(line)?.[1];
      if (code && url) resolve({ url, code, proc });
    });
    proc.on('error', reject);
    proc.on('close', (status) => reject(new Error(`host exited (${String(status)})`)));
  });
}

/**
 * Commits one sale each tick and records, per sale, the time from its tick to its commit:
 * what a cashier waits, including any time the event loop was busy uploading.
 */
function sellEvery(
  ms: number,
  commit: () => void,
  until: () => boolean,
  max: number,
): Promise<number[]> {
  return new Promise((resolve) => {
    const waits: number[] = [];
    let due = performance.now() + ms;
    const tick = (): void => {
      commit();
      waits.push(performance.now() - due);
      if (until() || waits.length >= max) {
        resolve(waits);
        return;
      }
      due += ms;
      setTimeout(tick, Math.max(0, due - performance.now()));
    };
    setTimeout(tick, ms);
  });
}

export const syncUploadSection: BenchSection = {
  name: 'sync',
  description: `upload of a ${BACKLOG.toLocaleString('en')}-entry backlog to the loopback test host (own process), with a sale every ${SALE_EVERY_MS} ms meanwhile`,
  async run(): Promise<BenchRow[]> {
    const hostDir = mkdtempSync(join(tmpdir(), 'countertop-bench-host-'));
    const temp = tempDatabase('countertop-bench-sync-', { checkpoint: 'manual' });
    const host = await startHostProcess(join(hostDir, 'host.sqlite'));
    try {
      const { db } = temp;
      const ledger = new Ledger(db, silentLogger);
      const repository = new SaleRepository(db);
      // The backlog: real sale entries (3 lines), committed in large transactions to save time.
      for (let done = 0; done < BACKLOG; done += 10_000) {
        commitSalesAtOnce(
          ledger,
          repository,
          Array.from({ length: 10_000 }, () => sampleSale({ lines: 3 })),
        );
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      const sellOne = (): void => {
        commitSale(ledger, repository, sampleSale({ lines: 3 }), sampleStaff);
        sync.noteNewEntry();
      };
      const sync = new SyncService({
        db,
        ledger,
        identity: new TerminalIdentityStore(db),
        secrets: new MemorySecretStore(),
        log: silentLogger,
        currency: () => 'CNY',
        onStatus: () => undefined,
      });
      sync.start();
      const baseline = await sellEvery(SALE_EVERY_MS, sellOne, () => false, BASELINE_SALES);

      const backlog = ledger.head().seq;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      await sync.bind({
        hostUrl: host.url,
        merchantId: MERCHANT_ID,
        terminalId: 'CTBENCH1',
        bindingCode: host.code,
      });
      let finished = 0;
      const during = await sellEvery(
        SALE_EVERY_MS,
        sellOne,
        () => {
          // Sales keep coming: done when the backlog that was there at binding is up.
          if (sync.status().ackedSeq >= backlog) finished = performance.now();
          return finished > 0;
        },
        Number.POSITIVE_INFINITY,
      );
      const cpu = process.cpuUsage(cpuBefore);
      await sync.stop();
      const seconds = (finished - started) / 1000;
      const rate = backlog / seconds;
      const normal = summarize(baseline);
      const busy = summarize(during);
      return [
        {
          section: 'sync',
          metric: 'backlog upload',
          value: rate,
          unit: 'entries/s',
          target: `≥ ${TARGET_ENTRIES_PER_S.toLocaleString('en')}`,
          pass: rate >= TARGET_ENTRIES_PER_S,
        },
        { section: 'sync', metric: 'backlog upload time', value: seconds, unit: 's' },
        {
          // The till's own share: what it could upload if the host answered instantly.
          section: 'sync',
          metric: 'till CPU per entry uploaded',
          value: (cpu.user + cpu.system) / backlog,
          unit: 'µs',
        },
        { section: 'sync', metric: 'sale wait p99, idle', value: normal.p99, unit: 'ms' },
        {
          section: 'sync',
          metric: 'sale wait p99, uploading',
          value: busy.p99,
          unit: 'ms',
          target: `≤ idle p99 (${normal.p99.toFixed(2)} ms)`,
          pass: busy.p99 <= normal.p99,
        },
        { section: 'sync', metric: 'sale wait max, uploading', value: busy.max, unit: 'ms' },
      ];
    } finally {
      host.proc.kill('SIGTERM');
      temp.dispose();
      rmSync(hostDir, { recursive: true, force: true });
    }
  },
};
