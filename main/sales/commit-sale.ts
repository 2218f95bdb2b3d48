import type Database from 'better-sqlite3';
import type { SaleRecord } from '@app/sale/sale';
import type { LedgerStore } from '../ledger/ledger-store';
import type { SaleRepository } from './sale-repository';
import { saleToNewEntry } from './sale-entry';
import type { SaleStaffDetail, UncommittedSale } from './sale-entry';

/**
 * Commits a sale: its ledger entry and its rows in one transaction, so either all of it is
 * durable when this returns or none of it is. IMMEDIATE takes the write lock up front, so
 * the seq read for the new entry cannot go stale before the insert.
 *
 * A throw here is not always a rollback: a failed fsync during COMMIT may leave the sale
 * committed (RELIABILITY.md "The ledger"); callers reconcile by the sale's id.
 */
export function commitSale(
  db: Database.Database,
  ledger: LedgerStore,
  repository: SaleRepository,
  sale: UncommittedSale,
  staff: SaleStaffDetail,
): SaleRecord {
  return db
    .transaction((): SaleRecord => {
      const entry = ledger.append(saleToNewEntry(sale, staff));
      const stored: SaleRecord = { ...sale, seq: entry.seq, hash: entry.hash };
      repository.insert(stored);
      return stored;
    })
    .immediate();
}
