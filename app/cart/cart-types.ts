import type { CurrencyCode } from '../money/currency';
import type { TaxClass, TaxClassId, TaxMode, TaxRounding } from '../tax/tax-class';

/** A discount by percent (basis points, 1000 = 10 %) or by a fixed amount in minor units. */
export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; minor: number };

/**
 * How a line's gross is measured when it is not whole units × unit price:
 * - weight: `unitPriceMinor` is per kilogram, `grams` what the scale (or the cashier)
 *   weighed; gross = unit price × grams × quantity / 1000, rounded half away from zero to a
 *   minor unit, once per line.
 * - labelPrice: the price came printed in the item's barcode (a price-embedded label);
 *   `unitPriceMinor` is that price. Such lines are never merged with another scan.
 */
export type LineMeasure = { kind: 'weight'; grams: number } | { kind: 'labelPrice' };

export interface CartLine {
  lineId: string;
  productId: string;
  sku: string;
  barcode: string;
  nameEn: string;
  nameZh: string;
  /** Snapshot of the price when the line was added: a later price change never alters it. */
  unitPriceMinor: number;
  taxClass: TaxClassId;
  /** Whole units, 1..9999 (for a weighed line: how many packs of that weight). */
  quantity: number;
  discount: Discount | null;
  /** Absent on lines sold by the piece (and on every line saved before weighed items). */
  measure?: LineMeasure;
}

export interface Cart {
  /**
   * The id the sale will have, chosen with the cart and saved with it: a commit consumes the
   * cart with the sale of this id, and a retry after an unknown outcome looks it up first.
   * Absent only on carts saved before it existed.
   */
  saleId?: string;
  currency: CurrencyCode;
  lines: CartLine[];
  orderDiscount: Discount | null;
  /**
   * A member on the sale (issue #7). A points redemption is the order discount
   * (an amount), so it is taxed and allocated like any order discount.
   */
  member?: CartMember;
}

export interface CartMember {
  customerId: string;
  /** Points given for the order discount; 0 when none are redeemed. */
  pointsRedeemed: number;
}

export interface PricingSettings {
  taxMode: TaxMode;
  taxRounding: TaxRounding;
  taxClasses: readonly TaxClass[];
}

export interface LineTotals {
  lineId: string;
  grossMinor: number;
  lineDiscountMinor: number;
  /** This line's share of the order discount (largest-remainder allocation: shares sum exactly). */
  orderDiscountMinor: number;
  /** gross - both discounts: what the line costs, tax inclusive in inclusive mode. */
  netMinor: number;
  /** The line's tax as rounded for display; per-receipt mode rounds the class total instead. */
  taxMinor: number;
}

export interface TaxTotal {
  taxClass: TaxClassId;
  rateBp: number;
  /** Net amount the tax is computed on (excluding the tax itself). */
  baseMinor: number;
  taxMinor: number;
}

export interface CartTotals {
  lines: LineTotals[];
  /** Σ gross. */
  subtotalMinor: number;
  /** Σ line and order discounts (positive). */
  discountMinor: number;
  taxes: TaxTotal[];
  /** Σ tax of all classes. */
  taxMinor: number;
  /** What the customer owes before any cash rounding. */
  totalMinor: number;
  itemCount: number;
}
