import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { LedgerEntry } from '@app/ledger/entry';
import { LedgerStore } from '../ledger/ledger-store';

/** The ledger file of a till's data folder, and its WAL (what the commit fsyncs). */
export const ledgerFile = (dataDir: string): string => join(dataDir, 'ledger.sqlite');
export const walFile = (dataDir: string): string => `${ledgerFile(dataDir)}-wal`;

/**
 * What a till's data folder holds, read from disk as a restart would find it (after a kill
 * -9 the WAL is recovered on open): every entry, whether the chain verifies, and any setting.
 */
export function readLedger(dataDir: string): {
  entries: LedgerEntry[];
  chainOk: boolean;
  setting: (key: string) => unknown;
} {
  const db = new Database(ledgerFile(dataDir));
  try {
    const store = new LedgerStore(db);
    const entries = store.entriesFrom(1, 1_000_000);
    const values = new Map(
      (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map(
        (row) => [row.key, JSON.parse(row.value) as unknown],
      ),
    );
    return { entries, chainOk: store.verify().ok, setting: (key) => values.get(key) };
  } finally {
    db.close();
  }
}
