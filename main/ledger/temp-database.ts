import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './database';
import type { OpenDatabaseOptions } from './database';

export interface TempDatabase {
  dir: string;
  file: string;
  db: Database.Database;
  /** Closes the connection (if open) and deletes the directory. */
  dispose(): void;
}

/** A ledger database in a fresh temporary directory, for tests and the bench. */
export function tempDatabase(prefix = 'countertop-', options?: OpenDatabaseOptions): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'ledger.sqlite');
  const db = openDatabase(file, options);
  return {
    dir,
    file,
    db,
    dispose: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
