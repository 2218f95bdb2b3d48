import type Database from 'better-sqlite3';
import type { LedgerEntry } from '@app/ledger/entry';
import type { SettlementRequest } from '@app/sync/protocol';
import { prepared } from './prepared';

/**
 * Every read of the `entries` table outside the ledger's own chain code, in one place: the
 * features ask questions (a sale's corrections, a shift's entries, a batch's totals) and
 * never write SQL against the ledger's schema themselves. Only `Ledger.commit` writes it.
 */
export interface EntryReader {
  byId(id: string): LedgerEntry | null;
  /** The entries from `seq` on, at most `limit`, in seq order. */
  from(seq: number, limit: number): LedgerEntry[];
  /** The last seq, 0 for an empty ledger. */
  headSeq(): number;
  count(): number;
  /** The voids and refunds of a sale, oldest first. */
  correctionsOf(saleId: string): LedgerEntry[];
  /** A shift's entries after its opening, in seq order. */
  ofShift(openSeq: number, shiftId: string): LedgerEntry[];
  /** The first sale after `afterSeq` whose body holds `text` (an authorization id), or null. */
  firstSaleMentioning(afterSeq: number, text: string): number | null;
  /** How many entries a batch has before its Z, and when its first and last were made. */
  batchSpan(batchNo: string): { count: number; firstAt: string | null; lastAt: string | null };
  /** upstream-sync-v1 "Settlement": count and amount by type, amount by tender method. */
  batchTotals(batchNo: string): Pick<SettlementRequest, 'totals' | 'byMethod'>;
  /** Chip and tap card amounts of the sales since `sinceIso` that were not voided. */
  chipCardTakenSince(sinceIso: string): number;
}

type Body = { body: string };
const parse = (row: Body): LedgerEntry => JSON.parse(row.body) as LedgerEntry;

const readers = new WeakMap<Database.Database, EntryReader>();

/** The reader of this connection (its statements prepared once). */
export function entryReader(db: Database.Database): EntryReader {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = createEntryReader(db)));
  return reader;
}

function createEntryReader(db: Database.Database): EntryReader {
  const all = (sql: string, ...params: unknown[]): unknown[] => prepared(db, sql).all(...params);
  const get = (sql: string, ...params: unknown[]): unknown => prepared(db, sql).get(...params);
  const atOf = (seq: number | null): string | null =>
    seq === null
      ? null
      : ((get('SELECT at FROM entries WHERE seq = ?', seq) as { at: string } | undefined)?.at ??
        null);

  return {
    byId: (id) => {
      const row = get('SELECT body FROM entries WHERE id = ?', id) as Body | undefined;
      return row ? parse(row) : null;
    },
    from: (seq, limit) =>
      (
        all('SELECT body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?', seq, limit) as Body[]
      ).map(parse),
    headSeq: () =>
      (get('SELECT COALESCE(MAX(seq), 0) AS seq FROM entries') as { seq: number } | undefined)
        ?.seq ?? 0,
    count: () => (get('SELECT count(*) AS n FROM entries') as { n: number } | undefined)?.n ?? 0,
    correctionsOf: (saleId) =>
      (
        all(
          `SELECT body FROM entries WHERE ref_id = ? AND type IN ('void', 'refund') ORDER BY seq`,
          saleId,
        ) as Body[]
      ).map(parse),
    ofShift: (openSeq, shiftId) =>
      (
        all(
          "SELECT body FROM entries WHERE seq > ? AND json_extract(body, '$.detail.shiftId') = ? ORDER BY seq",
          openSeq,
          shiftId,
        ) as Body[]
      ).map(parse),
    firstSaleMentioning: (afterSeq, text) =>
      (
        get(
          `SELECT seq FROM entries WHERE seq > ? AND type = 'sale' AND instr(body, ?) > 0
         ORDER BY seq LIMIT 1`,
          afterSeq,
          text,
        ) as { seq: number } | undefined
      )?.seq ?? null,
    batchSpan: (batchNo) => {
      const span = get(
        `SELECT count(*) AS count, min(seq) AS first, max(seq) AS last FROM entries
         WHERE batch_no = ? AND type <> 'z_close'`,
        batchNo,
      ) as { count: number; first: number | null; last: number | null } | undefined;
      return {
        count: span?.count ?? 0,
        firstAt: atOf(span?.first ?? null),
        lastAt: atOf(span?.last ?? null),
      };
    },
    batchTotals: (batchNo) => {
      // Integer sums in SQLite: no floating point.
      const totals: SettlementRequest['totals'] = {};
      type TypeRow = { type: keyof SettlementRequest['totals']; count: number; amount: number };
      for (const row of all(
        `SELECT type, count(*) AS count, sum(amount) AS amount FROM entries
         WHERE batch_no = ? GROUP BY type ORDER BY type`,
        batchNo,
      ) as TypeRow[]) {
        totals[row.type] = { count: row.count, amount: row.amount };
      }
      const byMethod: SettlementRequest['byMethod'] = {};
      type MethodRow = { method: keyof SettlementRequest['byMethod']; amount: number };
      for (const row of all(
        `SELECT json_extract(t.value, '$.method') AS method,
           sum(json_extract(t.value, '$.amount')) AS amount
         FROM entries AS e, json_each(e.body, '$.tenders') AS t
         WHERE e.batch_no = ? GROUP BY 1 ORDER BY 1`,
        batchNo,
      ) as MethodRow[]) {
        byMethod[row.method] = row.amount;
      }
      return { totals, byMethod };
    },
    // Only the period's sales with a card tender (the small `sales` rows) have their
    // entry's detail read.
    chipCardTakenSince: (sinceIso) =>
      (
        get(
          `SELECT COALESCE(SUM(json_extract(t.value, '$.amountMinor')), 0) AS total
         FROM sales s JOIN entries e ON e.seq = s.seq, json_each(e.body, '$.detail.tenders') t
         WHERE s.at >= ?
           AND EXISTS (SELECT 1 FROM sale_tenders c WHERE c.sale_id = s.id AND c.method = 'card')
           AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.ref_id = s.id AND v.type = 'void')
           AND json_extract(t.value, '$.entryMode') = 'chip'`,
          sinceIso,
        ) as { total: number } | undefined
      )?.total ?? 0,
  };
}
