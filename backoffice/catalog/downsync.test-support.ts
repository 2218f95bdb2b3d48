import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEan13 } from '@app/catalog/gtin';
import type { CatalogPut } from '@app/sync/downsync-protocol';
import { openPostgresDatabase } from '../store/postgres-database';
import type { SqlDatabase } from '../store/sql';
import { openSqliteDatabase } from '../store/sqlite-database';
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster } from '../testing/pg-cluster';
import type { PgCluster } from '../testing/pg-cluster';

/** Product number n as the owner API takes it: SKU P0000n, a valid EAN-13, 1.00 + n cents. */
export function ownerProduct(n: number): CatalogPut['products'][number] {
  return {
    id: `p${n}`,
    sku: `P${String(n).padStart(5, '0')}`,
    barcode: makeEan13(`69${String(n).padStart(10, '0')}`),
    extraBarcodes: [],
    nameEn: `Product ${n}`,
    nameZh: `商品${n}`,
    priceMinor: 100 + n,
    taxClass: 'standard',
    categoryId: null,
    costMinor: null,
    unit: 'piece',
    active: true,
    trackStock: false,
    plu: null,
  };
}

/**
 * One private PostgreSQL cluster for the whole test file (started before its first test,
 * stopped after its last), and a fresh database of it on each call.
 */
export function pgClusterForFile(): { database(prefix: string): string } {
  let cluster: PgCluster | null = null;
  let count = 0;
  beforeAll(() => {
    cluster = startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop(), 60_000);
  return {
    database(prefix) {
      if (cluster === null) throw new Error('the cluster starts before the first test');
      return cluster.createDatabase(`${prefix}${(count += 1)}`);
    },
  };
}

/** The same pair per test file, and a fresh database of each dialect per call. */
export function testDatabases(): { dialects: [string, () => SqlDatabase][] } {
  const postgres = pgClusterForFile();
  let folder: string | null = null;
  let count = 0;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'backoffice-downsync-'));
  });
  afterAll(() => {
    if (folder !== null) rmSync(folder, { recursive: true, force: true });
  });
  const sqliteFile = (): string => {
    if (folder === null) throw new Error('the folder is made before the first test');
    return join(folder, `db${(count += 1)}.sqlite`);
  };
  return {
    dialects: [
      ['sqlite', () => openSqliteDatabase(sqliteFile())],
      ['postgres', () => openPostgresDatabase(postgres.database('db'))],
    ],
  };
}
