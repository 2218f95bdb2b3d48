import type { CartLine, CartTotals, Discount, LineTotals } from '../cart/cart-types';
import type { CurrencyCode } from '../money/currency';
import type { TenderMethod } from '../ledger/entry';
import type { TenderDetail } from '../api/payment-schemas';

/** A sale line as committed: the cart line's snapshot with its computed totals. */
export type SaleLine = CartLine & Omit<LineTotals, 'lineId'>;

/** A tender; card, QR, chip and "other" tenders also say how they were paid (TenderDetail). */
export interface SaleTender extends TenderDetail {
  method: TenderMethod;
  /** What this tender pays toward the sale (after change is netted out). */
  amountMinor: number;
  /** Cash handed over; equals amountMinor for non-cash tenders. */
  tenderedMinor: number;
  changeMinor: number;
}

/** A committed sale: written once with its ledger entry, never edited. */
export interface SaleRecord {
  /** UUID; also the id of its ledger entry. */
  id: string;
  /** The ledger seq of its entry, printed as the receipt number. */
  seq: number;
  at: string;
  batchNo: string;
  terminalId: string;
  currency: CurrencyCode;
  lines: SaleLine[];
  orderDiscount: Discount | null;
  totals: Omit<CartTotals, 'lines'>;
  /** Cash rounding adjustment (signed); 0 when no cash rounding applies. */
  roundingMinor: number;
  /** totals.totalMinor + roundingMinor: what the sale takes. Equals Σ tenders.amountMinor. */
  paidMinor: number;
  tenders: SaleTender[];
  /** The ledger entry's hash, printed on the receipt. */
  hash: string;
  /** The member on the sale and their points (issue #7); absent without one. */
  member?: SaleMember;
}

export interface SaleMember {
  customerId: string;
  name: string;
  /** Always masked (138****1234): the ledger goes upstream and onto the receipt. */
  phoneMasked: string;
  pointsEarned: number;
  pointsRedeemed: number;
  /** The balance right after this sale. */
  balanceAfter: number;
}

export interface SaleSummary {
  id: string;
  seq: number;
  at: string;
  currency: CurrencyCode;
  paidMinor: number;
  itemCount: number;
  tenderMethods: TenderMethod[];
}
