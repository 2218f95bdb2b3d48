import type Database from 'better-sqlite3';
import { canonicalJson } from '@app/ledger/canonical-json';
import type { SettlementRequest } from '@app/sync/protocol';
import { entryReader } from '../ledger/entry-reader';

/**
 * upstream-sync-v1 "Settlement": count and amount by entry type, and amount by tender
 * method, over every entry of `batchNo`.
 */
export function settlementTotals(
  db: Database.Database,
  batchNo: string,
): Pick<SettlementRequest, 'totals' | 'byMethod'> {
  return entryReader(db).batchTotals(batchNo);
}

/** The frozen settlement request body: canonical, so it reads the same on every resend. */
export function settlementBody(request: SettlementRequest): string {
  return canonicalJson(request);
}
