import type Database from 'better-sqlite3';
import type { Product } from '@app/catalog/product';
import type { CatalogPage } from '@app/sync/downsync-protocol';
import type { CatalogStore } from '../catalog/catalog-store';
import { prepared } from '../ledger/prepared';
import type { SettingsStore } from '../settings/settings-store';
import { saveCatalogSyncState } from './catalog-sync-state';
import type { CatalogSyncState } from './catalog-sync-state';

export type ChangesPage = Extract<CatalogPage, { reload: false }>;

export interface CatalogApplyDeps {
  db: Database.Database;
  catalog: CatalogStore;
  settings: SettingsStore;
}

/**
 * Applies one page of the back office's catalog feed in ONE transaction: deleted products
 * go, changed ones are written with their barcodes and search entries, the cursor and
 * version are recorded. Anything the till's catalog refuses (a tax class this shop does not
 * have) throws and leaves the catalog and the cursor as they were.
 */
export function applyCatalogPage(
  deps: CatalogApplyDeps,
  page: ChangesPage,
  state: CatalogSyncState,
  at: string,
): CatalogSyncState {
  const { db, catalog } = deps;
  return db.transaction((): CatalogSyncState => {
    const live: Product[] = [];
    const gone: string[] = [];
    for (const change of page.products) {
      if (change.deleted) {
        gone.push(change.id);
        continue;
      }
      const { deleted: _deleted, ...fields } = change;
      // Favourites arrange this till's grid: they stay the till's own.
      live.push({ ...fields, favourite: catalog.byId(change.id)?.favourite ?? false });
    }
    catalog.remove(gone);
    for (const product of live) catalog.claimCodes(product);
    catalog.upsertMany(live);
    if (page.snapshot)
      noteSnapshotPage(db, catalog, live, { first: state.cursor === null, hasMore: page.hasMore });
    const next: CatalogSyncState = {
      managed: true,
      version: page.hasMore ? state.version : page.version,
      cursor: page.cursor,
      snapshotting: page.snapshot && page.hasMore,
      syncedAt: page.hasMore ? state.syncedAt : at,
      lastError: null,
    };
    saveCatalogSyncState(deps.settings, next);
    return next;
  })();
}

/**
 * A snapshot names every live product across its pages; at its last page, the products it
 * did not name (the till's own, or ones deleted while it was away) are removed.
 */
function noteSnapshotPage(
  db: Database.Database,
  catalog: CatalogStore,
  live: readonly Product[],
  where: { first: boolean; hasMore: boolean },
): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS downsync_seen (id TEXT PRIMARY KEY)');
  if (where.first) db.exec('DELETE FROM temp.downsync_seen');
  const note = prepared(db, 'INSERT OR IGNORE INTO temp.downsync_seen (id) VALUES (?)');
  for (const product of live) note.run(product.id);
  if (where.hasMore) return;
  const unnamed = prepared(
    db,
    'SELECT id FROM products WHERE id NOT IN (SELECT id FROM temp.downsync_seen)',
  ).pluck();
  catalog.remove(unnamed.all() as string[]);
  db.exec('DELETE FROM temp.downsync_seen');
}
