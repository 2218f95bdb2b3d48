import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../store/sql';
import { startPgCluster } from './pg-cluster';
import type { PgCluster } from './pg-cluster';

/** A test cluster lives minutes and never outlives its machine: no fsync. */
export const TEST_SETTINGS = { fsync: 'off' };

/**
 * The two stores a shared test runs on, for `describe.each`: each call of the second
 * element gives a fresh database (undefined: the test host's own temporary SQLite file; a
 * new database in this file's private PostgreSQL cluster, started before the file's tests
 * and stopped after them).
 */
export function storeDialects(): [Dialect, () => string | undefined][] {
  let cluster: PgCluster | undefined;
  let databases = 0;
  // initdb takes seconds on a busy machine: more than a test's hook may wait.
  beforeAll(() => {
    cluster = startPgCluster({ settings: TEST_SETTINGS });
  }, 120_000);
  afterAll(() => cluster?.stop(), 60_000);
  return [
    ['sqlite', () => undefined],
    [
      'postgres',
      () => {
        if (cluster === undefined) throw new Error('the PostgreSQL cluster did not start');
        databases += 1;
        return cluster.createDatabase(`test${databases}`);
      },
    ],
  ];
}
