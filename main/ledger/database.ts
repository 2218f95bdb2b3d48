import Database from 'better-sqlite3';
import { migrate } from './migrations';

export interface OpenDatabaseOptions {
  /** A better_sqlite3.node built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * 'manual' turns SQLite's automatic WAL checkpoint off: the app checkpoints when the till
   * is idle (IdleCheckpointer), so no sale's commit pays for a checkpoint's extra fsyncs.
   */
  checkpoint?: 'auto' | 'manual';
}

/** `PRAGMA synchronous` value of FULL. */
const SYNCHRONOUS_FULL = 2;

/**
 * Opens the terminal's database with the settings the ledger relies on, and brings its
 * schema up to date. Every connection must go through here: durability is per connection.
 */
export function openDatabase(file: string, options?: OpenDatabaseOptions): Database.Database {
  const db = new Database(file, {
    ...(options?.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}),
    ...(options?.readonly === true ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    if (options?.readonly !== true) db.pragma('journal_mode = WAL');
    // RELIABILITY.md "The ledger": better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1,
    // so a WAL connection starts at NORMAL, which can lose acknowledged commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options?.checkpoint === 'manual') db.pragma('wal_autocheckpoint = 0');
    assertDurable(db);
    if (options?.readonly !== true) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Throws unless this connection fsyncs the WAL on every commit (synchronous=FULL). */
export function assertDurable(db: Database.Database): void {
  const level = db.pragma('synchronous', { simple: true }) as number;
  if (level !== SYNCHRONOUS_FULL) {
    throw new Error(`ledger connection is not durable: synchronous=${level}, expected FULL (2)`);
  }
}
