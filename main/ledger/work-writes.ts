import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * Runs a write that is work in progress, not a committed sale (a cart edit, a print job's
 * progress), without an fsync of its own: synchronous=NORMAL for this one commit. In WAL
 * mode such a commit survives a crash of the process (the OS has the WAL pages) and only a
 * power cut can lose it; the next ledger commit, at FULL, makes it durable with itself.
 * Inside an open transaction the write simply belongs to that transaction's commit.
 */
export function withoutFsync<T>(db: Database.Database, write: () => T): T {
  if (db.inTransaction) return write();
  // Prepared once: a cart edit per scan would otherwise parse both pragmas every time.
  prepared(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return write();
  } finally {
    prepared(db, 'PRAGMA synchronous = FULL').run();
  }
}
