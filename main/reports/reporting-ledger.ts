import type Database from 'better-sqlite3';
import type { LedgerEntry, NewEntry } from '@app/ledger/entry';
import { LedgerStore } from '../ledger/ledger-store';
import type { ReportIndex } from './report-index';

/**
 * The ledger as the app composes it: every appended entry also goes into the report
 * summaries, inside the same transaction, whoever appends it (sales, staff and shift
 * entries, the z_close). The ledger itself is unchanged.
 */
export class ReportingLedger extends LedgerStore {
  constructor(
    db: Database.Database,
    private readonly index: ReportIndex,
  ) {
    super(db);
  }

  override append(entry: NewEntry): LedgerEntry {
    const stored = super.append(entry);
    this.index.apply(stored);
    return stored;
  }
}
