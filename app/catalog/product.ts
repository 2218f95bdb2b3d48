import type { TaxClassId } from '../tax/tax-class';

/** piece: priced per item; kg: priced per kilogram and sold by weight (integer grams). */
export type ProductUnit = 'piece' | 'kg';
export const productUnits: readonly ProductUnit[] = ['piece', 'kg'];

export interface Product {
  id: string;
  sku: string;
  /**
   * The main EAN-13 / EAN-8 / UPC-A, validated on the way in; '' for an item that has none
   * (a weighed item known only by its scale item code).
   */
  barcode: string;
  /** More codes the same product scans under (another pack size's label, an old code). */
  extraBarcodes: string[];
  nameEn: string;
  nameZh: string;
  /**
   * Price in minor units, tax inclusive or exclusive per the shop's tax mode: per item, or
   * per kilogram for unit 'kg'.
   */
  priceMinor: number;
  taxClass: TaxClassId;
  categoryId: string | null;
  /** What the shop pays, per item or per kg; null when not recorded. */
  costMinor: number | null;
  unit: ProductUnit;
  /** Inactive products stay for history and export but cannot be sold. */
  active: boolean;
  trackStock: boolean;
  /** Shown first on the cashier's grid. */
  favourite: boolean;
  /** The item code a scale prints into price- or weight-embedded labels (prefix 2x). */
  plu: string | null;
}

type Required = 'id' | 'sku' | 'barcode' | 'nameEn' | 'nameZh' | 'priceMinor' | 'taxClass';

/** A product from its essentials; the rest default to a sellable item priced per piece. */
export const newProduct = (fields: Pick<Product, Required> & Partial<Product>): Product => ({
  extraBarcodes: [],
  categoryId: null,
  costMinor: null,
  unit: 'piece',
  active: true,
  trackStock: false,
  favourite: false,
  plu: null,
  ...fields,
});

/** Every barcode a product scans under, main one first. */
export const barcodesOf = (product: Pick<Product, 'barcode' | 'extraBarcodes'>): string[] =>
  product.barcode === '' ? [...product.extraBarcodes] : [product.barcode, ...product.extraBarcodes];

/** A category of the cashier's touch grid. */
export interface Category {
  /** A short code ("DRK"), also what the CSV's category column names. */
  id: string;
  nameEn: string;
  nameZh: string;
  /** #rrggbb: the button's colour on the grid. */
  colour: string;
  /** Grid order, lowest first. */
  sortOrder: number;
}
