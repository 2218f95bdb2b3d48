import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster } from '../testing/pg-cluster';
import type { PgCluster } from '../testing/pg-cluster';
import { TEST_SETTINGS } from '../testing/dialects';
import { migrate } from './migrate';
import { openPostgresDatabase } from './postgres-database';
import type { Migration, SqlDatabase } from './sql';
import { openSqliteDatabase } from './sqlite-database';

const COUNTERS: Migration = {
  id: '001-counters',
  sqlite: 'CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);',
  postgres: 'CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);',
};

let cluster: PgCluster;
let folder: string;
let databases = 0;
// initdb takes seconds on a busy machine: more than a hook's default 10 s may wait.
beforeAll(() => {
  cluster = startPgCluster({ settings: TEST_SETTINGS });
  folder = mkdtempSync(join(tmpdir(), 'backoffice-sql-'));
}, 120_000);
afterAll(() => {
  cluster.stop();
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

const dialects: [string, () => SqlDatabase][] = [
  ['sqlite', () => openSqliteDatabase(join(folder, `db${(databases += 1)}.sqlite`))],
  ['postgres', () => openPostgresDatabase(cluster.createDatabase(`db${(databases += 1)}`))],
];

describe.each(dialects)('the back office database on %s', (_name, open) => {
  it('binds $n placeholders by number, repeated and out of order', async () => {
    const db = open();
    await migrate(db, [COUNTERS]);
    await db.execute('INSERT INTO counters (name, value) VALUES ($2, $1)', [7, 'a']);
    const rows = await db.query<{ name: string; twice: number }>(
      'SELECT name, CAST(value + $1 AS INTEGER) AS twice FROM counters WHERE name = $2 AND value = $1',
      [7, 'a'],
    );
    expect(rows).toEqual([{ name: 'a', twice: 14 }]);
    await db.close();
  });

  it('rolls a failed transaction back whole', async () => {
    const db = open();
    await migrate(db, [COUNTERS]);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute('INSERT INTO counters (name, value) VALUES ($1, 1)', ['kept?']);
        await tx.execute('INSERT INTO counters (name, value) VALUES ($1, 1)', ['kept?']);
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT name FROM counters')).toEqual([]);
    await db.close();
  });

  it('applies each migration once, even when two processes migrate at once', async () => {
    const first = open();
    const applied = await Promise.all([migrate(first, [COUNTERS]), migrate(first, [COUNTERS])]);
    expect(applied.flat()).toEqual(['001-counters']);
    expect(await migrate(first, [COUNTERS])).toEqual([]);
    await first.close();
  });
});
