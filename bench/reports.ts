import { randomUUID } from 'node:crypto';
import type { LedgerEntry } from '@app/ledger/entry';
import { addDays, businessDayBounds } from '@app/reports/business-day';
import { seededRandom } from '@app/util/seeded-random';
import { tempDatabase } from '@main/ledger/temp-database';
import { silentLogger } from '@main/log/logger';
import { ReportIndex } from '@main/reports/report-index';
import { reportingLedger } from '@main/reports/report-test-support';
import { ReportService } from '@main/reports/report-service';
import { ReportSettingsStore } from '@main/reports/report-settings';
import { commitSale } from '@main/sales/commit-sale';
import { saleToNewEntry } from '@main/sales/sale-entry';
import { SaleRepository } from '@main/sales/sale-repository';
import { commitSalesAtOnce, sampleSale, sampleStaff } from '@main/sales/sample-sale';
import { SettingsStore } from '@main/settings/settings-store';
import { TerminalIdentityStore } from '@main/terminal/terminal-identity';
import type Database from 'better-sqlite3';
import { measureFsync } from './fsync-latency';
import { rowKey } from './section';
import type { BenchContext, BenchRow, BenchSection } from './section';
import { nsToMs, summarize, timeNs } from './stats';

const Z_SALES = 10_000;
/** Of the Z day's sales, this many are committed one by one and timed, as the till does. */
const TIMED_COMMITS = 2_000;
const YEAR_DAYS = 365;
const LINES_PER_SALE = 4;
/** 365 × 1,400 sales × 4 lines = 2,044,000 sale lines. */
const SALES_PER_DAY = 1_400;
const PRODUCTS = 2_000;
const Z_TARGET_MS = 1_000;
const VIEW_TARGET_MS = 100;
/** As the commit section: with the report sums, a commit still costs ≤ 1.5 fsyncs at p99. */
const RATIO_TARGET = 1.5;
const CLOCK = { timeZone: 'Asia/Shanghai', cutoffHour: 4 };

function stack(db: Database.Database, now: () => Date) {
  const settings = new ReportSettingsStore(new SettingsStore(db), CLOCK.timeZone);
  settings.update(CLOCK);
  const index = new ReportIndex(db, {
    clock: () => CLOCK,
    fees: () => settings.get().fees,
    log: silentLogger,
  });
  const ledger = reportingLedger(db, index);
  const identity = new TerminalIdentityStore(db);
  const service = new ReportService({
    db,
    ledger,
    index,
    identity,
    settings,
    currency: () => 'CNY',
    log: silentLogger,
    now,
  });
  return { index, ledger, identity, service };
}

/** The Z day: 10,000 sales of 3 lines through the app's commit path, then the Z. */
function zDay(context: BenchContext): BenchRow[] {
  const fsyncP99 =
    context.get(rowKey({ section: 'fsync', metric: 'write 4 KiB + fsync p99' }))?.value ??
    measureFsync().p99;
  const temp = tempDatabase('countertop-bench-z-', { checkpoint: 'manual' });
  try {
    const { ledger, service } = stack(temp.db, () => new Date());
    const repository = new SaleRepository(temp.db);
    const sales = Array.from({ length: Z_SALES }, () => sampleSale({ lines: 3 }));
    const samples: number[] = [];
    for (const sale of sales.slice(0, TIMED_COMMITS)) {
      samples.push(nsToMs(timeNs(() => commitSale(ledger, repository, sale, sampleStaff))));
    }
    // The rest of the day in larger transactions: only the Z is timed from here.
    const rest = sales.slice(TIMED_COMMITS);
    for (let i = 0; i < rest.length; i += 1_000) {
      commitSalesAtOnce(ledger, repository, rest.slice(i, i + 1_000));
    }
    // The till was busy all day; IdleCheckpointer folds the WAL in whenever it pauses.
    temp.db.pragma('wal_checkpoint(TRUNCATE)');
    let salesOnZ = 0;
    const zMs = nsToMs(
      timeNs(() => {
        salesOnZ = service.closeDay().figures.salesCount;
      }),
    );
    if (salesOnZ !== Z_SALES) throw new Error(`the Z counted ${salesOnZ} sales, not ${Z_SALES}`);
    const { p50, p99 } = summarize(samples);
    const ratio = p99 / fsyncP99;
    const plain = context.get(rowKey({ section: 'commit', metric: 'sale commit p99' }))?.value;
    return [
      { section: 'reports', metric: 'sale commit with report sums p50', value: p50, unit: 'ms' },
      { section: 'reports', metric: 'sale commit with report sums p99', value: p99, unit: 'ms' },
      {
        section: 'reports',
        metric: 'p99 commit with sums / p99 fsync',
        value: ratio,
        unit: '×',
        target: `≤ ${RATIO_TARGET}`,
        pass: ratio <= RATIO_TARGET,
      },
      ...(plain === undefined
        ? []
        : [
            {
              section: 'reports',
              metric: 'p99 commit with sums / p99 commit section',
              value: p99 / plain,
              unit: '×',
            },
          ]),
      {
        section: 'reports',
        metric: `Z close of ${Z_SALES} sales`,
        value: zMs,
        unit: 'ms',
        target: `≤ ${Z_TARGET_MS} ms`,
        pass: zMs <= Z_TARGET_MS,
      },
    ];
  } finally {
    temp.dispose();
  }
}

