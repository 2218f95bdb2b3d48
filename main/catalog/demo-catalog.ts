import type { Product } from '@app/catalog/product';
import { makeEan13 } from '@app/catalog/gtin';
import { demoProducts } from './demo-products';

export { syntheticCatalog } from './synthetic-catalog';

/** 690–695 are GS1 China's prefixes. */
const GS1_CHINA = 690;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/**
 * The catalog a new install starts with, so a newcomer can sell within a minute. The same
 * every time: SKUs, barcodes and ids follow from each product's place in the table.
 */
export function demoCatalog(): Product[] {
  const perShelf = new Map<string, number>();
  return demoProducts().map((item) => {
    const n = (perShelf.get(item.shelf) ?? 0) + 1;
    perShelf.set(item.shelf, n);
    const sku = `${item.shelf}${pad(n, 4)}`;
    // Prefix, a 4-digit "manufacturer" per brand line, a 5-digit item per size.
    const body = `${GS1_CHINA + (item.line % 6)}${pad(1000 + item.line, 4)}${pad(item.size, 5)}`;
    return {
      id: `demo-${sku.toLowerCase()}`,
      sku,
      barcode: makeEan13(body),
      nameEn: item.nameEn,
      nameZh: item.nameZh,
      priceMinor: item.priceMinor,
      taxClass: item.taxClass,
    };
  });
}
