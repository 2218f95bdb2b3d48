import type Database from 'better-sqlite3';
import type { LedgerEntry } from '@app/ledger/entry';
import type { CurrencyCode } from '@app/money/currency';
import type { FeeKind, FeeSchedule } from '@app/fees/fee-schedule';
import { ReportAccumulator } from '@app/reports/accumulator';
import type { ShopClock } from '@app/reports/business-day';
import type { Correction, ReportFigures } from '@app/reports/report-schema';
import { rowsOfEntry } from '@app/reports/summary-rows';
import type { EntryRows, TakingsType } from '@app/reports/summary-rows';
import type { Logger } from '../log/logger';

export interface ReportIndexDeps {
  clock: () => ShopClock;
  fees: () => FeeSchedule;
  log: Logger;
}

export interface OpenShift {
  shiftId: string;
  openedAt: string;
  operatorName: string;
}

/** Entries a commit may catch up on by itself; a longer gap waits for `catchUp()`. */
const MAX_GAP_IN_COMMIT = 100;
const SLICE = 2_000;

const clockKey = (clock: ShopClock): string => `${clock.timeZone}|${String(clock.cutoffHour)}`;

/**
 * The summary tables behind the owner's dashboard (migration v3): sums per business day of
 * what each entry adds (app/reports/summary-rows.ts), written in the same transaction as
 * the entry. They are derived data: the ledger is never edited, and `rebuild()` makes them
 * again from the ledger (after the shop's time zone or cut-off changed).
 *
 * A report problem must never cost a sale: an entry the index cannot take is left for
 * `catchUp()` (run before every report), inside a savepoint so the sale still commits.
 */
