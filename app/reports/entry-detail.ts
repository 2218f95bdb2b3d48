import type { JsonValue, LedgerEntry, TenderMethod } from '../ledger/entry';
import type { TenderKindInfo } from '../fees/fee-schedule';

/**
 * Reading what reports need out of `detail`, which upstream-sync-v1 leaves free-form. Staff
 * and shift entries follow app/ledger/staff-detail.ts; sales follow main/sales/sale-entry.ts.
 *
 * Voids and refunds (not written yet) are read as `CorrectionDetail`: the writer records
 * what went back. A void without lines or taxes is a whole-sale void (撤销) and gives back
 * exactly what its `refId` sale recorded. A refund without taxes lowers net takings but
 * not the tax figures (nothing says which rate it was at).
 */
export interface CorrectionDetail {
  operator?: { id: string; name: string };
  reason?: string;
  /** Positive: the goods that went back and their net value. */
  lines?: {
    productId: string;
    nameEn: string;
    nameZh: string;
    quantity: number;
    netMinor: number;
  }[];
  /** Positive: the tax given back, by rate. */
  taxes?: { taxClass: string; rateBp: number; baseMinor: number; taxMinor: number }[];
  /** How each tender was paid back (same order as the entry's tenders). */
  tenders?: {
    method: TenderMethod;
    cardType?: 'credit' | 'debit' | 'wallet';
    qrScheme?: 'wallet' | 'unionpay';
  }[];
}

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = (v: JsonValue | undefined): JsonObject[] =>
  Array.isArray(v) ? v.filter(isObject) : [];
const int = (v: JsonValue | undefined): number =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : 0;
const str = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');

export interface OperatorName {
  id: string;
  name: string;
}

export const UNKNOWN_OPERATOR: OperatorName = { id: 'unknown', name: '' };

/** staff-detail.ts: every entry a person causes carries detail.operator. */
export function operatorOf(detail: JsonObject): OperatorName {
  const operator = detail.operator;
  if (!isObject(operator) || str(operator.id) === '') return UNKNOWN_OPERATOR;
  return { id: str(operator.id), name: str(operator.name) };
}

export interface ProductLine {
  productId: string;
  nameEn: string;
  nameZh: string;
  quantity: number;
  netMinor: number;
}

export function linesOf(detail: JsonObject): ProductLine[] {
  return arrayOf(detail.lines).map((line) => ({
    productId: str(line.productId),
    nameEn: str(line.nameEn),
    nameZh: str(line.nameZh),
    quantity: int(line.quantity),
    netMinor: int(line.netMinor),
  }));
}

export interface TaxLine {
  taxClass: string;
  rateBp: number;
  baseMinor: number;
  taxMinor: number;
}

const taxLines = (v: JsonValue | undefined): TaxLine[] =>
  arrayOf(v).map((t) => ({
    taxClass: str(t.taxClass),
    rateBp: int(t.rateBp),
    baseMinor: int(t.baseMinor),
    taxMinor: int(t.taxMinor),
  }));

/** A sale's taxes (detail.totals.taxes). */
export function saleTaxesOf(detail: JsonObject): TaxLine[] {
  return isObject(detail.totals) ? taxLines(detail.totals.taxes) : [];
}

/** A void's or refund's taxes given back (detail.taxes), or null when it records none. */
export function correctionTaxesOf(detail: JsonObject): TaxLine[] | null {
  return Array.isArray(detail.taxes) ? taxLines(detail.taxes) : null;
}

export function saleTotalsOf(detail: JsonObject): {
  subtotalMinor: number;
  discountMinor: number;
  itemCount: number;
} {
  const totals = isObject(detail.totals) ? detail.totals : {};
  return {
    subtotalMinor: int(totals.subtotalMinor),
    discountMinor: int(totals.discountMinor),
    itemCount: int(totals.itemCount),
  };
}

/** How the entry's i-th tender was paid, from detail.tenders when it names the same method. */
export function tenderInfoOf(
  detail: JsonObject,
  index: number,
  method: TenderMethod,
): TenderKindInfo | null {
  const found = arrayOf(detail.tenders)[index];
  if (!found || found.method !== method) return null;
  const cardType = found.cardType;
  const qrScheme = found.qrScheme;
  return {
    method,
    cardType:
      cardType === 'credit' || cardType === 'debit' || cardType === 'wallet' ? cardType : undefined,
    qrScheme: qrScheme === 'wallet' || qrScheme === 'unionpay' ? qrScheme : undefined,
  };
}

export const detailString = (detail: JsonObject, key: string): string => str(detail[key]);
export const detailInt = (detail: JsonObject, key: string): number => int(detail[key]);
export const detailObject = (detail: JsonObject, key: string): JsonObject | null => {
  const value = detail[key];
  return isObject(value) ? value : null;
};

export type { LedgerEntry };
