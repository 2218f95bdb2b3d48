import type { SaleRecord } from '@app/sale/sale';
import type { Ledger } from '../kernel/ledger';
import type { SaleRepository } from './sale-repository';
import { saleToNewEntry } from './sale-entry';
import type { SaleStaffDetail, UncommittedSale } from './sale-entry';

/**
 * Commits a sale through the ledger's commit protocol: its entry, its rows and whatever the
 * entry's followers keep or consume (sums, points, stock, the cart, the receipt's print job)
 * in one transaction, so either all of it is durable when this returns or none of it is.
 *
 * A throw here is not always a rollback: a failed fsync during COMMIT may leave the sale
 * committed on disk after a restart; callers reconcile by the sale's id.
 */
export function commitSale(
  ledger: Ledger,
  repository: SaleRepository,
  sale: UncommittedSale,
  staff: SaleStaffDetail,
): SaleRecord {
  return ledger.commit((tx): SaleRecord => {
    const entry = tx.append(saleToNewEntry(sale, staff));
    const stored: SaleRecord = { ...sale, seq: entry.seq, hash: entry.hash };
    repository.insert(stored);
    return stored;
  });
}
