import type Database from 'better-sqlite3';
import type { LedgerEntry, NewEntry } from '@app/ledger/entry';
import { ReportingLedger } from '../reports/reporting-ledger';
import type { ReportIndex } from '../reports/report-index';

/** Something kept from ledger entries, written in the transaction that appends each one. */
export interface EntryFollower {
  apply(entry: LedgerEntry): void;
}

/**
 * The ledger as the app composes it since issue #7: report sums (ReportingLedger), member
 * points and stock movements all follow every appended entry inside its transaction, so a
 * balance or a stock level can never disagree with the committed sales.
 */
export class SellingLedger extends ReportingLedger {
  constructor(
    db: Database.Database,
    index: ReportIndex,
    private readonly followers: readonly EntryFollower[],
  ) {
    super(db, index);
  }

  override append(entry: NewEntry): LedgerEntry {
    const stored = super.append(entry);
    for (const follower of this.followers) follower.apply(stored);
    return stored;
  }
}
