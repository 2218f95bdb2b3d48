import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupStatus } from '@app/api/contract';
import type { NewEntry } from '@app/ledger/entry';
import { PAGES_PER_STEP } from '@main/backup/snapshot-copy';
import { backupServiceOn } from '@main/backup/backup-test-support';
import { Ledger } from '@main/kernel/ledger';
import { tempDatabase } from '@main/ledger/temp-database';
import { silentLogger } from '@main/log/logger';
import { commitSale } from '@main/sales/commit-sale';
import { SaleRepository } from '@main/sales/sale-repository';
import { sampleSale, sampleStaff } from '@main/sales/sample-sale';
import type { BenchRow, BenchSection } from './section';
import { summarize } from './stats';

const ENTRIES = Number(process.env.BENCH_BACKUP_ENTRIES ?? 1_000_000);
/** Sales arrive on a fixed schedule, as customers do, whether or not the till is busy. */
const SALE_EVERY_MS = 20;
const IDLE_SALES = 300;
const RATIO_TARGET = 2;
const section = 'backup';

type Phase = NonNullable<BackupStatus['running']>['phase'] | 'idle';

/** A small sale entry: the ledger's bulk, appended through the real ledger commit. */
const filler = (): NewEntry => ({
  id: randomUUID(),
  type: 'sale',
  at: new Date().toISOString(),
  batchNo: '000001',
  currency: 'CNY',
  amount: 350,
  tenders: [{ method: 'cash', amount: 350 }],
  detail: { lines: [{ sku: 'DRK0001', quantity: 1, grossMinor: 350 }] },
});

function fill(db: Database.Database, ledger: Ledger, entries: number): void {
  for (let done = 0; done < entries; done += 20_000) {
    ledger.commit((tx) => {
      for (let i = 0; i < Math.min(20_000, entries - done); i += 1) tx.append(filler());
    });
  }
  // The idle checkpoint has run: the ledger is in the database file, the WAL empty.
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Sales due every SALE_EVERY_MS, each committed at the first turn of the event loop after
 * it is due: its latency (due → committed) includes any backup step it waited behind, as a
 * cashier's request arriving on the socket would.
 */
async function sell(
  commit: () => void,
  until: (count: number) => boolean,
  phase: () => Phase,
): Promise<{ ms: number; phase: Phase }[]> {
  const samples: { ms: number; phase: Phase }[] = [];
  const start = performance.now();
  while (!until(samples.length)) {
    const due = start + samples.length * SALE_EVERY_MS;
    if (performance.now() >= due) {
      const at = phase();
      commit();
      samples.push({ ms: performance.now() - due, phase: at });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return samples;
}

export const backupSection: BenchSection = {
  name: section,
  description: `backup of a ${ENTRIES.toLocaleString('en')}-entry ledger (online copy from a snapshot on a worker, ${PAGES_PER_STEP} pages a step, then verified) while a sale is due every ${SALE_EVERY_MS} ms: p99 vs idle`,
  async run(): Promise<BenchRow[]> {
    const temp = tempDatabase('countertop-bench-backup-', { checkpoint: 'manual' });
    const folder = mkdtempSync(join(tmpdir(), 'countertop-bench-backup-folder-'));
    try {
      const { db } = temp;
      const ledger = new Ledger(db, silentLogger);
      const repository = new SaleRepository(db);
      const fillStart = performance.now();
      fill(db, ledger, ENTRIES);
      const fillS = (performance.now() - fillStart) / 1000;
      const bytes =
        (db.pragma('page_count', { simple: true }) as number) *
        (db.pragma('page_size', { simple: true }) as number);
      const phaseStarted = new Map<Phase, number>();
      let phase: Phase = 'idle';
      const backup = backupServiceOn(temp, folder, {
        emit: (status) => {
          const next = status.running?.phase ?? 'idle';
          if (next !== phase) phaseStarted.set(next, performance.now());
          phase = next;
        },
      });
      const commit = (): void => {
        commitSale(ledger, repository, sampleSale({ lines: 3 }), sampleStaff);
      };

      const idle = summarize(
        (
          await sell(
            commit,
            (n) => n >= IDLE_SALES,
            () => 'idle',
          )
        ).map((s) => s.ms),
      );
      const started = performance.now();
      const done = { now: false };
      const run = backup.run('manual').finally(() => (done.now = true));
      const during = await sell(
        commit,
        () => done.now,
        () => phase,
      );
      const status = await run;
      const totalS = (performance.now() - started) / 1000;
      if (!status.last?.ok) throw new Error(`the backup failed: ${status.last?.error?.message}`);
      const all = summarize(during.map((s) => s.ms));
      const copying = during.filter((s) => s.phase === 'copying').map((s) => s.ms);
      const copyS = ((phaseStarted.get('verifying') ?? started) - started) / 1000;
      const ratio = all.p99 / idle.p99;
      const rows: BenchRow[] = [
        { section, metric: 'ledger entries', value: ENTRIES, unit: 'entries' },
        { section, metric: 'ledger size', value: bytes / 1024 / 1024, unit: 'MiB' },
        { section, metric: 'filling the ledger (Ledger.commit)', value: fillS, unit: 's' },
        { section, metric: 'backup, total (copy, write, verify)', value: totalS, unit: 's' },
        { section, metric: 'backup, online copy (worker)', value: copyS, unit: 's' },
        { section, metric: 'sale p50 idle', value: idle.p50, unit: 'ms' },
        { section, metric: 'sale p99 idle', value: idle.p99, unit: 'ms' },
        { section, metric: 'sales during the backup', value: during.length, unit: 'sales' },
        { section, metric: 'sale p50 during the backup', value: all.p50, unit: 'ms' },
        { section, metric: 'sale p99 during the backup', value: all.p99, unit: 'ms' },
        { section, metric: 'sale max during the backup', value: all.max, unit: 'ms' },
      ];
      if (copying.length > 0) {
        rows.push({
          section,
          metric: 'sale p99 during the online copy',
          value: summarize(copying).p99,
          unit: 'ms',
        });
      }
      for (const part of ['writing', 'verifying'] as const) {
        const samples = during.filter((s) => s.phase === part).map((s) => s.ms);
        if (samples.length === 0) continue;
        rows.push({
          section,
          metric: `sale p99 while ${part === 'writing' ? 'written to the folder' : 'verified'}`,
          value: summarize(samples).p99,
          unit: 'ms',
        });
      }
      rows.push({
        section,
        metric: 'p99 during backup / p99 idle',
        value: ratio,
        unit: '×',
        target: `≤ ${RATIO_TARGET}`,
        pass: ratio <= RATIO_TARGET,
      });
      return rows;
    } finally {
      temp.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
