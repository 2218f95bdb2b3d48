import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newProduct } from '@app/catalog/product';
import type { Product } from '@app/catalog/product';
import { makeEan13 } from '@app/catalog/gtin';
import { DomainError } from '@app/result';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { CatalogStore } from './catalog-store';
import { demoCatalog } from './demo-catalog';

const product = (n: number, overrides: Partial<Product> = {}): Product =>
  newProduct({
    id: `p${n}`,
    sku: `SKU${n}`,
    barcode: makeEan13(`69000000${String(n).padStart(4, '0')}`),
    nameEn: `Product ${n}`,
    nameZh: `商品${n}`,
    priceMinor: 100 * n,
    taxClass: 'standard',
    ...overrides,
  });

describe('CatalogStore', () => {
  let temp: TempDatabase;
  let catalog: CatalogStore;
  const names = (query: string, limit = 10) => catalog.search(query, limit).map((p) => p.nameEn);

  beforeEach(() => {
    temp = tempDatabase();
    catalog = new CatalogStore(temp.db);
    catalog.upsertMany(demoCatalog());
  });
  afterEach(() => temp.dispose());

  it('finds a product by barcode and by id', () => {
    const cola = demoCatalog().find((p) => p.nameEn === 'Coca-Cola 330ml')!;
    expect(catalog.byBarcode(cola.barcode)).toEqual(cola);
    expect(catalog.byId(cola.id)).toEqual(cola);
    expect(catalog.byBarcode('6900000000000')).toBeNull();
    expect(catalog.byId('nope')).toBeNull();
  });

  it('finds a UPC-A code stored as EAN-13 with its leading zero', () => {
    const upc = product(1, { barcode: '0036000291452' });
    catalog.upsertMany([upc]);
    expect(catalog.byBarcode('036000291452')).toEqual(upc);
  });

  it('matches English words by prefix', () => {
    expect(names('coca co')).toContain('Coca-Cola 330ml');
    expect(names('COCA-COLA')).toContain('Coca-Cola 500ml');
    expect(names('pota chi')).toContain("Lay's Potato Chips Original 40g");
  });

  it('matches Chinese by any substring', () => {
    const zh = (query: string) => catalog.search(query, 20).map((p) => p.nameZh);
    expect(zh('可乐')).toEqual(expect.arrayContaining(['可口可乐 330毫升', '百事可乐 330毫升']));
    expect(zh('口可')).toContain('可口可乐 330毫升');
    expect(zh('牛奶')).toContain('蒙牛纯牛奶 250毫升');
    expect(zh('可乐 330')).toContain('可口可乐 330毫升');
    expect(zh('可乐 330')).not.toContain('可口可乐 500毫升');
  });

  it('puts an exact barcode or SKU first, and matches their prefixes', () => {
    const milk = demoCatalog().find((p) => p.nameEn === 'Mengniu Pure Milk 250ml')!;
    expect(catalog.search(milk.barcode, 5)[0]).toEqual(milk);
    expect(catalog.search(milk.sku, 5)[0]).toEqual(milk);
    expect(catalog.search(milk.barcode.slice(0, 9), 50)).toContainEqual(milk);
    expect(catalog.search(milk.sku.slice(0, 3), 100)).toContainEqual(milk);
  });

  it('returns nothing for empty or punctuation-only queries, and respects the limit', () => {
    expect(catalog.search('', 10)).toEqual([]);
    expect(catalog.search(' -"*( ', 10)).toEqual([]);
    expect(catalog.search('zzzzqqq', 10)).toEqual([]);
    expect(catalog.search('co', 3)).toHaveLength(3);
    expect(catalog.search('cola', 0)).toEqual([]);
  });

  it('treats FTS5 syntax in a query as text', () => {
    expect(() => catalog.search('cola" OR "*', 10)).not.toThrow();
    expect(() => catalog.search('NEAR(coca cola) AND', 10)).not.toThrow();
    expect(names('cola AND')).toEqual([]);
  });

  it('replaces a product by id and keeps search in step', () => {
    const before = catalog.count();
    const cola = demoCatalog().find((p) => p.nameEn === 'Coca-Cola 330ml')!;
    const renamed = {
      ...cola,
      nameEn: 'Coca-Cola Classic 330ml',
      nameZh: '经典可乐',
      priceMinor: 380,
    };
    expect(catalog.upsertMany([renamed])).toBe(1);
    expect(catalog.count()).toBe(before);
    expect(catalog.byId(cola.id)).toEqual(renamed);
    expect(names('coca classic')).toEqual(['Coca-Cola Classic 330ml']);
    expect(catalog.search('可口', 50).map((p) => p.id)).not.toContain(cola.id);
    expect(catalog.search('经典可', 50).map((p) => p.id)).toEqual([cola.id]);
  });

  it('refuses an invalid barcode or price and rolls the whole import back', () => {
    const before = catalog.count();
    const valid = product(2).barcode;
    const wrongCheckDigit = `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;
    const badBarcode = product(2, { barcode: wrongCheckDigit });
    expect(() => catalog.upsertMany([product(1), badBarcode])).toThrow(DomainError);
    expect(() => catalog.upsertMany([product(3, { priceMinor: 1.5 })])).toThrow(DomainError);
    expect(catalog.count()).toBe(before);
    expect(catalog.byId('p1')).toBeNull();
    expect(catalog.search('Product', 10)).toEqual([]);
  });

  it('refuses a barcode that another product already has', () => {
    const taken = demoCatalog()[0]!.barcode;
    expect(() => catalog.upsertMany([product(9, { barcode: taken })])).toThrow(/UNIQUE/);
    expect(catalog.byId('p9')).toBeNull();
  });

  it('counts products', () => {
    expect(catalog.count()).toBe(demoCatalog().length);
  });
});
