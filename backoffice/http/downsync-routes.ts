import { catalogMigration } from '../catalog/catalog-migration';
import { catalogRoutes } from '../catalog/catalog-routes';
import { authenticate } from '../host/signature';
import { memberMigration } from '../members/member-migration';
import { memberRoutes } from '../members/member-routes';
import type { Migration, SqlDatabase } from '../store/sql';
import { stockMigration } from '../stock/stock-migration';
import { stockRoutes } from '../stock/stock-routes';
import { featureRoutes } from './feature-routes';
import type { FeatureDeps } from './feature-routes';
import type { RouteModule } from './route-module';

/** The down-sync features' tables (ids 010–029), applied with the core migrations. */
export const downsyncMigrations: readonly Migration[] = [
  catalogMigration,
  memberMigration,
  stockMigration,
];

/**
 * downsync-v1 (docs/downsync-v1.md) in the back office's server: catalog, members and
 * points, stock; terminals sign as in upstream-sync-v1, the owner API takes `ownerToken`.
 */
export function downsyncRoutes(
  db: SqlDatabase,
  options: { ownerToken: string | null; now?: () => number; timeZone?: string },
): RouteModule {
  const now = options.now ?? Date.now;
  const ctx = { db, now, timeZone: options.timeZone ?? 'UTC' };
  const deps: FeatureDeps = {
    db,
    now,
    ownerToken: options.ownerToken,
    authenticate: (request) => authenticate(ctx, request),
  };
  return featureRoutes(deps, [...catalogRoutes(deps), ...memberRoutes(deps), ...stockRoutes(deps)]);
}