export class ReportIndex {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    private readonly deps: ReportIndexDeps,
  ) {
    db.prepare('INSERT OR IGNORE INTO report_state (id, through_seq, clock) VALUES (1, 0, ?)').run(
      clockKey(deps.clock()),
    );
    this.stmts = {
      state: db.prepare<[], { throughSeq: number; clock: string }>(
        'SELECT through_seq AS throughSeq, clock FROM report_state WHERE id = 1',
      ),
      setThrough: db.prepare<[number]>('UPDATE report_state SET through_seq = ? WHERE id = 1'),
      entryById: db.prepare<[string], { body: string }>('SELECT body FROM entries WHERE id = ?'),
      entriesFrom: db.prepare<[number, number], { body: string }>(
        'SELECT body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?',
      ),
      totals: db.prepare(
        `INSERT INTO report_totals (day, type, hour, count, amount, gross, discount, items, rounding)
         VALUES (@day, @type, @hour, @count, @amountMinor, @grossMinor, @discountMinor, @itemCount, @roundingMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
           gross = gross + excluded.gross, discount = discount + excluded.discount,
           items = items + excluded.items, rounding = rounding + excluded.rounding`,
      ),
      tax: db.prepare(
        `INSERT INTO report_taxes (day, tax_class, rate_bp, base, tax)
         VALUES (@day, @taxClass, @rateBp, @baseMinor, @taxMinor)
         ON CONFLICT DO UPDATE SET base = base + excluded.base, tax = tax + excluded.tax`,
      ),
      tender: db.prepare(
        `INSERT INTO report_tenders (day, kind, count, amount, fee)
         VALUES (@day, @kind, @count, @amountMinor, @feeMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count,
           amount = amount + excluded.amount, fee = fee + excluded.fee`,
      ),
      cashier: db.prepare(
        `INSERT INTO report_cashiers (day, operator_id, type, name, count, amount)
         VALUES (@day, @operatorId, @type, @name, @count, @amountMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
           name = CASE WHEN excluded.name = '' THEN name ELSE excluded.name END`,
      ),
      product: db.prepare(
        `INSERT INTO report_products (period, product_id, name_en, name_zh, quantity, net)
         VALUES (@period, @productId, @nameEn, @nameZh, @quantity, @netMinor)
         ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, net = net + excluded.net`,
      ),
      cash: db.prepare(
        `INSERT INTO report_cash (day, float, cash_sales, cash_returns, pay_in_count, pay_in,
           pay_out_count, pay_out, drop_count, drops, no_sale_count, shifts_opened, shifts_closed, counted)
         VALUES (@day, @floatMinor, @cashSalesMinor, @cashReturnsMinor, @payInCount, @payInMinor,
           @payOutCount, @payOutMinor, @dropCount, @dropMinor, @noSaleCount, @shiftsOpened,
           @shiftsClosed, @countedMinor)
         ON CONFLICT DO UPDATE SET float = float + excluded.float,
           cash_sales = cash_sales + excluded.cash_sales, cash_returns = cash_returns + excluded.cash_returns,
           pay_in_count = pay_in_count + excluded.pay_in_count, pay_in = pay_in + excluded.pay_in,
           pay_out_count = pay_out_count + excluded.pay_out_count, pay_out = pay_out + excluded.pay_out,
           drop_count = drop_count + excluded.drop_count, drops = drops + excluded.drops,
           no_sale_count = no_sale_count + excluded.no_sale_count,
           shifts_opened = shifts_opened + excluded.shifts_opened,
           shifts_closed = shifts_closed + excluded.shifts_closed, counted = counted + excluded.counted`,
      ),
      correction: db.prepare<[number, string, string]>(
        'INSERT INTO report_corrections (seq, day, correction) VALUES (?, ?, ?)',
      ),
      shiftOpen: db.prepare(
        `INSERT OR IGNORE INTO report_shifts (shift_id, open_seq, opened_at, operator_id, operator_name)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      shiftClose: db.prepare<[number, string]>(
        'UPDATE report_shifts SET close_seq = ? WHERE shift_id = ? AND close_seq IS NULL',
      ),
      openShifts: db.prepare<[], OpenShift>(
        `SELECT shift_id AS shiftId, opened_at AS openedAt, operator_name AS operatorName
         FROM report_shifts WHERE close_seq IS NULL ORDER BY open_seq`,
      ),
    };
  }

  /**
   * Adds a just-appended entry. Runs inside the caller's transaction (the sale's, the
   * z_close's), in a savepoint: if it fails, the entry still commits and `catchUp()` adds
   * it later.
   */
  apply(entry: LedgerEntry): void {
    const state = this.stmts.state.get();
    if (!state || state.clock !== clockKey(this.deps.clock())) return;
    const gap = entry.seq - state.throughSeq - 1;
    if (gap < 0 || gap > MAX_GAP_IN_COMMIT) return;
    try {
      this.db.transaction(() => {
        if (gap > 0) this.indexFrom(state.throughSeq + 1, entry.seq - 1);
        this.write(entry);
        this.stmts.setThrough.run(entry.seq);
      })();
    } catch (error) {
      this.deps.log.error('report index could not take an entry; it will catch up', {
        seq: entry.seq,
        error: String(error),
      });
    }
  }

  /**
   * Brings the tables up to the ledger's head, first rebuilding them if the shop's clock
   * changed. Returns how many entries it added.
   */
  catchUp(): number {
    const key = clockKey(this.deps.clock());
    let added = 0;
    for (;;) {
      const step = this.db
        .transaction((): number => {
          const state = this.stmts.state.get();
          if (!state || state.clock !== key) this.clear(key);
          const from = (state && state.clock === key ? state.throughSeq : 0) + 1;
          return this.indexFrom(from, from + SLICE - 1);
        })
        .immediate();
      added += step;
      if (step < SLICE) return added;
    }
  }

  /** Forgets every sum and makes them again from the ledger (the shop's clock changed). */
  rebuild(): number {
    this.db.transaction(() => this.clear(clockKey(this.deps.clock()))).immediate();
    return this.catchUp();
  }

  openShifts(): OpenShift[] {
    return this.stmts.openShifts.all();
  }

  /** The figures of business days `from` to `to` (inclusive), from the sums alone. */
  figures(from: string, to: string, currency: CurrencyCode, cutoffHour: number): ReportFigures {
    const acc = new ReportAccumulator();
    const range = [from, to] as const;
    const all = <T>(sql: string, params: readonly unknown[] = range): T[] =>
      this.db.prepare<unknown[], T>(sql).all(...params);

    for (const row of all<{
      type: TakingsType;
      hour: number;
      count: number;
      amountMinor: number;
      grossMinor: number;
      discountMinor: number;
      itemCount: number;
      roundingMinor: number;
    }>(
      `SELECT type, hour, sum(count) AS count, sum(amount) AS amountMinor, sum(gross) AS grossMinor,
         sum(discount) AS discountMinor, sum(items) AS itemCount, sum(rounding) AS roundingMinor
       FROM report_totals WHERE day BETWEEN ? AND ? GROUP BY type, hour`,
    )) {
      acc.addTotals(row);
    }
    for (const row of all<{
      taxClass: string;
      rateBp: number;
      baseMinor: number;
      taxMinor: number;
    }>(
      `SELECT tax_class AS taxClass, rate_bp AS rateBp, sum(base) AS baseMinor, sum(tax) AS taxMinor
       FROM report_taxes WHERE day BETWEEN ? AND ? GROUP BY tax_class, rate_bp`,
    )) {
      acc.addTax(row);
    }
    for (const row of all<{ kind: FeeKind; count: number; amountMinor: number; feeMinor: number }>(
      `SELECT kind, sum(count) AS count, sum(amount) AS amountMinor, sum(fee) AS feeMinor
       FROM report_tenders WHERE day BETWEEN ? AND ? GROUP BY kind`,
    )) {
      acc.addTender(row);
    }
    for (const row of all<{
      operatorId: string;
      type: TakingsType;
      name: string;
      count: number;
      amountMinor: number;
    }>(
      `SELECT operator_id AS operatorId, type, max(name) AS name, sum(count) AS count,
         sum(amount) AS amountMinor
       FROM report_cashiers WHERE day BETWEEN ? AND ? GROUP BY operator_id, type`,
    )) {
      acc.addCashier(row);
    }
    for (const row of this.productRows(from, to)) acc.addProduct(row);
    const cash = all<Record<string, number | null>>(
      `SELECT sum(float) AS floatMinor, sum(cash_sales) AS cashSalesMinor,
         sum(cash_returns) AS cashReturnsMinor, sum(pay_in_count) AS payInCount,
         sum(pay_in) AS payInMinor, sum(pay_out_count) AS payOutCount, sum(pay_out) AS payOutMinor,
         sum(drop_count) AS dropCount, sum(drops) AS dropMinor, sum(no_sale_count) AS noSaleCount,
         sum(shifts_opened) AS shiftsOpened, sum(shifts_closed) AS shiftsClosed,
         sum(counted) AS countedMinor
       FROM report_cash WHERE day BETWEEN ? AND ?`,
    )[0];
    acc.addCash({
      floatMinor: cash?.floatMinor ?? 0,
      cashSalesMinor: cash?.cashSalesMinor ?? 0,
      cashReturnsMinor: cash?.cashReturnsMinor ?? 0,
      payInCount: cash?.payInCount ?? 0,
      payInMinor: cash?.payInMinor ?? 0,
      payOutCount: cash?.payOutCount ?? 0,
      payOutMinor: cash?.payOutMinor ?? 0,
      dropCount: cash?.dropCount ?? 0,
      dropMinor: cash?.dropMinor ?? 0,
      noSaleCount: cash?.noSaleCount ?? 0,
      shiftsOpened: cash?.shiftsOpened ?? 0,
      shiftsClosed: cash?.shiftsClosed ?? 0,
      countedMinor: cash?.countedMinor ?? 0,
    });
    // The newest 1,000 corrections of the range are listed; their sums count them all.
    const corrections = all<{ correction: string }>(
      `SELECT correction FROM report_corrections WHERE day BETWEEN ? AND ?
       ORDER BY seq DESC LIMIT 1000`,
    );
    for (const row of corrections) acc.addCorrection(JSON.parse(row.correction) as Correction);
    return acc.figures(currency, cutoffHour);
  }

  /** Whole months inside the range come from monthly sums, the days at its edges from daily. */
  private productRows(from: string, to: string) {
    const months: string[] = [];
    const edges: [string, string][] = [];
    let cursor = from;
    while (cursor <= to) {
      const month = cursor.slice(0, 7);
      const monthEnd = lastDayOf(month);
      if (cursor === `${month}-01` && monthEnd <= to) months.push(month);
      else edges.push([cursor, monthEnd < to ? monthEnd : to]);
      cursor = nextDay(monthEnd);
    }
    const select = `SELECT product_id AS productId, max(name_en) AS nameEn, max(name_zh) AS nameZh,
        sum(quantity) AS quantity, sum(net) AS netMinor FROM report_products`;
    type Row = {
      productId: string;
      nameEn: string;
      nameZh: string;
      quantity: number;
      netMinor: number;
    };
    const rows: Row[] = [];
    if (months.length > 0) {
      rows.push(
        ...this.db
          .prepare<[string], Row>(
            `${select} WHERE period IN (SELECT value FROM json_each(?)) GROUP BY product_id`,
          )
          .all(JSON.stringify(months)),
      );
    }
    for (const [a, b] of edges) {
      rows.push(
        ...this.db
          .prepare<[string, string], Row>(
            `${select} WHERE period BETWEEN ? AND ? AND length(period) = 10 GROUP BY product_id`,
          )
          .all(a, b),
      );
    }
    return rows;
  }

  private clear(key: string): void {
    for (const table of [
      'report_totals',
      'report_taxes',
      'report_tenders',
      'report_cashiers',
      'report_products',
      'report_cash',
      'report_corrections',
      'report_shifts',
    ]) {
      this.db.exec(`DELETE FROM ${table}`);
    }
    this.db.prepare('UPDATE report_state SET through_seq = 0, clock = ? WHERE id = 1').run(key);
  }

  /** Indexes entries from..to (inclusive); returns how many there were. */
  private indexFrom(from: number, to: number): number {
    const rows = this.stmts.entriesFrom.all(from, to - from + 1);
    let last = from - 1;
    for (const row of rows) {
      const entry = JSON.parse(row.body) as LedgerEntry;
      this.write(entry);
      last = entry.seq;
    }
    if (rows.length > 0) this.stmts.setThrough.run(last);
    return rows.length;
  }

  private write(entry: LedgerEntry): void {
    const rows: EntryRows = rowsOfEntry(entry, {
      clock: this.deps.clock(),
      fees: this.deps.fees(),
      referenced: (id) => {
        const row = this.stmts.entryById.get(id);
        return row ? (JSON.parse(row.body) as LedgerEntry) : null;
      },
    });
    const { day } = rows;
    const s = this.stmts;
    s.totals.run({ day, ...rows.totals });
    for (const tax of rows.taxes) s.tax.run({ day, ...tax });
    for (const tender of rows.tenders) s.tender.run({ day, ...tender });
    if (rows.cashier) s.cashier.run({ day, ...rows.cashier });
    for (const product of rows.products) {
      s.product.run({ period: day, ...product });
      s.product.run({ period: day.slice(0, 7), ...product });
    }
    if (Object.values(rows.cash).some((v) => v !== 0)) s.cash.run({ day, ...rows.cash });
    if (rows.correction) s.correction.run(entry.seq, day, JSON.stringify(rows.correction));
    if (rows.shift?.event === 'open') {
      s.shiftOpen.run(
        rows.shift.shiftId,
        entry.seq,
        entry.at,
        rows.shift.operator.id,
        rows.shift.operator.name,
      );
    } else if (rows.shift?.event === 'close') {
      s.shiftClose.run(entry.seq, rows.shift.shiftId);
    }
  }
}

function lastDayOf(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, mon ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
