import type Database from 'better-sqlite3';
import type { LedgerEntry } from '@app/ledger/entry';
import type { CurrencyCode } from '@app/money/currency';
import type { FeeKind, FeeSchedule } from '@app/fees/fee-schedule';
import { ReportAccumulator, TOP_PRODUCTS } from '@app/reports/accumulator';
import type { ShopClock } from '@app/reports/business-day';
import type { Correction, ReportFigures } from '@app/reports/report-schema';
import { emptyCashRow, rowsOfEntry } from '@app/reports/summary-rows';
import type { CashRow, CashierRow, EntryRows, TotalsRow } from '@app/reports/summary-rows';
import type { ProductLine, TaxLine } from '@app/reports/entry-detail';
import type { Logger } from '../log/logger';
import { entryReader } from '../ledger/entry-reader';

export interface ReportIndexDeps {
  clock: () => ShopClock;
  fees: () => FeeSchedule;
  log: Logger;
}

/** Business days from..to; with batchNo, only that batch's entries on those days. */
export interface SumsRange {
  from: string;
  to: string;
  batchNo?: string;
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
      totals: db.prepare(
        `INSERT INTO report_totals (day, batch_no, type, hour, count, amount, gross, discount, items, rounding)
         VALUES (@day, @batchNo, @type, @hour, @count, @amountMinor, @grossMinor, @discountMinor, @itemCount, @roundingMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
           gross = gross + excluded.gross, discount = discount + excluded.discount,
           items = items + excluded.items, rounding = rounding + excluded.rounding`,
      ),
      tax: db.prepare(
        `INSERT INTO report_taxes (day, batch_no, tax_class, rate_bp, base, tax)
         VALUES (@day, @batchNo, @taxClass, @rateBp, @baseMinor, @taxMinor)
         ON CONFLICT DO UPDATE SET base = base + excluded.base, tax = tax + excluded.tax`,
      ),
      tender: db.prepare(
        `INSERT INTO report_tenders (day, batch_no, kind, count, amount, fee)
         VALUES (@day, @batchNo, @kind, @count, @amountMinor, @feeMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count,
           amount = amount + excluded.amount, fee = fee + excluded.fee`,
      ),
      cashier: db.prepare(
        `INSERT INTO report_cashiers (day, batch_no, operator_id, type, name, count, amount)
         VALUES (@day, @batchNo, @operatorId, @type, @name, @count, @amountMinor)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
           name = CASE WHEN excluded.name = '' THEN name ELSE excluded.name END`,
      ),
      product: db.prepare(
        `INSERT INTO report_products (day, batch_no, product_id, quantity, net)
         VALUES (@day, @batchNo, @productId, @quantity, @netMinor)
         ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, net = net + excluded.net`,
      ),
      productBlock: db.prepare(
        `INSERT INTO report_product_blocks (size, block, product_id, quantity, net)
         VALUES (@size, @block, @productId, @quantity, @netMinor)
         ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, net = net + excluded.net`,
      ),
      productName: db.prepare(
        `INSERT INTO report_product_names (product_id, name_en, name_zh)
         VALUES (@productId, @nameEn, @nameZh)
         ON CONFLICT DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh
         WHERE name_en <> excluded.name_en OR name_zh <> excluded.name_zh`,
      ),
      cash: db.prepare(
        `INSERT INTO report_cash (day, batch_no, float, cash_sales, cash_returns, pay_in_count, pay_in,
           pay_out_count, pay_out, drop_count, drops, no_sale_count, shifts_opened, shifts_closed, counted)
         VALUES (@day, @batchNo, @floatMinor, @cashSalesMinor, @cashReturnsMinor, @payInCount, @payInMinor,
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
      correction: db.prepare<[number, string, string, string]>(
        'INSERT INTO report_corrections (seq, day, batch_no, correction) VALUES (?, ?, ?, ?)',
      ),
      shiftOpen: db.prepare(
        `INSERT OR IGNORE INTO report_shifts (shift_id, open_seq, opened_at, operator_id, operator_name)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      shiftClose: db.prepare<[number, string]>(
        'UPDATE report_shifts SET close_seq = ? WHERE shift_id = ? AND close_seq IS NULL',
      ),
      productNameOf: db.prepare<[string], { nameEn: string; nameZh: string }>(
        'SELECT name_en AS nameEn, name_zh AS nameZh FROM report_product_names WHERE product_id = ?',
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

  /**
   * The figures of business days `from` to `to` (inclusive), from the sums alone; with
   * `batchNo`, only that settlement batch's part of those days (an X or a Z).
   */
  figures(range: SumsRange, currency: CurrencyCode, cutoffHour: number): ReportFigures {
    const acc = new ReportAccumulator();
    const params = { from: range.from, to: range.to, batch: range.batchNo ?? null };
    const where = 'day BETWEEN @from AND @to AND (@batch IS NULL OR batch_no = @batch)';
    const all = <T>(sql: string): T[] => this.db.prepare<[typeof params], T>(sql).all(params);

    for (const row of all<TotalsRow>(
      `SELECT type, hour, sum(count) AS count, sum(amount) AS amountMinor, sum(gross) AS grossMinor,
         sum(discount) AS discountMinor, sum(items) AS itemCount, sum(rounding) AS roundingMinor
       FROM report_totals WHERE ${where} GROUP BY type, hour`,
    )) {
      acc.addTotals(row);
    }
    for (const row of all<TaxLine>(
      `SELECT tax_class AS taxClass, rate_bp AS rateBp, sum(base) AS baseMinor, sum(tax) AS taxMinor
       FROM report_taxes WHERE ${where} GROUP BY tax_class, rate_bp`,
    )) {
      acc.addTax(row);
    }
    for (const row of all<{ kind: FeeKind; count: number; amountMinor: number; feeMinor: number }>(
      `SELECT kind, sum(count) AS count, sum(amount) AS amountMinor, sum(fee) AS feeMinor
       FROM report_tenders WHERE ${where} GROUP BY kind`,
    )) {
      acc.addTender(row);
    }
    for (const row of all<CashierRow>(
      `SELECT operator_id AS operatorId, type, max(name) AS name, sum(count) AS count,
         sum(amount) AS amountMinor
       FROM report_cashiers WHERE ${where} GROUP BY operator_id, type`,
    )) {
      acc.addCashier(row);
    }
    for (const row of this.productRows(range)) acc.addProduct(row);
    const cash = all<Record<keyof CashRow, number | null>>(
      `SELECT sum(float) AS floatMinor, sum(cash_sales) AS cashSalesMinor,
         sum(cash_returns) AS cashReturnsMinor, sum(pay_in_count) AS payInCount,
         sum(pay_in) AS payInMinor, sum(pay_out_count) AS payOutCount, sum(pay_out) AS payOutMinor,
         sum(drop_count) AS dropCount, sum(drops) AS dropMinor, sum(no_sale_count) AS noSaleCount,
         sum(shifts_opened) AS shiftsOpened, sum(shifts_closed) AS shiftsClosed,
         sum(counted) AS countedMinor
       FROM report_cash WHERE ${where}`,
    )[0];
    const sums = emptyCashRow();
    for (const key of Object.keys(sums) as (keyof CashRow)[]) sums[key] = cash?.[key] ?? 0;
    acc.addCash(sums);
    // The newest 1,000 corrections of the range are listed; their sums count them all.
    for (const row of all<{ correction: string }>(
      `SELECT correction FROM report_corrections WHERE ${where} ORDER BY seq DESC LIMIT 1000`,
    )) {
      acc.addCorrection(JSON.parse(row.correction) as Correction);
    }
    return acc.figures(currency, cutoffHour);
  }

  /**
   * The top products of the range, summed in SQLite: whole blocks of 256, 64, 16 and 4 days
   * where they fit, single days at the edges (for one batch: its days only). Ties order as
   * the accumulator orders them (net, quantity, then product id by code unit).
   */
  private productRows(range: SumsRange): ProductLine[] {
    const days: string[] = [];
    const blocks: [number, number][] = [];
    let cursor = dayNumber(range.from);
    const last = dayNumber(range.to);
    while (cursor <= last) {
      const size =
        range.batchNo === undefined
          ? BLOCK_SIZES.find((b) => cursor % b === 0 && cursor + b - 1 <= last)
          : undefined;
      if (size === undefined) {
        days.push(dayOfNumber(cursor));
        cursor += 1;
      } else {
        blocks.push([size, cursor / size]);
        cursor += size;
      }
    }
    const parts = [
      `SELECT product_id, quantity, net FROM report_products
       WHERE day IN (SELECT value FROM json_each(@days)) AND (@batch IS NULL OR batch_no = @batch)`,
      ...blocks.map(
        (_, i) =>
          `SELECT product_id, quantity, net FROM report_product_blocks
           WHERE size = @s${String(i)} AND block = @b${String(i)}`,
      ),
    ];
    const params: Record<string, string | number | null> = {
      days: JSON.stringify(days),
      batch: range.batchNo ?? null,
    };
    blocks.forEach(([size, block], i) => {
      params[`s${String(i)}`] = size;
      params[`b${String(i)}`] = block;
    });
    const top = this.db
      .prepare<[typeof params], { productId: string; quantity: number; netMinor: number }>(
        `SELECT product_id AS productId, sum(quantity) AS quantity, sum(net) AS netMinor
         FROM (${parts.join(' UNION ALL ')})
         GROUP BY product_id HAVING sum(quantity) <> 0 OR sum(net) <> 0
         ORDER BY netMinor DESC, quantity DESC, productId LIMIT ${String(TOP_PRODUCTS)}`,
      )
      .all(params);
    return top.map((row) => ({
      ...row,
      ...(this.stmts.productNameOf.get(row.productId) ?? { nameEn: '', nameZh: '' }),
    }));
  }

  private clear(key: string): void {
    for (const table of [
      'report_totals',
      'report_taxes',
      'report_tenders',
      'report_cashiers',
      'report_products',
      'report_product_blocks',
      'report_product_names',
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
    const rows = entryReader(this.db).from(from, to - from + 1);
    let last = from - 1;
    for (const entry of rows) {
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
      referenced: (id) => entryReader(this.db).byId(id),
    });
    const { day } = rows;
    const { batchNo } = entry;
    const s = this.stmts;
    s.totals.run({ day, batchNo, ...rows.totals });
    for (const tax of rows.taxes) s.tax.run({ day, batchNo, ...tax });
    for (const tender of rows.tenders) s.tender.run({ day, batchNo, ...tender });
    if (rows.cashier) s.cashier.run({ day, batchNo, ...rows.cashier });
    const dayNo = dayNumber(day);
    for (const product of rows.products) {
      const sums = {
        productId: product.productId,
        quantity: product.quantity,
        netMinor: product.netMinor,
      };
      s.product.run({ day, batchNo, ...sums });
      // Block sums serve long ranges, which never ask for one batch.
      for (const size of BLOCK_SIZES) {
        s.productBlock.run({ size, block: Math.floor(dayNo / size), ...sums });
      }
      if (product.nameEn !== '' || product.nameZh !== '') s.productName.run(product);
    }
    if (Object.values(rows.cash).some((v) => v !== 0)) s.cash.run({ day, batchNo, ...rows.cash });
    if (rows.correction) {
      s.correction.run(entry.seq, day, batchNo, JSON.stringify(rows.correction));
    }
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

/** Block sizes in days, largest first; each is 4 × the next. */
const BLOCK_SIZES = [256, 64, 16, 4] as const;

const DAY_MS = 86_400_000;
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
const dayOfNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
