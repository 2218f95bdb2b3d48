import type { Refusal } from '../server';
import type { Migration, SqlDatabase } from '../store/sql';
import type { RouteModule } from '../http/route-module';
import { recordAlarm } from './alarms';
import { createDashboard } from './dashboard-routes';
import type { Dashboard, DashboardOptions } from './dashboard-routes';
import { dashboardMigrations } from './migrations';

/**
 * The dashboard as the back office's server takes it: its migrations, its routes on the
 * (re)opened database, and the refusals it keeps as alarms.
 */
export interface DashboardFeature {
  migrations: readonly Migration[];
  routes(db: SqlDatabase): readonly RouteModule[];
  onRefusal(db: SqlDatabase): (refusal: Refusal) => Promise<void>;
  /** The one-time set-up link's path while no owner exists (after routes() was called). */
  setupPath(): Promise<string | null>;
}

export function dashboardFeature(options: Omit<DashboardOptions, 'db'> = {}): DashboardFeature {
  let dashboard: Dashboard | null = null;
  return {
    migrations: dashboardMigrations,
    routes(db) {
      dashboard = createDashboard({ ...options, db });
      return [dashboard.routes];
    },
    onRefusal: (db) => (refusal) =>
      recordAlarm(db, {
        terminalId: refusal.terminalId,
        kind: refusal.error,
        detail: refusal.detail,
        at: refusal.at,
      }),
    setupPath: () => dashboard?.setupPath() ?? Promise.resolve(null),
  };
}
