import type Database from 'better-sqlite3';
import { canonicalJson } from '@app/ledger/canonical-json';
import type { SettlementRequest } from '@app/sync/protocol';

/**
 * upstream-sync-v1 "Settlement": count and amount by entry type, and amount by tender
 * method, over every entry of `batchNo`. Integer sums in SQLite: no floating point.
 */
export function settlementTotals(
  db: Database.Database,
  batchNo: string,
): Pick<SettlementRequest, 'totals' | 'byMethod'> {
  const totals: SettlementRequest['totals'] = {};
  const byType = db
    .prepare<[string], { type: keyof SettlementRequest['totals']; count: number; amount: number }>(
      `SELECT type, count(*) AS count, sum(amount) AS amount FROM entries
       WHERE batch_no = ? GROUP BY type ORDER BY type`,
    )
    .all(batchNo);
  for (const row of byType) totals[row.type] = { count: row.count, amount: row.amount };

  const byMethod: SettlementRequest['byMethod'] = {};
  const methods = db
    .prepare<[string], { method: keyof SettlementRequest['byMethod']; amount: number }>(
      `SELECT json_extract(t.value, '$.method') AS method,
         sum(json_extract(t.value, '$.amount')) AS amount
       FROM entries AS e, json_each(e.body, '$.tenders') AS t
       WHERE e.batch_no = ? GROUP BY 1 ORDER BY 1`,
    )
    .all(batchNo);
  for (const row of methods) byMethod[row.method] = row.amount;
  return { totals, byMethod };
}

/** The frozen settlement request body: canonical, so it reads the same on every resend. */
export function settlementBody(request: SettlementRequest): string {
  return canonicalJson(request);
}
