import type Database from 'better-sqlite3';
import { barcodesOf } from '@app/catalog/product';
import type { Category, Product } from '@app/catalog/product';
import { categoryProblems, productProblems } from '@app/catalog/product-rules';
import { DomainError } from '@app/result';
import { defaultTaxClassIds } from '@app/tax/tax-class';
import type { TaxClassId } from '@app/tax/tax-class';
import { prepared } from '../ledger/prepared';
import { matchExpression, searchText } from './search-terms';
import { COLUMNS, rowParams, sameIndexEntry, toCategory, toProduct, upcTwin } from './catalog-rows';
import type { CategoryRow, IndexedRow, ProductRow } from './catalog-rows';

/**
 * How many full-text matches are ranked. A two-letter query on a million products matches
 * tens of thousands; ranking them all costs more than the 20 ms a keystroke may take, so
 * the first matches in index order are ranked instead. A query specific enough to be
 * useful matches fewer than this and is ranked completely.
 */
const RANKED_CANDIDATES = 200;

export interface SearchOptions {
  /** The cashier sees only what can be sold; the owner sees everything. */
  activeOnly?: boolean;
  categoryId?: string;
}

/** A page of products and whether another follows. */
export interface ProductPage {
  products: Product[];
  hasMore: boolean;
}

/** The grid's favourites tab rather than one category. */
export const FAVOURITES = 'favourites';

/** Throws the first problem a product has, as the error the screen translates. */
export function assertProduct(product: Product, taxClasses: readonly TaxClassId[]): void {
  const first = productProblems(product, taxClasses)[0];
  if (first) {
    throw new DomainError(first.code, `${product.sku}: ${first.code}`, {
      sku: product.sku,
      ...first.params,
    });
  }
  if (product.id === '') throw new DomainError('missing_field', 'product without id');
}

/**
 * The product catalog: barcode lookup at the scanner, name search at the keyboard, the
 * cashier's grid, and the owner's edits. Writes keep products, their barcodes and the
 * search index in step, each in one transaction.
 */
export class CatalogStore {
  private readonly byBarcodeStmt;
  private readonly byIdStmt;
  private readonly bySkuStmt;
  private readonly byPluStmt;
  private readonly exactStmt;
  private readonly searchStmt;
  private readonly countStmt;
  private readonly docStmt;
  private readonly maxDocStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly barcodeOwnerStmt;
  private readonly deleteBarcodesStmt;
  private readonly insertBarcodeStmt;
  private readonly ftsDeleteStmt;
  private readonly ftsInsertStmt;
  private readonly gridStmt;
  private readonly favouritesStmt;
  private readonly listStmt;
  private readonly listCategoryStmt;
  private readonly allStmt;
  private readonly categoriesStmt;
  private readonly upsertCategoryStmt;
  private readonly categoryUseStmt;
  private readonly deleteCategoryStmt;
  private readonly clearPluStmt;
  private readonly taxClassCountStmt;

