import type { LedgerEntry } from '@app/ledger/entry';
import type { FeeSchedule } from '@app/fees/fee-schedule';
import { rowsOfEntry } from '@app/reports/summary-rows';
import type { SqlDatabase, SqlRunner } from '../store/sql';

/** Entries read and summed per transaction. */
const SLICE = 2_000;

export interface SumsOptions {
  fees: FeeSchedule;
  /** 0–12: the local hour a business day starts (0: the calendar day). */
  cutoffHour: number;
  /** The zone of a terminal whose shop has none. */
  defaultTimeZone: string;
}

interface Pending {
  terminalId: string;
  timeZone: string;
  throughSeq: number;
  known: boolean;
}

/**
 * Brings the dashboard's sums up to every terminal's newest stored entry. The sums are
 * derived: each slice of entries is summed by the same code as the till's X and Z
 * (app/reports/summary-rows.ts), so a fee is the till's fee to the minor unit.
 *
 * Two back-office processes may catch up at once: a slice is claimed by moving the
 * terminal's progress from the seq it was read at, in the transaction that adds its sums;
 * the loser's claim changes no row and its sums roll back.
 */
export async function catchUpSums(db: SqlDatabase, options: SumsOptions): Promise<number> {
  let added = 0;
  for (const pending of await terminalsBehind(db, options.defaultTimeZone)) {
    let from = pending;
    for (;;) {
      const step = await sumSlice(db, from, options);
      if (step === null) break;
      added += step.count;
      from = { ...from, throughSeq: step.throughSeq, known: true };
    }
  }
  return added;
}

async function terminalsBehind(db: SqlDatabase, defaultTimeZone: string): Promise<Pending[]> {
  const rows = await db.query<{
    terminal_id: string;
    time_zone: string | null;
    through_seq: number | string | null;
    held: number | string | null;
  }>(
    `SELECT t.terminal_id, s.time_zone, p.through_seq,
       (SELECT max(e.seq) FROM entries e WHERE e.terminal_id = t.terminal_id) AS held
     FROM terminals t
     LEFT JOIN shops s ON s.shop_id = t.shop_id
     LEFT JOIN dashboard_progress p ON p.terminal_id = t.terminal_id`,
  );
  return rows
    .filter((row) => Number(row.held ?? 0) > Number(row.through_seq ?? 0))
    .map((row) => ({
      terminalId: row.terminal_id,
      timeZone: row.time_zone ?? defaultTimeZone,
      throughSeq: Number(row.through_seq ?? 0),
      known: row.through_seq !== null,
    }));
}

type Key = string;
interface TypeSum {
  day: string;
  batchNo: string;
  type: string;
  count: number;
  amount: number;
}
interface TenderSum {
  day: string;
  batchNo: string;
  kind: string;
  count: number;
  amount: number;
  fee: number;
}

