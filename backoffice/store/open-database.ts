import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { coreMigration } from './migrations/001-core';
import { openPostgresDatabase } from './postgres-database';
import type { Migration, SqlDatabase } from './sql';
import { openSqliteDatabase } from './sqlite-database';

export interface DatabaseOptions {
  /** PostgreSQL connections per process (default 10). */
  poolSize?: number;
  /** Features' own migrations (ids 010 and up), applied with the core ones in id order. */
  migrations?: readonly Migration[];
}

/** `postgres://…` or `postgresql://…` is a PostgreSQL server; anything else a SQLite file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens the back office's database and brings its schema up to date: a PostgreSQL URL, or
 * the path of the embedded SQLite file (created with its folder when new).
 */
export async function openBackOfficeDatabase(
  location: string,
  options: DatabaseOptions = {},
): Promise<SqlDatabase> {
  let db: SqlDatabase;
  if (isPostgresUrl(location)) {
    db = openPostgresDatabase(location, options.poolSize);
  } else {
    mkdirSync(dirname(location), { recursive: true });
    db = openSqliteDatabase(location);
  }
  try {
    if (db.dialect === 'sqlite') await refuseOldTestHostFile(db, location);
    await migrate(db, [coreMigration, ...(options.migrations ?? [])]);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The test host before the back office kept its schema version in user_version. */
async function refuseOldTestHostFile(db: SqlDatabase, file: string): Promise<void> {
  const [row] = await db.query<{ user_version: number }>('PRAGMA user_version');
  if ((row?.user_version ?? 0) !== 0) {
    throw new Error(
      `${file} was made by an older version of the test host: delete it or pass --database with a new file`,
    );
  }
}
