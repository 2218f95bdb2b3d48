import { barcodesOf } from '@app/catalog/product';
import type { Category, Product, ProductUnit } from '@app/catalog/product';
import type { TaxClassId } from '@app/tax/tax-class';

/** How products and categories lie in the catalog's tables, and back. */
export interface ProductRow {
  id: string;
  sku: string;
  barcode: string;
  barcodes: string;
  name_en: string;
  name_zh: string;
  price: number;
  tax_class: TaxClassId;
  category_id: string | null;
  cost: number | null;
  unit: ProductUnit;
  active: number;
  track_stock: number;
  favourite: number;
  plu: string | null;
}

export interface CategoryRow {
  id: string;
  name_en: string;
  name_zh: string;
  colour: string;
  sort_order: number;
}

export const toProduct = (row: ProductRow): Product => {
  const codes = row.barcodes === '' ? [] : row.barcodes.split(' ');
  return {
    id: row.id,
    sku: row.sku,
    barcode: row.barcode,
    extraBarcodes: row.barcode === '' ? codes : codes.slice(1),
    nameEn: row.name_en,
    nameZh: row.name_zh,
    priceMinor: row.price,
    taxClass: row.tax_class,
    categoryId: row.category_id,
    costMinor: row.cost,
    unit: row.unit,
    active: row.active === 1,
    trackStock: row.track_stock === 1,
    favourite: row.favourite === 1,
    plu: row.plu,
  };
};

export const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  nameEn: row.name_en,
  nameZh: row.name_zh,
  colour: row.colour,
  sortOrder: row.sort_order,
});

export const COLUMNS = `p.id, p.sku, p.barcode, p.barcodes, p.name_en, p.name_zh, p.price, p.tax_class,
  p.category_id, p.cost, p.unit, p.active, p.track_stock, p.favourite, p.plu`;

/** The row values of a product, named as the insert and update statements want them. */
export const rowParams = (product: Product) => ({
  id: product.id,
  sku: product.sku,
  barcode: product.barcode,
  barcodes: barcodesOf(product).join(' '),
  nameEn: product.nameEn,
  nameZh: product.nameZh,
  price: product.priceMinor,
  taxClass: product.taxClass,
  categoryId: product.categoryId,
  cost: product.costMinor,
  unit: product.unit,
  active: product.active ? 1 : 0,
  trackStock: product.trackStock ? 1 : 0,
  favourite: product.favourite ? 1 : 0,
  plu: product.plu,
});

/** What a product's barcodes and search entry are made of, as stored. */
export interface IndexedRow {
  doc: number;
  sku: string;
  barcodes: string;
  name_en: string;
  name_zh: string;
  plu: string | null;
}

export function sameIndexEntry(
  row: IndexedRow,
  product: Product,
  codes: readonly string[],
): boolean {
  return (
    row.sku === product.sku &&
    row.barcodes === codes.join(' ') &&
    row.name_en === product.nameEn &&
    row.name_zh === product.nameZh &&
    row.plu === product.plu
  );
}

/**
 * A UPC-A code and the EAN-13 with a leading zero are the same product; scanners are set up
 * to send either form, so a miss is retried with the other.
 */
export function upcTwin(code: string): string | null {
  if (/^\d{12}$/.test(code)) return `0${code}`;
  if (/^0\d{12}$/.test(code)) return code.slice(1);
  return null;
}