/**
 * A year of sales in the summary tables, as the app's commits would have left them: each
 * synthetic sale entry goes through the same rows and writes as a real commit (the
 * ReportIndex), but is not itself stored, since the dashboard never reads the entries and a
 * year of them would take gigabytes of a shared disk.
 */
function yearOfSales(): BenchRow[] {
  const temp = tempDatabase('countertop-bench-year-', { checkpoint: 'manual' });
  try {
    const lastDay = '2026-11-22';
    const now = new Date(businessDayBounds(lastDay, CLOCK).startMs + 20 * 3_600_000);
    const { index, service } = stack(temp.db, () => now);
    const random = seededRandom(5);
    const template = saleToNewEntry(sampleSale({ lines: LINES_PER_SALE }), sampleStaff);
    let seq = 0;
    let lines = 0;
    const buildMs = nsToMs(
      timeNs(() => {
        for (let d = YEAR_DAYS - 1; d >= 0; d -= 1) {
          const day = addDays(lastDay, -d);
          // Open 08:00 to 22:00 local.
          const open = businessDayBounds(day, CLOCK).startMs + 4 * 3_600_000;
          temp.db
            .transaction(() => {
              for (let s = 0; s < SALES_PER_DAY; s += 1) {
                seq += 1;
                index.apply(
                  syntheticSale(
                    template,
                    seq,
                    open + Math.floor(random() * 14 * 3_600_000),
                    random,
                  ),
                );
                lines += LINES_PER_SALE;
              }
            })
            .immediate();
        }
      }),
    );
    // As IdleCheckpointer does when the till is quiet: the sums live in the database file.
    temp.db.pragma('wal_checkpoint(TRUNCATE)');
    const views: [string, { from: string; to: string }][] = [
      ['today vs yesterday and last week', { from: lastDay, to: lastDay }],
      ['last 30 days', { from: addDays(lastDay, -29), to: lastDay }],
      ['last 365 days', { from: addDays(lastDay, -(YEAR_DAYS - 1)), to: lastDay }],
    ];
    const rows: BenchRow[] = [
      { section: 'reports', metric: 'year of sale lines in the sums', value: lines, unit: 'lines' },
      { section: 'reports', metric: 'building a year of sums', value: buildMs / 1000, unit: 's' },
    ];
    for (const [name, range] of views) {
      const samples: number[] = [];
      let sales = 0;
      for (let i = 0; i < 20; i += 1) {
        samples.push(
          nsToMs(timeNs(() => (sales = service.dashboard(range).range.figures.salesCount))),
        );
      }
      const days = range.from === range.to ? 1 : name === 'last 30 days' ? 30 : YEAR_DAYS;
      if (sales !== days * SALES_PER_DAY) throw new Error(`${name}: ${sales} sales`);
      const { max } = summarize(samples);
      rows.push({
        section: 'reports',
        metric: `dashboard ${name} (max of 20)`,
        value: max,
        unit: 'ms',
        target: `≤ ${VIEW_TARGET_MS} ms`,
        pass: max <= VIEW_TARGET_MS,
      });
    }
    return rows;
  } finally {
    temp.dispose();
  }
}

/** A sale entry like `template` at `atMs`, with products from a 2,000-product shelf. */
export function syntheticSale(
  template: ReturnType<typeof saleToNewEntry>,
  seq: number,
  atMs: number,
  random: () => number,
): LedgerEntry {
  const card = random() < 0.35;
  const lines = (template.detail.lines as { [key: string]: string | number }[]).map((line) => ({
    ...line,
    productId: `p${String(Math.floor(random() * PRODUCTS))}`,
  }));
  const amount = template.amount;
  return {
    ...template,
    id: randomUUID(),
    seq,
    at: new Date(atMs).toISOString(),
    tenders: [{ method: card ? 'card' : 'cash', amount }],
    detail: {
      ...template.detail,
      lines,
      tenders: [
        card
          ? {
              method: 'card',
              amountMinor: amount,
              tenderedMinor: amount,
              changeMinor: 0,
              cardType: random() < 0.5 ? 'credit' : 'debit',
            }
          : { method: 'cash', amountMinor: amount, tenderedMinor: amount, changeMinor: 0 },
      ],
    },
    prevHash: '',
    hash: '',
  };
}

export const reportsSection: BenchSection = {
  name: 'reports',
  description: `Z close of ${Z_SALES} sales (and the sale commit with report sums); dashboard views over ${YEAR_DAYS} days × ${SALES_PER_DAY} sales × ${LINES_PER_SALE} lines`,
  run(context: BenchContext): BenchRow[] {
    return [...zDay(context), ...yearOfSales()];
  },
};
