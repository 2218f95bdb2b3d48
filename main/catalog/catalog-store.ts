import type Database from 'better-sqlite3';
import type { Product } from '@app/catalog/product';
import { isValidGtin } from '@app/catalog/gtin';
import { DomainError } from '@app/result';
import type { TaxClassId } from '@app/tax/tax-class';
import { matchExpression, searchText } from './search-terms';

interface ProductRow {
  id: string;
  sku: string;
  barcode: string;
  name_en: string;
  name_zh: string;
  price: number;
  tax_class: TaxClassId;
}

const toProduct = (row: ProductRow): Product => ({
  id: row.id,
  sku: row.sku,
  barcode: row.barcode,
  nameEn: row.name_en,
  nameZh: row.name_zh,
  priceMinor: row.price,
  taxClass: row.tax_class,
});

const COLUMNS = 'p.id, p.sku, p.barcode, p.name_en, p.name_zh, p.price, p.tax_class';

/**
 * How many full-text matches are ranked. A two-letter query on a million products matches
 * tens of thousands; ranking them all costs more than the 20 ms a keystroke may take, so
 * the first matches in index order are ranked instead. A query specific enough to be
 * useful matches fewer than this and is ranked completely.
 */
const RANKED_CANDIDATES = 200;

const TAX_CLASSES: readonly string[] = ['standard', 'reduced'] satisfies TaxClassId[];

function checkProduct(product: Product): void {
  if (!isValidGtin(product.barcode)) {
    throw new DomainError('invalid_barcode', `invalid barcode: ${product.barcode}`, {
      barcode: product.barcode,
    });
  }
  if (!Number.isSafeInteger(product.priceMinor) || product.priceMinor < 0) {
    throw new DomainError('invalid_amount', `price is not minor units: ${product.priceMinor}`);
  }
  if (!TAX_CLASSES.includes(product.taxClass)) {
    throw new DomainError('invalid_input', `unknown tax class: ${product.taxClass}`);
  }
  if (product.id === '' || product.sku === '' || product.nameEn === '' || product.nameZh === '') {
    throw new DomainError('invalid_input', `product ${product.id} lacks an id, SKU or name`);
  }
}

/** The product catalog: barcode lookup at the scanner, name search at the keyboard. */
export class CatalogStore {
  private readonly byBarcodeStmt;
  private readonly byIdStmt;
  private readonly exactStmt;
  private readonly searchStmt;
  private readonly countStmt;
  private readonly docStmt;
  private readonly maxDocStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly ftsDeleteStmt;
  private readonly ftsInsertStmt;

  constructor(private readonly db: Database.Database) {
    this.byBarcodeStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.barcode = ?`,
    );
    this.byIdStmt = db.prepare<[string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.id = ?`,
    );
    this.exactStmt = db.prepare<[string, string], ProductRow>(
      `SELECT ${COLUMNS} FROM products p WHERE p.barcode = ?
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
    this.docStmt = db.prepare<[string], { doc: number }>(
      'SELECT search_doc AS doc FROM products WHERE id = ?',
    );
    this.maxDocStmt = db.prepare<[], { doc: number }>(
      'SELECT coalesce(max(search_doc), 0) AS doc FROM products',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO products (id, sku, barcode, name_en, name_zh, price, tax_class, search_doc)
       VALUES (@id, @sku, @barcode, @nameEn, @nameZh, @priceMinor, @taxClass, @doc)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE products SET sku = @sku, barcode = @barcode, name_en = @nameEn, name_zh = @nameZh,
         price = @priceMinor, tax_class = @taxClass
       WHERE id = @id`,
    );
    this.ftsDeleteStmt = db.prepare('DELETE FROM products_fts WHERE rowid = ?');
    this.ftsInsertStmt = db.prepare(
      'INSERT INTO products_fts (rowid, name_en, name_zh, codes) VALUES (?, ?, ?, ?)',
    );
  }

  byBarcode(code: string): Product | null {
    const row = this.byBarcodeStmt.get(code) ?? this.byBarcodeStmt.get(upcTwin(code) ?? '');
    return row ? toProduct(row) : null;
  }

  byId(id: string): Product | null {
    const row = this.byIdStmt.get(id);
    return row ? toProduct(row) : null;
  }

  /**
   * Products whose barcode or SKU is exactly the query first, then full-text matches on
   * both names, the SKU and the barcode (prefixes of both match too), best first.
   */
  search(query: string, limit: number): Product[] {
    const match = matchExpression(query);
    if (match === null || limit <= 0) return [];
    const trimmed = query.trim();
    const exact = this.exactStmt.all(trimmed, trimmed);
    const seen = new Set(exact.map((row) => row.id));
    const ranked = this.searchStmt
      .all(match, Math.max(RANKED_CANDIDATES, limit), limit + exact.length)
      .filter((row) => !seen.has(row.id));
    return [...exact, ...ranked].slice(0, limit).map(toProduct);
  }

  /**
   * Inserts new products and replaces existing ones (by id), keeping the search index in
   * step, all in one transaction: a failed import leaves the catalog as it was.
   */
  upsertMany(products: Iterable<Product>): number {
    return this.db.transaction((): number => {
      let nextDoc = (this.maxDocStmt.get()?.doc ?? 0) + 1;
      let count = 0;
      for (const product of products) {
        checkProduct(product);
        const existing = this.docStmt.get(product.id);
        let doc: number;
        if (existing) {
          doc = existing.doc;
          this.updateStmt.run(product);
          this.ftsDeleteStmt.run(doc);
        } else {
          doc = nextDoc++;
          this.insertStmt.run({ ...product, doc });
        }
        this.ftsInsertStmt.run(
          doc,
          searchText(product.nameEn),
          searchText(product.nameZh),
          `${searchText(product.sku)} ${product.barcode}`,
        );
        count += 1;
      }
      return count;
    })();
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }
}

/**
 * A UPC-A code and the EAN-13 with a leading zero are the same product; scanners are set up
 * to send either form, so a miss is retried with the other.
 */
function upcTwin(code: string): string | null {
  if (/^\d{12}$/.test(code)) return `0${code}`;
  if (/^0\d{12}$/.test(code)) return code.slice(1);
  return null;
}
