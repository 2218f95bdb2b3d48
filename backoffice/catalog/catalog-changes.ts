import { barcodesOf, newProduct } from '@app/catalog/product';
import { productProblems } from '@app/catalog/product-rules';
import { MAX_CATALOG_PAGE } from '@app/sync/downsync-protocol';
import type { CatalogPage, CatalogPut, SyncedProduct } from '@app/sync/downsync-protocol';
import type { SqlRunner, SqlDatabase } from '../store/sql';

/** Tombstones are kept this long: longer than any till is expected to stay offline. */
export const TOMBSTONE_RETENTION_MS = 90 * 24 * 3600_000;

/** Why the owner's change was refused, as the owner API answers it. */
export class CatalogRefusal extends Error {
  constructor(
    readonly problem: string,
    readonly sku: string,
  ) {
    super(`${sku}: ${problem}`);
  }
}

type OwnerProduct = CatalogPut['products'][number];

/**
 * The owner's change: products added or replaced and products deleted, as ONE new version
 * in one transaction. Taking the version row first locks it until commit, so the merchant's
 * changes commit in version order and a till reading between them never skips one.
 */
export async function putProducts(
  db: SqlDatabase,
  change: CatalogPut,
  now: number,
): Promise<{ version: number; changed: number; deleted: number }> {
  refuseBadProducts(change.products);
  return db.transaction(async (tx) => {
    const version = await nextVersion(tx, change.merchantId);
    const rows = change.products.map((product) => ({
      id: product.id,
      sku: product.sku,
      plu: product.plu,
      body: JSON.stringify({ ...product, deleted: false }),
    }));
    const gone = change.deleted.filter((id) => !rows.some((row) => row.id === id));
    const ids = [...rows.map((row) => row.id), ...gone];
    await forEachChunk(ids, (chunk) =>
      // The barcodes, SKUs and item codes of every product in the change are freed first,
      // so a code moving from one product to another within the change does not clash.
      freeCodes(tx, change.merchantId, chunk),
    );
    const upsert = `INSERT INTO catalog_products
        (merchant_id, product_id, version, deleted, sku, plu, body, changed_at)
      VALUES {rows}
      ON CONFLICT (merchant_id, product_id) DO UPDATE SET version = excluded.version,
        deleted = excluded.deleted, sku = excluded.sku, plu = excluded.plu,
        body = excluded.body, changed_at = excluded.changed_at`;
    const tuples = [
      ...rows.map((row) => [row.id, 0, row.sku, row.plu, row.body] as const),
      ...gone.map((id) => [id, 1, null, null, ''] as const),
    ];
    await forEachChunk(tuples, (chunk) =>
      tx.execute(
        // $1 merchant, $2 version, $3 time; then id, deleted, sku, plu, body per product.
        upsert.replace(
          '{rows}',
          chunk
            .map((_, i) => {
              const [id, deleted, sku, plu, body] = [4, 5, 6, 7, 8].map((n) => `$${n + i * 5}`);
              return `($1, ${id}, $2, ${deleted}, ${sku}, ${plu}, ${body}, $3)`;
            })
            .join(', '),
        ),
        [change.merchantId, version, now, ...chunk.flat()],
      ),
    );
    const codes = change.products.flatMap((product) =>
      barcodesOf(product).map((code) => [code, product.id] as const),
    );
    await forEachChunk(codes, (chunk) =>
      tx.execute(
        `INSERT INTO catalog_barcodes (merchant_id, barcode, product_id) VALUES ${chunk
          .map((_, i) => `($1, $${i * 2 + 2}, $${i * 2 + 3})`)
          .join(', ')}`,
        [change.merchantId, ...chunk.flat()],
      ),
    );
    return { version, changed: rows.length, deleted: gone.length };
  });
}

/** One page of changes after `cursor` (null: a snapshot from the start). */
export async function readChanges(
  db: SqlDatabase,
  merchantId: string,
  cursor: string | null,
  limit: number,
): Promise<CatalogPage> {
  const head = await db.query<{ version: unknown; purged_through: unknown }>(
    'SELECT version, purged_through FROM catalog_versions WHERE merchant_id = $1',
    [merchantId],
  );
  const row = head[0];
  if (row === undefined) return { managed: false };
  const headVersion = Number(row.version);
  const from = cursor === null ? { snapshot: true, version: 0, id: '' } : parseCursor(cursor);
  if (from === null) throw new CursorRefusal();
  if (!from.snapshot && from.version < Number(row.purged_through)) {
    return { managed: true, reload: true, version: headVersion };
  }
  const size = Math.min(Math.max(limit, 1), MAX_CATALOG_PAGE);
  const rows = await db.query<{
    product_id: string;
    version: unknown;
    deleted: unknown;
    body: string;
  }>(
    `SELECT product_id, version, deleted, body FROM catalog_products
     WHERE merchant_id = $1 AND (version > $2 OR (version = $2 AND product_id > $3))
     ORDER BY version, product_id LIMIT $4`,
    [merchantId, from.version, from.id, size + 1],
  );
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const hasMore = rows.length > size;
  const lastVersion = last === undefined ? from.version : Number(last.version);
  return {
    managed: true,
    reload: false,
    // A change committed after the head was read may already be on this page.
    version: hasMore ? lastVersion : Math.max(headVersion, lastVersion),
    snapshot: from.snapshot,
    cursor: formatCursor({
      // The snapshot's last page ends it: what follows is changes.
      snapshot: from.snapshot && hasMore,
      version: lastVersion,
      id: last?.product_id ?? from.id,
    }),
    hasMore,
    products: page.map((item) =>
      Number(item.deleted) === 1
        ? { id: item.product_id, deleted: true as const }
        : (JSON.parse(item.body) as SyncedProduct),
    ),
  };
}

