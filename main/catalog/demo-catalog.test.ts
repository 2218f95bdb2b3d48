import { describe, expect, it } from 'vitest';
import { isValidGtin } from '@app/catalog/gtin';
import { demoCatalog, syntheticCatalog } from './demo-catalog';

describe('demoCatalog', () => {
  const products = demoCatalog();

  it('stocks a convenience store: at least 200 products', () => {
    expect(products.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every product a valid, unique EAN-13 from GS1 China (690–695)', () => {
    for (const p of products) {
      expect(isValidGtin(p.barcode), p.barcode).toBe(true);
      expect(p.barcode).toMatch(/^69[0-5]\d{10}$/);
    }
    expect(new Set(products.map((p) => p.barcode)).size).toBe(products.length);
  });

  it('gives every product a unique id and SKU, both names and a price in whole fen', () => {
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const p of products) {
      expect(p.nameEn.trim(), p.sku).not.toBe('');
      expect(p.nameZh).toMatch(/\p{Script=Han}/u);
      expect(Number.isSafeInteger(p.priceMinor) && p.priceMinor > 0, p.sku).toBe(true);
    }
  });

  it('uses both tax classes, the reduced one for basic foods', () => {
    const byName = (en: string) => products.find((p) => p.nameEn === en);
    expect(new Set(products.map((p) => p.taxClass))).toEqual(new Set(['standard', 'reduced']));
    expect(byName('Mengniu Pure Milk 250ml')?.taxClass).toBe('reduced');
    expect(byName('Fresh Eggs 10 pcs')?.taxClass).toBe('reduced');
    expect(byName('Coca-Cola 330ml')).toMatchObject({
      nameZh: '可口可乐 330毫升',
      priceMinor: 350,
    });
    expect(byName('Coca-Cola 330ml')?.taxClass).toBe('standard');
  });

  it('is the same every time', () => {
    expect(demoCatalog()).toEqual(products);
  });
});

describe('syntheticCatalog', () => {
  it('makes unique, valid products, the same for the same seed', () => {
    const products = [...syntheticCatalog(5_000, 7)];
    expect(products).toHaveLength(5_000);
    expect(new Set(products.map((p) => p.barcode)).size).toBe(5_000);
    expect(new Set(products.map((p) => p.sku)).size).toBe(5_000);
    expect(products.every((p) => isValidGtin(p.barcode))).toBe(true);
    expect(products.every((p) => Number.isSafeInteger(p.priceMinor))).toBe(true);
    expect([...syntheticCatalog(50, 7)]).toEqual(products.slice(0, 50));
    expect([...syntheticCatalog(50, 8)]).not.toEqual(products.slice(0, 50));
  });
});
