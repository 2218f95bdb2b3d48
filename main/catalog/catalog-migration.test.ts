import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../ledger/migrations';
import { openDatabase } from '../ledger/database';
import { CatalogStore } from './catalog-store';
import { searchText } from './search-terms';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A database as the app left it before the catalog work (schema v2, one barcode each). */
function v2Database(): string {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-v2-'));
  dirs.push(dir);
  const file = join(dir, 'ledger.sqlite');
  const db = new Database(file);
  db.exec(migrations[0]!);
  db.exec(migrations[1]!);
  db.pragma('user_version = 2');
  const insert = db.prepare(
    `INSERT INTO products (id, sku, barcode, name_en, name_zh, price, tax_class, search_doc)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = db.prepare(
    'INSERT INTO products_fts (rowid, name_en, name_zh, codes) VALUES (?, ?, ?, ?)',
  );
  const rows = [
    [
      'demo-drk0001',
      'DRK0001',
      '6901001000014',
      'Coca-Cola 330ml',
      '可口可乐 330毫升',
      350,
      'standard',
    ],
    ['own-1', 'OWN1', '6901001000021', 'House Blend Tea', '自制茶', 1200, 'reduced'],
  ] as const;
  rows.forEach(([id, sku, barcode, en, zh, price, tax], i) => {
    insert.run(id, sku, barcode, en, zh, price, tax, i + 1);
    fts.run(i + 1, searchText(en), searchText(zh), `${sku} ${barcode}`);
  });
  db.close();
  return file;
}

describe('migration v3 (the owner-managed catalog)', () => {
  it('keeps every product, its barcode and its search entry, with defaults for the new fields', () => {
    const db = openDatabase(v2Database());
    try {
      const catalog = new CatalogStore(db);
      expect(catalog.byBarcode('6901001000021')).toEqual({
        id: 'own-1',
        sku: 'OWN1',
        barcode: '6901001000021',
        extraBarcodes: [],
        nameEn: 'House Blend Tea',
        nameZh: '自制茶',
        priceMinor: 1200,
        taxClass: 'reduced',
        categoryId: null,
        costMinor: null,
        unit: 'piece',
        active: true,
        trackStock: false,
        favourite: false,
        plu: null,
      });
      expect(catalog.search('可乐', 5).map((p) => p.id)).toEqual(['demo-drk0001']);
      expect(catalog.search('house', 5).map((p) => p.id)).toEqual(['own-1']);
      // A till that ran the demo catalog finds its shelves on the grid.
      expect(catalog.byId('demo-drk0001')?.categoryId).toBe('DRK');
      expect(catalog.grid('DRK', 0, 10).products.map((p) => p.sku)).toEqual(['DRK0001']);
      expect(catalog.categories().length).toBeGreaterThan(10);
      // Sale lines can record a weight now; earlier sales' rows are untouched.
      const columns = db.prepare('PRAGMA table_info(sale_lines)').all() as { name: string }[];
      expect(columns.map((c) => c.name)).toContain('weight_grams');
    } finally {
      db.close();
    }
  });
});
