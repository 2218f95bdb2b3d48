import type Database from 'better-sqlite3';
import type { CatalogStore } from '../catalog/catalog-store';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncService } from '../sync/sync-service';
import { CatalogDownsync } from './catalog-downsync';

/** The till's down-sync, composed: it reaches the back office the till is bound to. */
export function createCatalogDownsync(deps: {
  db: Database.Database;
  catalog: CatalogStore;
  settings: SettingsStore;
  sync: SyncService;
  bus: EventBus;
  log: Logger;
}): CatalogDownsync {
  const downsync = new CatalogDownsync({
    db: deps.db,
    catalog: deps.catalog,
    settings: deps.settings,
    log: deps.log,
    changed: () => deps.bus.emit('catalog.changed', {}),
    access: () => {
      const host = deps.sync.hostAccess(60_000);
      return host === null ? null : { baseUrl: host.client.url, credentials: host.credentials };
    },
  });
  // A till just bound (or unbound) asks at once rather than at the next poll.
  let bound = deps.sync.status().binding !== null;
  deps.bus.on('sync.status', (status) => {
    if ((status.binding !== null) === bound) return;
    bound = status.binding !== null;
    void downsync.syncNow();
  });
  return downsync;
}
