import type { CurrencyCode } from '../money/currency';
import type { TaxClass, TaxClassId, TaxMode, TaxRounding } from '../tax/tax-class';

/** A discount by percent (basis points, 1000 = 10 %) or by a fixed amount in minor units. */
export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; minor: number };

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
  /** Whole units, 1..9999. */
  quantity: number;
  discount: Discount | null;
}

export interface Cart {
  currency: CurrencyCode;
  lines: CartLine[];
  orderDiscount: Discount | null;
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