/** Sums the next slice of one terminal's entries; null when there is none or it was taken. */
async function sumSlice(
  db: SqlDatabase,
  from: Pending,
  options: SumsOptions,
): Promise<{ count: number; throughSeq: number } | null> {
  const rows = await db.query<{ body: string }>(
    'SELECT body FROM entries WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [from.terminalId, from.throughSeq, SLICE],
  );
  if (rows.length === 0) return null;
  const entries = rows.map((row) => JSON.parse(row.body) as LedgerEntry);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const types = new Map<Key, TypeSum>();
  const tenders = new Map<Key, TenderSum>();
  for (const entry of entries) {
    const referencedId = entry.type === 'sale' ? undefined : entry.refId;
    const referenced =
      referencedId === undefined
        ? null
        : (byId.get(referencedId) ?? (await entryById(db, from.terminalId, referencedId)));
    const sums = rowsOfEntry(entry, {
      clock: { timeZone: from.timeZone, cutoffHour: options.cutoffHour },
      fees: options.fees,
      referenced: (id) => (id === referencedId ? referenced : null),
    });
    const typeKey = `${sums.day}|${entry.batchNo}|${entry.type}`;
    const typeSum = types.get(typeKey) ?? {
      day: sums.day,
      batchNo: entry.batchNo,
      type: entry.type,
      count: 0,
      amount: 0,
    };
    typeSum.count += 1;
    typeSum.amount += entry.amount;
    types.set(typeKey, typeSum);
    for (const tender of sums.tenders) {
      const tenderKey = `${sums.day}|${entry.batchNo}|${tender.kind}`;
      const tenderSum = tenders.get(tenderKey) ?? {
        day: sums.day,
        batchNo: entry.batchNo,
        kind: tender.kind,
        count: 0,
        amount: 0,
        fee: 0,
      };
      tenderSum.count += tender.count;
      tenderSum.amount += tender.amountMinor;
      tenderSum.fee += tender.feeMinor;
      tenders.set(tenderKey, tenderSum);
    }
  }
  const last = entries[entries.length - 1];
  if (last === undefined) return null;
  const typeMonths = byMonth([...types.values()], (sum) => sum.type);
  const tenderMonths = byMonth([...tenders.values()], (sum) => sum.kind);
  const claimed = await db.transaction(async (tx) => {
    if (!(await claim(tx, from, last))) return false;
    for (const sum of types.values()) {
      await tx.execute(
        `INSERT INTO dashboard_type_totals (terminal_id, day, batch_no, type, count, amount)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (terminal_id, day, batch_no, type) DO UPDATE SET
           count = dashboard_type_totals.count + excluded.count,
           amount = dashboard_type_totals.amount + excluded.amount`,
        [from.terminalId, sum.day, sum.batchNo, sum.type, sum.count, sum.amount],
      );
    }
    for (const sum of tenders.values()) {
      await tx.execute(
        `INSERT INTO dashboard_tender_totals (terminal_id, day, batch_no, kind, count, amount, fee)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (terminal_id, day, batch_no, kind) DO UPDATE SET
           count = dashboard_tender_totals.count + excluded.count,
           amount = dashboard_tender_totals.amount + excluded.amount,
           fee = dashboard_tender_totals.fee + excluded.fee`,
        [from.terminalId, sum.day, sum.batchNo, sum.kind, sum.count, sum.amount, sum.fee],
      );
    }
    for (const sum of typeMonths) {
      await tx.execute(
        `INSERT INTO dashboard_type_months (terminal_id, month, type, count, amount)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (terminal_id, month, type) DO UPDATE SET
           count = dashboard_type_months.count + excluded.count,
           amount = dashboard_type_months.amount + excluded.amount`,
        [from.terminalId, sum.month, sum.key, sum.count, sum.amount],
      );
    }
    for (const sum of tenderMonths) {
      await tx.execute(
        `INSERT INTO dashboard_tender_months (terminal_id, month, kind, count, amount, fee)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (terminal_id, month, kind) DO UPDATE SET
           count = dashboard_tender_months.count + excluded.count,
           amount = dashboard_tender_months.amount + excluded.amount,
           fee = dashboard_tender_months.fee + excluded.fee`,
        [from.terminalId, sum.month, sum.key, sum.count, sum.amount, sum.fee],
      );
    }
    return true;
  });
  return claimed ? { count: entries.length, throughSeq: last.seq } : null;
}

interface MonthSum {
  month: string;
  key: string;
  count: number;
  amount: number;
  fee: number;
}

/** Day sums folded into their month (YYYY-MM of the business day). */
function byMonth<T extends { day: string; count: number; amount: number; fee?: number }>(
  sums: readonly T[],
  keyOf: (sum: T) => string,
): MonthSum[] {
  const months = new Map<string, MonthSum>();
  for (const sum of sums) {
    const month = sum.day.slice(0, 7);
    const key = keyOf(sum);
    const into = months.get(`${month}|${key}`) ?? { month, key, count: 0, amount: 0, fee: 0 };
    into.count += sum.count;
    into.amount += sum.amount;
    into.fee += sum.fee ?? 0;
    months.set(`${month}|${key}`, into);
  }
  return [...months.values()];
}

/** Moves the terminal's progress from `from.throughSeq` to `last.seq`; false if another did. */
async function claim(tx: SqlRunner, from: Pending, last: LedgerEntry): Promise<boolean> {
  const values = [from.terminalId, last.seq, last.currency, last.at, from.throughSeq];
  const changed = from.known
    ? await tx.execute(
        `UPDATE dashboard_progress SET through_seq = $2, currency = $3, last_at = $4
         WHERE terminal_id = $1 AND through_seq = $5`,
        values,
      )
    : await tx.execute(
        `INSERT INTO dashboard_progress (terminal_id, through_seq, currency, last_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (terminal_id) DO NOTHING`,
        values.slice(0, 4),
      );
  return changed === 1;
}

async function entryById(
  db: SqlDatabase,
  terminalId: string,
  id: string,
): Promise<LedgerEntry | null> {
  const [row] = await db.query<{ body: string }>(
    'SELECT body FROM entries WHERE terminal_id = $1 AND id = $2',
    [terminalId, id],
  );
  return row === undefined ? null : (JSON.parse(row.body) as LedgerEntry);
}
