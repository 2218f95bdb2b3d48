import { describe, expect, it } from 'vitest';
import type { CatalogPage } from '@app/sync/downsync-protocol';
import { migrate } from '../store/migrate';
import type { SqlDatabase } from '../store/sql';
import { catalogMigration } from './catalog-migration';
import { putProducts, purgeTombstones, readChanges } from './catalog-changes';
import { ownerProduct, testDatabases } from './downsync.test-support';

const MERCHANT = '123456789012345';
const databases = testDatabases();

async function opened(open: () => SqlDatabase): Promise<SqlDatabase> {
  const db = open();
  await migrate(db, [catalogMigration]);
  return db;
}

type Changes = Extract<CatalogPage, { reload: false }>;
const changes = (page: CatalogPage): Changes => {
  if (!page.managed || page.reload)
    throw new Error(`not a page of changes: ${JSON.stringify(page)}`);
  return page;
};

describe.each(databases.dialects)('the catalog feed on %s', (_name, open) => {
  it('is not managed until the owner publishes a catalog', async () => {
    const db = await opened(open);
    expect(await readChanges(db, MERCHANT, null, 10)).toEqual({ managed: false });
    await db.close();
  });

  it('pages a snapshot, then only what changed after the cursor, deletions as tombstones', async () => {
    const db = await opened(open);
    const first = await putProducts(
      db,
      { merchantId: MERCHANT, products: [1, 2, 3].map((n) => ownerProduct(n)), deleted: [] },
      1000,
    );
    expect(first).toEqual({ version: 1, changed: 3, deleted: 0 });

    const page1 = changes(await readChanges(db, MERCHANT, null, 2));
    expect(page1).toMatchObject({ snapshot: true, hasMore: true });
    expect(page1.products.map((p) => p.id)).toEqual(['p1', 'p2']);
    const page2 = changes(await readChanges(db, MERCHANT, page1.cursor, 2));
    expect(page2).toMatchObject({ snapshot: true, hasMore: false, version: 1 });
    expect(page2.products.map((p) => p.id)).toEqual(['p3']);

    await putProducts(
      db,
      {
        merchantId: MERCHANT,
        products: [{ ...ownerProduct(2), priceMinor: 999 }],
        deleted: ['p1'],
      },
      2000,
    );
    const after = changes(await readChanges(db, MERCHANT, page2.cursor, 10));
    expect(after).toMatchObject({ snapshot: false, hasMore: false, version: 2 });
    expect(after.products).toEqual([
      { id: 'p1', deleted: true },
      { ...ownerProduct(2), priceMinor: 999, deleted: false },
    ]);
    const idle = changes(await readChanges(db, MERCHANT, after.cursor, 10));
    expect(idle.products).toEqual([]);
    expect(idle.version).toBe(2);
    await db.close();
  });

  it('lets a barcode and a SKU move between products within one change', async () => {
    const db = await opened(open);
    await putProducts(
      db,
      { merchantId: MERCHANT, products: [ownerProduct(1), ownerProduct(2)], deleted: [] },
      1,
    );
    const [a, b] = [ownerProduct(1), ownerProduct(2)];
    await putProducts(
      db,
      {
        merchantId: MERCHANT,
        products: [
          { ...a, sku: b.sku, barcode: b.barcode },
          { ...b, sku: a.sku, barcode: a.barcode },
        ],
        deleted: [],
      },
      2,
    );
    const page = changes(await readChanges(db, MERCHANT, null, 10));
    expect(page.products.map((p) => (p.deleted ? null : p.sku))).toEqual([b.sku, a.sku]);
    await db.close();
  });

  it('refuses a change whose SKU another product keeps, and stores none of it', async () => {
    const db = await opened(open);
    await putProducts(db, { merchantId: MERCHANT, products: [ownerProduct(1)], deleted: [] }, 1);
    const clash = { ...ownerProduct(2), sku: ownerProduct(1).sku };
    await expect(
      putProducts(db, { merchantId: MERCHANT, products: [ownerProduct(3), clash], deleted: [] }, 2),
    ).rejects.toThrow();
    const page = changes(await readChanges(db, MERCHANT, null, 10));
    expect(page.products.map((p) => p.id)).toEqual(['p1']);
    expect(page.version).toBe(1);
    await db.close();
  });

  it('tells a till whose cursor is older than the kept tombstones to reload', async () => {
    const db = await opened(open);
    await putProducts(
      db,
      { merchantId: MERCHANT, products: [ownerProduct(1), ownerProduct(2)], deleted: [] },
      1,
    );
    const old = changes(await readChanges(db, MERCHANT, null, 10)).cursor;
    await putProducts(db, { merchantId: MERCHANT, products: [], deleted: ['p1'] }, 2);
    expect(await purgeTombstones(db, MERCHANT, 3)).toBe(1);
    expect(await readChanges(db, MERCHANT, old, 10)).toEqual({
      managed: true,
      reload: true,
      version: 2,
    });
    const snapshot = changes(await readChanges(db, MERCHANT, null, 10));
    expect(snapshot.products.map((p) => p.id)).toEqual(['p2']);
    await db.close();
  });
});
