import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ChainVerdict } from '../ledger/hash-chain';
import { LedgerStore } from '../ledger/ledger-store';
import { entryReader } from '../ledger/entry-reader';

export type IntegrityCheck = 'quick_check' | 'integrity_check';

export interface DatabaseHealth {
  integrity: {
    check: IntegrityCheck;
    ok: boolean;
    /** SQLite's own words for what is wrong, at most MAX_PROBLEMS of them. */
    problems: string[];
  };
  files: { databaseBytes: number; walBytes: number };
  pageSize: number;
  pageCount: number;
  /** Unused pages: space a VACUUM would give back. */
  freelistCount: number;
  /** null when the count failed (see errors). */
  entryCount: number | null;
  /** null when the caller skipped the chain verification, or it failed (see errors). */
  chain: ChainVerdict | null;
  /** Parts of the check that threw: a damaged file can fail a query outright. */
  errors: { part: string; message: string }[];
  tookMs: number;
}

export interface DatabaseHealthOptions {
  /**
   * `PRAGMA integrity_check` instead of `quick_check`. quick_check reads every page once and
   * checks the B-trees (O(size of the file)); integrity_check also matches every index
   * against its table, which takes several times longer on a big ledger.
   */
  full?: boolean;
  /**
   * Re-hash the ledger (default true): one SHA-256 and one JSON parse per entry, O(entries).
   */
  verifyChain?: boolean;
  clock?: () => number;
}

const MAX_PROBLEMS = 20;

/**
 * A technician's view of the ledger database. Reads only. Cost: the integrity check and the
 * chain verification each read the whole ledger once, so run it on request, never per sale.
 */
export function checkDatabaseHealth(
  db: Database.Database,
  file: string,
  options: DatabaseHealthOptions = {},
): DatabaseHealth {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const check: IntegrityCheck = options.full === true ? 'integrity_check' : 'quick_check';
  const errors: DatabaseHealth['errors'] = [];
  const attempt = <T>(part: string, run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      errors.push({ part, message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };
  // SQLite throws SQLITE_CORRUPT from the check itself when a page is beyond reading.
  const problems = attempt(check, () => integrityProblems(db, check));
  const entryCount = attempt('entries', () => countEntries(db));
  const chain =
    options.verifyChain === false ? null : attempt('chain', () => new LedgerStore(db).verify());
  return {
    integrity: {
      check,
      ok: problems !== null && problems.length === 0,
      problems: problems ?? errors.map((e) => e.message),
    },
    files: { databaseBytes: sizeOf(file), walBytes: sizeOf(`${file}-wal`) },
    pageSize: attempt('page_size', () => pragmaNumber(db, 'page_size')) ?? 0,
    pageCount: attempt('page_count', () => pragmaNumber(db, 'page_count')) ?? 0,
    freelistCount: attempt('freelist_count', () => pragmaNumber(db, 'freelist_count')) ?? 0,
    entryCount,
    chain,
    errors,
    tookMs: Math.round(clock() - started),
  };
}

/** The rows of quick_check / integrity_check, with the single "ok" row meaning none. */
function integrityProblems(db: Database.Database, check: IntegrityCheck): string[] {
  const rows = db.pragma(`${check}(${MAX_PROBLEMS})`) as Record<string, unknown>[];
  const messages = rows.map((row) => String(Object.values(row)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

const countEntries = (db: Database.Database): number => entryReader(db).count();

const pragmaNumber = (db: Database.Database, name: string): number =>
  Number(db.pragma(name, { simple: true }));

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
