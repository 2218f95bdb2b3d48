import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEan13 } from '@app/catalog/gtin';
import type { CatalogPut } from '@app/sync/downsync-protocol';
import { openPostgresDatabase } from '../store/postgres-database';
import type { SqlDatabase } from '../store/sql';
import { openSqliteDatabase } from '../store/sqlite-database';
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
 * One private PostgreSQL cluster and one temporary folder per test file, and a fresh
 * database of each dialect per test.
 */
export function testDatabases() {
  let cluster: PgCluster | null = null;
  let folder: string | null = null;
  let count = 0;
  const need = <T>(value: T | null): T => {
    if (value === null) throw new Error('testDatabases().start() was not called');
    return value;
  };
  const dialects: [string, () => SqlDatabase][] = [
    ['sqlite', () => openSqliteDatabase(join(need(folder), `db${(count += 1)}.sqlite`))],
    ['postgres', () => openPostgresDatabase(need(cluster).createDatabase(`db${(count += 1)}`))],
  ];
  return {
    dialects,
    start(): void {
      cluster = startPgCluster();
      folder = mkdtempSync(join(tmpdir(), 'backoffice-downsync-'));
    },
    /** A connection string for a fresh PostgreSQL database. */
    postgresUrl(): string {
      return need(cluster).createDatabase(`db${(count += 1)}`);
    },
    stop(): void {
      cluster?.stop();
      if (folder !== null) rmSync(folder, { recursive: true, force: true });
    },
  };
}
