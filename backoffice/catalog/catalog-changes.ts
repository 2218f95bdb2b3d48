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
    const changedIds = new Set(change.products.map((product) => product.id));
    const gone = [...new Set(change.deleted)].filter((id) => !changedIds.has(id));
    const rows: ChangeRows = {
      ids: [...changedIds, ...gone],
      deleted: [...change.products.map(() => 0), ...gone.map(() => 1)],
      skus: [...change.products.map((product) => product.sku), ...gone.map(() => '')],
      plus: [...change.products.map((product) => product.plu ?? ''), ...gone.map(() => '')],
      bodies: [
        ...change.products.map((product) => JSON.stringify({ ...product, deleted: false })),
        ...gone.map(() => ''),
      ],
      codes: [],
      codeOwners: [],
    };
    for (const product of change.products) {
      for (const code of barcodesOf(product)) {
        rows.codes.push(code);
        rows.codeOwners.push(product.id);
      }
    }
    await writeChange(tx, change.merchantId, version, now, rows);
    return { version, changed: change.products.length, deleted: gone.length };
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

/** A change as columns: products (deleted 0) and tombstones (deleted 1), and the barcodes. */
interface ChangeRows {
  ids: string[];
  deleted: number[];
  /** '' for a tombstone's SKU and for no scale item code. */
  skus: string[];
  plus: string[];
  bodies: string[];
  codes: string[];
  codeOwners: string[];
}

const FREE_BARCODES = 'DELETE FROM catalog_barcodes WHERE merchant_id = $1 AND product_id';
const FREE_CODES =
  'UPDATE catalog_products SET sku = NULL, plu = NULL WHERE merchant_id = $1 AND product_id';
const UPSERT = `INSERT INTO catalog_products
    (merchant_id, product_id, version, deleted, sku, plu, body, changed_at)
  SELECT $1, t.id, $2, t.deleted, NULLIF(t.sku, ''), NULLIF(t.plu, ''), t.body, $3 FROM {rows}
  ON CONFLICT (merchant_id, product_id) DO UPDATE SET version = excluded.version,
    deleted = excluded.deleted, sku = excluded.sku, plu = excluded.plu,
    body = excluded.body, changed_at = excluded.changed_at`;
const ADD_BARCODES = `INSERT INTO catalog_barcodes (merchant_id, barcode, product_id)
  SELECT $1, t.code, t.owner FROM {rows}`;

/**
 * Writes a change. The barcodes, SKUs and item codes of every product in it are freed
 * first, so a code moving from one product to another within the change does not clash.
 * PostgreSQL takes each step as one statement over arrays (unnest); SQLite, in-process,
 * a statement per row.
 */
async function writeChange(
  tx: SqlRunner,
  merchantId: string,
  version: number,
  now: number,
  rows: ChangeRows,
): Promise<void> {
  if (tx.dialect === 'postgres') {
    // Barcodes: only the pairs that change are written (a price change writes none); the
    // ones going are removed first, so a code moving between products of the change is free.
    const pairs = (n: number): string =>
      `unnest($${n}::text[], $${n + 1}::text[]) AS t(code, owner)`;
    await tx.execute(
      `${FREE_BARCODES} = ANY($2::text[]) AND NOT EXISTS (SELECT 1 FROM ${pairs(3)}
         WHERE t.code = catalog_barcodes.barcode AND t.owner = catalog_barcodes.product_id)`,
      [merchantId, rows.ids, rows.codes, rows.codeOwners],
    );
    // One JSON parameter: node-postgres escapes text arrays element by element, which
    // costs seconds for 10,000 product bodies; JSON.stringify and json_to_recordset do not.
    const records = rows.ids.map((id, i) => ({
      id,
      deleted: rows.deleted[i],
      sku: rows.skus[i],
      plu: rows.plus[i],
      body: rows.bodies[i],
    }));
    const recordset = (n: number): string =>
      `json_to_recordset($${n}::json) AS t(id text, deleted int, sku text, plu text, body text)`;
    const json = JSON.stringify(records);
    // Only the SKUs and item codes that change are freed: a price change rewrites each row once.
    await tx.execute(
      `UPDATE catalog_products c SET sku = NULL, plu = NULL FROM ${recordset(2)}
       WHERE c.merchant_id = $1 AND c.product_id = t.id
         AND (c.sku IS DISTINCT FROM NULLIF(t.sku, '') OR c.plu IS DISTINCT FROM NULLIF(t.plu, ''))`,
      [merchantId, json],
    );
    await tx.execute(UPSERT.replace('{rows}', recordset(4)), [merchantId, version, now, json]);
    await tx.execute(
      `${ADD_BARCODES.replace('{rows}', pairs(2))} WHERE NOT EXISTS (
         SELECT 1 FROM catalog_barcodes b
         WHERE b.merchant_id = $1 AND b.barcode = t.code AND b.product_id = t.owner)`,
      [merchantId, rows.codes, rows.codeOwners],
    );
    return;
  }
  for (const id of rows.ids) {
    await tx.execute(`${FREE_BARCODES} = $2`, [merchantId, id]);
    await tx.execute(`${FREE_CODES} = $2`, [merchantId, id]);
  }
  const upsert = UPSERT.replace(
    '{rows}',
    '(SELECT $4 AS id, $5 AS deleted, $6 AS sku, $7 AS plu, $8 AS body) AS t WHERE true',
  );
  for (const [i, id] of rows.ids.entries()) {
    await tx.execute(upsert, [
      merchantId,
      version,
      now,
      id,
      rows.deleted[i] ?? 0,
      rows.skus[i] ?? '',
      rows.plus[i] ?? '',
      rows.bodies[i] ?? '',
    ]);
  }
  const add = ADD_BARCODES.replace('{rows}', '(SELECT $2 AS code, $3 AS owner) AS t');
  for (const [i, code] of rows.codes.entries()) {
    await tx.execute(add, [merchantId, code, rows.codeOwners[i] ?? '']);
  }
}
