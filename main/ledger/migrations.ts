import type Database from 'better-sqlite3';
import { v1Ledger } from './schema/v1-ledger';
import { v2Sync } from './schema/v2-sync';
import { v3Authorizations } from './schema/v3-authorizations';
import { v4Staff } from './schema/v4-staff';
import { v5Catalog } from './schema/v5-catalog';
import { v6Reports } from './schema/v6-reports';
import { v7Selling } from './schema/v7-selling';
import { v8Corrections } from './schema/v8-corrections';
import { v9OfflineAcceptance } from './schema/v9-offline-acceptance';

/**
 * Schema migrations, applied in order. `PRAGMA user_version` holds how many have run; each
 * runs in its own transaction together with the version bump, so a crash mid-migration
 * leaves the previous version intact.
 */
export const migrations: readonly string[] = [
  v1Ledger,
  v2Sync,
  v3Authorizations,
  v4Staff,
  v5Catalog,
  v6Reports,
  v7Selling,
  v8Corrections,
  v9OfflineAcceptance,
];

export const schemaVersion = migrations.length;

/** Brings the database up to `schemaVersion`; refuses a database from a newer version. */
export function migrate(db: Database.Database): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    // The version is read again inside the write lock: two processes opening the same new
    // database must not both run the same migration.
    const applied = db
      .transaction((): boolean => {
        const current = version();
        if (current > migrations.length) {
          throw new Error(
            `database schema v${current} is newer than this app (v${migrations.length}): update the app`,
          );
        }
        const sql = migrations[current];
        if (sql === undefined) return false;
        db.exec(sql);
        db.pragma(`user_version = ${current + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return;
  }
}
