import { DomainError } from '@app/result';
import { isCurrencyCode } from '@app/money/currency';
import { entryTypes } from '@app/ledger/entry';
import { findSensitiveData } from '@app/sync/sensitive-data';
import type { EntryType, NewEntry } from '@app/ledger/entry';

/** RFC 3339 UTC with milliseconds, as Date.prototype.toISOString writes it. */
const UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BATCH_NO = /^\d{6}$/;

/** upstream-sync-v1 "Ledger entries": the sign of `amount` each entry type may have. */
const signOf: Record<EntryType, 'positive' | 'negative' | 'zero'> = {
  sale: 'positive',
  pay_in: 'positive',
  void: 'negative',
  refund: 'negative',
  reversal: 'negative',
  pay_out: 'negative',
  no_sale: 'zero',
  shift_open: 'zero',
  shift_close: 'zero',
  z_close: 'zero',
};

const invalid = (message: string): DomainError => new DomainError('invalid_amount', message);

/**
 * Refuses an entry the host would reject or that would mis-state the takings. Runs before
 * anything is written: a committed entry can never be corrected in place.
 */
export function checkNewEntry(entry: NewEntry): void {
  if (!(entryTypes as readonly string[]).includes(entry.type)) {
    throw new DomainError('invalid_input', `unknown entry type: ${entry.type}`);
  }
  if (entry.id.length === 0) throw new DomainError('invalid_input', 'entry id is empty');
  if (!UTC_MILLIS.test(entry.at)) {
    throw new DomainError('invalid_input', `entry time is not RFC 3339 UTC millis: ${entry.at}`);
  }
  if (!BATCH_NO.test(entry.batchNo)) {
    throw new DomainError('invalid_input', `batch number is not 6 digits: ${entry.batchNo}`);
  }
  if (!isCurrencyCode(entry.currency)) {
    throw new DomainError('invalid_input', `unknown currency: ${String(entry.currency)}`);
  }
  if (!Number.isSafeInteger(entry.amount)) {
    throw invalid(`entry amount is not integer minor units: ${entry.amount}`);
  }
  let sum = 0;
  for (const tender of entry.tenders) {
    if (!Number.isSafeInteger(tender.amount)) {
      throw invalid(`tender amount is not integer minor units: ${tender.amount}`);
    }
    sum += tender.amount;
  }
  // upstream-sync-v1 "Ledger entries": sum(tenders[].amount) == amount for every entry.
  if (sum !== entry.amount) {
    throw invalid(`tenders add up to ${sum}, the entry amount is ${entry.amount}`);
  }
  // A 100 % discount makes a sale of 0, so "positive" admits zero; the sign never flips.
  const sign = signOf[entry.type];
  const wrongSign =
    (sign === 'positive' && entry.amount < 0) ||
    (sign === 'negative' && entry.amount > 0) ||
    (sign === 'zero' && entry.amount !== 0);
  if (wrongSign) throw invalid(`a ${entry.type} entry cannot have amount ${entry.amount}`);
  // upstream-sync-v1 "Card data": an entry the host would refuse as sensitive_data is never
  // committed, so it can neither reach the disk nor stop the upload later.
  const sensitive = findSensitiveData(entry);
  if (sensitive !== null) {
    throw new DomainError('invalid_input', `entry field ${sensitive} looks like card data`);
  }
}