  /** `taxClasses` are the shop's tax class ids, which every saved product must use. */
  constructor(
    private readonly db: Database.Database,
    private readonly taxClasses: () => readonly TaxClassId[] = () => defaultTaxClassIds,
  ) {
    this.byBarcodeStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM product_barcodes b JOIN products p ON p.id = b.product_id
       WHERE b.barcode = ?`,
    );
    this.byIdStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.id = ?`,
    );
    this.bySkuStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.sku = ?`,
    );
    this.byPluStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.plu = ?`,
    );
    this.exactStmt = db.prepare<[string, string], ProductRow>(
      `SELECT ${COLUMNS} FROM product_barcodes b JOIN products p ON p.id = b.product_id
         WHERE b.barcode = ?
       UNION SELECT ${COLUMNS} FROM products p WHERE p.sku = ?`,
    );
    // The inner LIMIT stops FTS5 early. FTS5's bm25() is not used: it counts each term's
    // documents over the whole index on every query (80 ms on a million products). Every
    // candidate matched every term, and names rarely repeat a word, so bm25 would order
    // them by length; the shortest names come first here, without the scan.
    this.searchStmt = db.prepare<[string, number, number], ProductRow>(
      `SELECT ${COLUMNS}
       FROM (SELECT rowid AS doc FROM products_fts WHERE products_fts MATCH ? LIMIT ?) f
       JOIN products p ON p.search_doc = f.doc
       ORDER BY length(p.name_en) + length(p.name_zh), p.search_doc
       LIMIT ?`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');
    this.taxClassCountStmt = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM products WHERE tax_class = ?',
    );
    this.docStmt = db.prepare<[string], IndexedRow>(
      `SELECT search_doc AS doc, sku, barcodes, name_en, name_zh, plu FROM products WHERE id = ?`,
    );
    this.maxDocStmt = db.prepare<[], { doc: number }>(
      'SELECT coalesce(max(search_doc), 0) AS doc FROM products',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO products (id, sku, barcode, barcodes, name_en, name_zh, price, tax_class,
         category_id, cost, unit, active, track_stock, favourite, plu, search_doc)
       VALUES (@id, @sku, @barcode, @barcodes, @nameEn, @nameZh, @price, @taxClass,
         @categoryId, @cost, @unit, @active, @trackStock, @favourite, @plu, @doc)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE products SET sku = @sku, barcode = @barcode, barcodes = @barcodes,
         name_en = @nameEn, name_zh = @nameZh, price = @price, tax_class = @taxClass,
         category_id = @categoryId, cost = @cost, unit = @unit, active = @active,
         track_stock = @trackStock, favourite = @favourite, plu = @plu
       WHERE id = @id`,
    );
    this.barcodeOwnerStmt = db.prepare<[string], { id: string; sku: string }>(
      `SELECT p.id, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id
       WHERE b.barcode = ?`,
    );
    this.deleteBarcodesStmt = db.prepare('DELETE FROM product_barcodes WHERE product_id = ?');
    this.insertBarcodeStmt = db.prepare(
      'INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)',
    );
    this.ftsDeleteStmt = db.prepare('DELETE FROM products_fts WHERE rowid = ?');
    this.ftsInsertStmt = db.prepare(
      'INSERT INTO products_fts (rowid, name_en, name_zh, codes) VALUES (?, ?, ?, ?)',
    );
    // products_grid and products_favourites (migration v3) answer these without sorting.
    this.gridStmt = db.prepare<[string, number, number], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.category_id = ? AND p.active = 1
       ORDER BY p.favourite DESC, p.name_en LIMIT ? OFFSET ?`,
    );
    this.favouritesStmt = db.prepare<[number, number], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.active = 1 AND p.favourite = 1
       ORDER BY p.name_en LIMIT ? OFFSET ?`,
    );
    this.listStmt = db.prepare<[string, number], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.sku > ? ORDER BY p.sku LIMIT ?`,
    );
    this.listCategoryStmt = db.prepare<[string, string, number], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.category_id = ? AND p.sku > ?
       ORDER BY p.sku LIMIT ?`,
    );
    this.allStmt = db.prepare<[], ProductRow>(`SELECT ${COLUMNS} FROM products p ORDER BY p.sku`);
    this.categoriesStmt = db.prepare<[], CategoryRow>(
      'SELECT * FROM categories ORDER BY sort_order, id',
    );
    this.upsertCategoryStmt = db.prepare(
      `INSERT INTO categories (id, name_en, name_zh, colour, sort_order)
       VALUES (@id, @nameEn, @nameZh, @colour, @sortOrder)
       ON CONFLICT (id) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh,
         colour = excluded.colour, sort_order = excluded.sort_order`,
    );
    this.categoryUseStmt = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM products WHERE category_id = ? LIMIT 1)',
    );
    this.deleteCategoryStmt = db.prepare('DELETE FROM categories WHERE id = ?');
    this.clearPluStmt = db.prepare('UPDATE products SET plu = NULL WHERE id = ?');
  }

  /** The product a barcode belongs to; a UPC-A and its EAN-13 form (0 + UPC-A) are one. */
  byBarcode(code: string): Product | null {
    const row = this.byBarcodeStmt.get(code) ?? this.byBarcodeStmt.get(upcTwin(code) ?? '');
    return row ? toProduct(row) : null;
  }

  byId(id: string): Product | null {
    const row = this.byIdStmt.get(id);
    return row ? toProduct(row) : null;
  }

  bySku(sku: string): Product | null {
    const row = this.bySkuStmt.get(sku);
    return row ? toProduct(row) : null;
  }

  /** The weighed or labelled item a scale's item code stands for. */
  byPlu(plu: string): Product | null {
    const row = this.byPluStmt.get(plu);
    return row ? toProduct(row) : null;
  }

  /** Who has this barcode now, if anyone. */
  barcodeOwner(code: string): { id: string; sku: string } | null {
    return this.barcodeOwnerStmt.get(code) ?? null;
  }

  /**
   * Products whose barcode or SKU is exactly the query first, then full-text matches on
   * both names, the SKU and the barcodes (prefixes match too), best first.
   */
  search(query: string, limit: number, options: SearchOptions = {}): Product[] {
    const match = matchExpression(query);
    if (match === null || limit <= 0) return [];
    const wanted = (row: ProductRow): boolean =>
      (options.activeOnly !== true || row.active === 1) &&
      (options.categoryId === undefined || row.category_id === options.categoryId);
    const trimmed = query.trim();
    const exact = this.exactStmt.all(trimmed, trimmed).filter(wanted);
    const seen = new Set(exact.map((row) => row.id));
    const ranked = this.searchStmt
      .all(match, Math.max(RANKED_CANDIDATES, limit), limit + exact.length)
      .filter((row) => !seen.has(row.id) && wanted(row));
    return [...exact, ...ranked].slice(0, limit).map(toProduct);
  }

  /** One page of the cashier's grid: a category's sellable products, favourites first. */
  grid(categoryId: string, offset: number, limit: number): ProductPage {
    const rows =
      categoryId === FAVOURITES
        ? this.favouritesStmt.all(limit + 1, offset)
        : this.gridStmt.all(categoryId, limit + 1, offset);
    return { products: rows.slice(0, limit).map(toProduct), hasMore: rows.length > limit };
  }

  /** The owner's list: by SKU, a page after `afterSku`, optionally one category. */
  list(options: { categoryId?: string; afterSku: string; limit: number }): ProductPage {
    const { categoryId, afterSku, limit } = options;
    const rows =
      categoryId === undefined
        ? this.listStmt.all(afterSku, limit + 1)
        : this.listCategoryStmt.all(categoryId, afterSku, limit + 1);
    return { products: rows.slice(0, limit).map(toProduct), hasMore: rows.length > limit };
  }

  /** Every product by SKU, read lazily (the export). */
  *all(): Generator<Product> {
    for (const row of this.allStmt.iterate()) yield toProduct(row);
  }

  /**
   * Inserts new products and replaces existing ones (by id), keeping barcodes and the search
   * index in step, all in one transaction: a failed import leaves the catalog as it was.
   * `onProgress` is told every 1,000 products.
   */
  upsertMany(products: Iterable<Product>, onProgress?: (done: number) => void): number {
    return this.db.transaction((): number => {
      let nextDoc = (this.maxDocStmt.get()?.doc ?? 0) + 1;
      let count = 0;
      const taxClasses = this.taxClasses();
      for (const product of products) {
        assertProduct(product, taxClasses);
        const existing = this.docStmt.get(product.id);
        const codes = barcodesOf(product);
        // A price or flag change leaves the search entry as it is (its FTS rewrite is most
        // of the cost of a big price change).
        const reindex = !existing || !sameIndexEntry(existing, product, codes);
        let doc: number;
        if (existing) {
          doc = existing.doc;
          this.updateStmt.run(rowParams(product));
          this.deleteBarcodesStmt.run(product.id);
          if (reindex) this.ftsDeleteStmt.run(doc);
        } else {
          doc = nextDoc++;
          this.insertStmt.run({ ...rowParams(product), doc });
        }
        for (const code of codes) this.insertBarcodeStmt.run(code, product.id);
        if (reindex) {
          this.ftsInsertStmt.run(
            doc,
            searchText(product.nameEn),
            searchText(product.nameZh),
            [searchText(product.sku), ...codes, product.plu ?? ''].join(' ').trim(),
          );
        }
        count += 1;
        if (onProgress && count % 1000 === 0) onProgress(count);
      }
      return count;
    })();
  }

  /**
   * The owner's form: saves one product after checking it against the others, so a clash
   * is a clear message (which SKU, barcode or item code, and who has it), not a constraint.
   */
  save(product: Product): Product {
    assertProduct(product, this.taxClasses());
    const sameSku = this.bySkuStmt.get(product.sku);
    if (sameSku && sameSku.id !== product.id) {
      throw new DomainError('duplicate_sku', `SKU ${product.sku} is taken`, {
        sku: product.sku,
        name: sameSku.name_en,
      });
    }
    for (const code of barcodesOf(product)) {
      const owner = this.barcodeOwner(code);
      if (owner && owner.id !== product.id) {
        throw new DomainError('duplicate_barcode', `barcode ${code} is taken`, {
          barcode: code,
          sku: owner.sku,
        });
      }
    }
    if (product.plu !== null) {
      const owner = this.byPluStmt.get(product.plu);
      if (owner && owner.id !== product.id) {
        throw new DomainError('duplicate_plu', `item code ${product.plu} is taken`, {
          plu: product.plu,
          sku: owner.sku,
        });
      }
    }
    if (
      product.categoryId !== null &&
      !this.categories().some((c) => c.id === product.categoryId)
    ) {
      throw new DomainError('category_not_found', `no category ${product.categoryId}`, {
        category: product.categoryId,
      });
    }
    this.upsertMany([product]);
    return product;
  }

  /**
   * Gives this connection a page cache that holds an import's index pages (256 MiB instead of
   * 2 MiB): a 100,000-product transaction then stops spilling pages mid-way, twice as fast.
   * For the import's own connection, not the till's.
   */
  useImportCache(): void {
    this.db.pragma('cache_size = -262144');
  }

  /** Runs `work` in one transaction (nested store calls join it). */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Frees the barcodes and scale item codes of these products, inside a transaction that
   * writes them again: a code moving to another product in the same import does not clash.
   */
  releaseCodes(ids: readonly string[]): void {
    for (const id of ids) {
      this.deleteBarcodesStmt.run(id);
      this.clearPluStmt.run(id);
    }
  }

  /**
   * Takes the SKU, scale item code and barcodes `product` carries away from any other
   * product (for changes the back office sends: its catalog has them unique, so the other
   * product's own change, later in the feed, gives it its new ones). Call inside the
   * transaction that saves `product`.
   */
  claimCodes(product: Product): void {
    prepared(this.db, "UPDATE products SET sku = '~' || id WHERE sku = ? AND id <> ?").run(
      product.sku,
      product.id,
    );
    if (product.plu !== null) {
      prepared(this.db, 'UPDATE products SET plu = NULL WHERE plu = ? AND id <> ?').run(
        product.plu,
        product.id,
      );
    }
    const free = prepared(
      this.db,
      'DELETE FROM product_barcodes WHERE barcode = ? AND product_id <> ?',
    );
    for (const code of barcodesOf(product)) free.run(code, product.id);
  }

  /**
   * Deletes products, their barcodes and search entries (a product the back office deleted;
   * past sales keep their own copy of its name and price). Unknown ids are ignored.
   */
  remove(ids: Iterable<string>): number {
    const forget = prepared(this.db, 'DELETE FROM products WHERE id = ?');
    return this.db.transaction((): number => {
      let removed = 0;
      for (const id of ids) {
        const existing = this.docStmt.get(id);
        if (!existing) continue;
        this.deleteBarcodesStmt.run(id);
        this.ftsDeleteStmt.run(existing.doc);
        removed += forget.run(id).changes;
      }
      return removed;
    })();
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** How many products use each of these tax classes (active or not); classes unused are left out. */
  countByTaxClass(ids: readonly TaxClassId[]): Map<TaxClassId, number> {
    const counts = new Map<TaxClassId, number>();
    for (const id of ids) {
      const n = this.taxClassCountStmt.get(id)?.n ?? 0;
      if (n > 0) counts.set(id, n);
    }
    return counts;
  }

  categories(): Category[] {
    return this.categoriesStmt.all().map(toCategory);
  }

  saveCategories(categories: readonly Category[]): Category[] {
    for (const category of categories) {
      const first = categoryProblems(category)[0];
      if (first) throw new DomainError(first.code, `category ${category.id}`, first.params);
    }
    this.db.transaction(() => {
      for (const category of categories) this.upsertCategoryStmt.run(category);
    })();
    return this.categories();
  }

  /** A category with products is kept: the owner moves them elsewhere first. */
  deleteCategory(id: string): Category[] {
    if ((this.categoryUseStmt.get(id)?.n ?? 0) > 0) {
      throw new DomainError('category_in_use', `category ${id} has products`, { category: id });
    }
    this.deleteCategoryStmt.run(id);
    return this.categories();
  }
}