/** The merchant's catalog version and live product count, for the owner. */
export async function catalogSummary(
  db: SqlDatabase,
  merchantId: string,
): Promise<{ version: number; products: number }> {
  const rows = await db.query<{ version: unknown; products: unknown }>(
    `SELECT coalesce((SELECT version FROM catalog_versions WHERE merchant_id = $1), 0) AS version,
       (SELECT count(*) FROM catalog_products WHERE merchant_id = $1 AND deleted = 0) AS products`,
    [merchantId],
  );
  return { version: Number(rows[0]?.version ?? 0), products: Number(rows[0]?.products ?? 0) };
}

/**
 * Removes tombstones older than the retention and records the highest version removed:
 * a till whose cursor is older is told to reload.
 */
export async function purgeTombstones(
  db: SqlDatabase,
  merchantId: string,
  olderThan: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ version: unknown }>(
      `SELECT max(version) AS version FROM catalog_products
       WHERE merchant_id = $1 AND deleted = 1 AND changed_at < $2`,
      [merchantId, olderThan],
    );
    const through = rows[0]?.version;
    if (through === null || through === undefined) return 0;
    const removed = await tx.execute(
      'DELETE FROM catalog_products WHERE merchant_id = $1 AND deleted = 1 AND version <= $2',
      [merchantId, Number(through)],
    );
    await tx.execute(
      `UPDATE catalog_versions SET purged_through = $2
       WHERE merchant_id = $1 AND purged_through < $2`,
      [merchantId, Number(through)],
    );
    return removed;
  });
}

/** A cursor the back office never issued. */
export class CursorRefusal extends Error {
  constructor() {
    super('not a cursor this back office issued');
  }
}

interface CursorPosition {
  snapshot: boolean;
  version: number;
  id: string;
}

/** `s.<version>.<id>` during a snapshot, `c.<version>.<id>` after it; opaque to the till. */
function formatCursor(position: CursorPosition): string {
  return `${position.snapshot ? 's' : 'c'}.${position.version}.${position.id}`;
}

function parseCursor(text: string): CursorPosition | null {
  const match = /^([sc])\.(\d{1,15})\.(.{0,64})$/s.exec(text);
  if (match === null) return null;
  return { snapshot: match[1] === 's', version: Number(match[2]), id: match[3] ?? '' };
}

/** Locks the merchant's version row (creating it) and returns the next version. */
async function nextVersion(tx: SqlRunner, merchantId: string): Promise<number> {
  await tx.execute(
    `INSERT INTO catalog_versions (merchant_id, version) VALUES ($1, 0)
     ON CONFLICT (merchant_id) DO NOTHING`,
    [merchantId],
  );
  const rows = await tx.query<{ version: unknown }>(
    'UPDATE catalog_versions SET version = version + 1 WHERE merchant_id = $1 RETURNING version',
    [merchantId],
  );
  return Number(rows[0]?.version);
}

/** Every problem a product has on its own, and clashes within the change. */
function refuseBadProducts(products: readonly OwnerProduct[]): void {
  const skus = new Set<string>();
  const codes = new Set<string>();
  const plus = new Set<string>();
  for (const input of products) {
    const product = newProduct({ ...input, favourite: false });
    // The tills check the tax class against their own shop's classes.
    const problem = productProblems(product, [product.taxClass])[0];
    if (problem !== undefined) throw new CatalogRefusal(problem.code, product.sku);
    if (skus.has(product.sku)) throw new CatalogRefusal('duplicate_sku', product.sku);
    skus.add(product.sku);
    for (const code of barcodesOf(product)) {
      if (codes.has(code)) throw new CatalogRefusal('duplicate_barcode', product.sku);
      codes.add(code);
    }
    if (product.plu !== null) {
      if (plus.has(product.plu)) throw new CatalogRefusal('duplicate_plu', product.sku);
      plus.add(product.plu);
    }
  }
}

/** Statements stay under both dialects' parameter limits (SQLite: 32,766). */
const CHUNK = 1000;

async function forEachChunk<T>(items: readonly T[], work: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += CHUNK) {
    await work(items.slice(start, start + CHUNK));
  }
}

/** `$from, $from+1, …` for `count` values. */
function list(values: readonly unknown[], from: number): string {
  return values.map((_, i) => `$${from + i}`).join(', ');
}

async function freeCodes(tx: SqlRunner, merchantId: string, ids: readonly string[]) {
  await tx.execute(
    `DELETE FROM catalog_barcodes WHERE merchant_id = $1 AND product_id IN (${list(ids, 2)})`,
    [merchantId, ...ids],
  );
  await tx.execute(
    `UPDATE catalog_products SET sku = NULL, plu = NULL
     WHERE merchant_id = $1 AND product_id IN (${list(ids, 2)})`,
    [merchantId, ...ids],
  );
}
