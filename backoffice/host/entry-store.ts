import type { WireEntry } from '@app/sync/protocol';
import type { SqlRunner } from '../store/sql';
import { businessDay } from './business-day';

export interface EntriesToStore {
  terminalId: string;
  /** The batchId they came in. */
  uploadId: string;
  receivedAt: number;
  /** The shop's time zone, for the business day of the rollups. */
  timeZone: string;
  entries: readonly WireEntry[];
  /** Each entry's canonical JSON with its hash, as verified. */
  bodies: readonly string[];
}

/**
 * Stores verified entries and adds them to the day rollups; call in the transaction that
 * checked the cursor, holding the terminal's lock. (terminal_id, seq) is the entries' key,
 * so an entry already stored is never stored again: it would come back as a short count,
 * and the caller's transaction is rolled back rather than let the rollups count it twice.
 */
export async function storeEntries(tx: SqlRunner, store: EntriesToStore): Promise<void> {
  const stored =
    tx.dialect === 'postgres' ? await insertAtOnce(tx, store) : await insertEach(tx, store);
  if (stored !== store.entries.length) {
    throw new Error(
      `${store.terminalId}: ${store.entries.length - stored} of the entries were already stored`,
    );
  }
  await addToRollups(tx, store);
}

const ENTRY_COLUMNS =
  'terminal_id, seq, id, type, at, batch_no, currency, amount, hash, body, upload_id, received_at';

/**
 * PostgreSQL: the whole batch in one statement, as arrays unnested into rows. The bodies go
 * as one JSON array: node-postgres escapes a text[] element by element in JavaScript, which
 * for 500 bodies cost ten times JSON.stringify.
 */
function insertAtOnce(tx: SqlRunner, store: EntriesToStore): Promise<number> {
  const { entries } = store;
  return tx.execute(
    `INSERT INTO entries (${ENTRY_COLUMNS})
     SELECT $1, u.seq, u.id, u.type, u.at, u.batch_no, u.currency, u.amount, u.hash, b.body, $2, $3
     FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::bigint[], $11::text[])
            WITH ORDINALITY AS u (seq, id, type, at, batch_no, currency, amount, hash, n),
          json_array_elements_text($12::json) WITH ORDINALITY AS b (body, n)
     WHERE b.n = u.n
     ON CONFLICT (terminal_id, seq) DO NOTHING`,
    [
      store.terminalId,
      store.uploadId,
      store.receivedAt,
      entries.map((e) => e.seq),
      entries.map((e) => e.id),
      entries.map((e) => e.type),
      entries.map((e) => e.at),
      entries.map((e) => e.batchNo),
      entries.map((e) => e.currency),
      entries.map((e) => e.amount),
      entries.map((e) => e.hash),
      JSON.stringify(store.bodies),
    ],
  );
}

/** SQLite: one prepared statement per row, all in the caller's transaction. */
async function insertEach(tx: SqlRunner, store: EntriesToStore): Promise<number> {
  let stored = 0;
  for (const [index, e] of store.entries.entries()) {
    stored += await tx.execute(
      `INSERT INTO entries (${ENTRY_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (terminal_id, seq) DO NOTHING`,
      [
        store.terminalId,
        e.seq,
        e.id,
        e.type,
        e.at,
        e.batchNo,
        e.currency,
        e.amount,
        e.hash,
        store.bodies[index] ?? '',
        store.uploadId,
        store.receivedAt,
      ],
    );
  }
  return stored;
}

interface Rollup {
  day: string;
  batchNo: string;
  /** The entry type, or the tender method. */
  key: string;
  count: number;
  amount: number;
}

/** The batch's count and amount per business day, settlement batch and type (and method). */
export function rollupsOf(
  entries: readonly WireEntry[],
  timeZone: string,
): { byType: Rollup[]; byMethod: Rollup[] } {
  const byType = new Map<string, Rollup>();
  const byMethod = new Map<string, Rollup>();
  const add = (
    into: Map<string, Rollup>,
    day: string,
    batchNo: string,
    key: string,
    amount: number,
  ) => {
    const id = `${day}\n${batchNo}\n${key}`;
    const row = into.get(id);
    if (row === undefined) into.set(id, { day, batchNo, key, count: 1, amount });
    else {
      row.count += 1;
      row.amount += amount;
    }
  };
  for (const entry of entries) {
    const day = businessDay(entry.at, timeZone);
    add(byType, day, entry.batchNo, entry.type, entry.amount);
    for (const tender of entry.tenders)
      add(byMethod, day, entry.batchNo, tender.method, tender.amount);
  }
  return { byType: [...byType.values()], byMethod: [...byMethod.values()] };
}

/** A handful of rows per batch (days × types): one upsert each on both dialects. */
async function addToRollups(tx: SqlRunner, store: EntriesToStore): Promise<void> {
  const { byType, byMethod } = rollupsOf(store.entries, store.timeZone);
  for (const [table, column, rows] of [
    ['day_type_totals', 'type', byType],
    ['day_tender_totals', 'method', byMethod],
  ] as const) {
    for (const row of rows) {
      await tx.execute(
        `INSERT INTO ${table} (terminal_id, day, batch_no, ${column}, count, amount)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (terminal_id, day, batch_no, ${column}) DO UPDATE
           SET count = ${table}.count + excluded.count, amount = ${table}.amount + excluded.amount`,
        [store.terminalId, row.day, row.batchNo, row.key, row.count, row.amount],
      );
    }
  }
}
