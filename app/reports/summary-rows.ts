import type { EntryType, LedgerEntry } from '../ledger/entry';
import { tenderFee } from '../fees/fee-schedule';
import type { FeeKind, FeeSchedule } from '../fees/fee-schedule';
import { businessMomentOf } from './business-day';
import type { ShopClock } from './business-day';
import {
  correctionTaxesOf,
  detailInt,
  detailObject,
  detailString,
  linesOf,
  operatorOf,
  saleTaxesOf,
  saleTotalsOf,
  tenderInfoOf,
} from './entry-detail';
import type { OperatorName, ProductLine, TaxLine } from './entry-detail';
import type { Correction } from './report-schema';

/**
 * What one ledger entry adds to the report figures, as rows: the X/Z accumulate these in
 * memory, the summary tables store them (main/reports/report-index.ts) and the dashboard
 * accumulates the stored sums. Amounts are signed as the entry's effect on takings.
 */
export interface TotalsRow {
  type: EntryType;
  hour: number;
  count: number;
  amountMinor: number;
  grossMinor: number;
  discountMinor: number;
  itemCount: number;
  roundingMinor: number;
}

export interface TenderRow {
  kind: FeeKind;
  count: number;
  amountMinor: number;
  feeMinor: number;
}

export interface CashierRow {
  operatorId: string;
  name: string;
  type: TakingsType;
  count: number;
  amountMinor: number;
}

export interface CashRow {
  floatMinor: number;
  cashSalesMinor: number;
  cashReturnsMinor: number;
  payInCount: number;
  payInMinor: number;
  payOutCount: number;
  payOutMinor: number;
  dropCount: number;
  dropMinor: number;
  noSaleCount: number;
  shiftsOpened: number;
  shiftsClosed: number;
  countedMinor: number;
}

export type TakingsType = 'sale' | 'void' | 'refund' | 'reversal';
export const isTakings = (type: EntryType): type is TakingsType =>
  type === 'sale' || type === 'void' || type === 'refund' || type === 'reversal';

export interface ShiftEvent {
  shiftId: string;
  event: 'open' | 'close';
  operator: OperatorName;
}

export interface EntryRows {
  day: string;
  totals: TotalsRow;
  taxes: TaxLine[];
  tenders: TenderRow[];
  cashier: CashierRow | null;
  products: ProductLine[];
  cash: CashRow;
  correction: Correction | null;
  shift: ShiftEvent | null;
}

export interface RowsContext {
  clock: ShopClock;
  fees: FeeSchedule;
  /** The entry a void, refund or reversal refers to (its refId), when the ledger has it. */
  referenced: (id: string) => LedgerEntry | null;
}

export const emptyCashRow = (): CashRow => ({
  floatMinor: 0,
  cashSalesMinor: 0,
  cashReturnsMinor: 0,
  payInCount: 0,
  payInMinor: 0,
  payOutCount: 0,
  payOutMinor: 0,
  dropCount: 0,
  dropMinor: 0,
  noSaleCount: 0,
  shiftsOpened: 0,
  shiftsClosed: 0,
  countedMinor: 0,
});

/** −n without a negative zero. */
const neg = (n: number): number => (n === 0 ? 0 : -n);

const negate = <T extends { netMinor: number; quantity: number }>(line: T): T => ({
  ...line,
  quantity: neg(line.quantity),
  netMinor: neg(line.netMinor),
});
const negateTax = (tax: TaxLine): TaxLine => ({
  ...tax,
  baseMinor: neg(tax.baseMinor),
  taxMinor: neg(tax.taxMinor),
});

/**
 * How many payments a takings entry adds to its tender's count: a sale's tender is one; a void
 * or reversal undoes that payment; a refund gives money back on a payment that stands.
 */
function paymentCount(type: EntryType): number {
  if (type === 'sale') return 1;
  return type === 'void' || type === 'reversal' ? -1 : 0;
}

/** The rows one entry contributes. Pure: the same entry always gives the same rows. */
export function rowsOfEntry(entry: LedgerEntry, ctx: RowsContext): EntryRows {
  const { day, hour } = businessMomentOf(Date.parse(entry.at), ctx.clock);
  const { detail } = entry;
  const operator = operatorOf(detail);
  const rows: EntryRows = {
    day,
    totals: {
      type: entry.type,
      hour,
      count: 1,
      amountMinor: entry.amount,
      grossMinor: 0,
      discountMinor: 0,
      itemCount: 0,
      roundingMinor: 0,
    },
    taxes: [],
    tenders: [],
    cashier: null,
    products: [],
    cash: emptyCashRow(),
    correction: null,
    shift: null,
  };
  const referenced =
    entry.refId !== undefined && entry.type !== 'sale' ? ctx.referenced(entry.refId) : null;

  if (isTakings(entry.type)) {
    rows.cashier = {
      operatorId: operator.id,
      name: operator.name,
      type: entry.type,
      count: 1,
      amountMinor: entry.amount,
    };
    entry.tenders.forEach((tender, i) => {
      const info = tenderInfoOf(detail, i, tender.method) ??
        (referenced ? tenderInfoOf(referenced.detail, i, tender.method) : null) ?? {
          method: tender.method,
        };
      const { kind, feeMinor } = tenderFee(ctx.fees, { ...info, amountMinor: tender.amount });
      rows.tenders.push({
        kind,
        count: paymentCount(entry.type),
        amountMinor: tender.amount,
        feeMinor,
      });
      if (tender.method === 'cash') {
        if (entry.type === 'sale') rows.cash.cashSalesMinor += tender.amount;
        else rows.cash.cashReturnsMinor -= tender.amount;
      }
    });
  }

  switch (entry.type) {
    case 'sale': {
      const totals = saleTotalsOf(detail);
      rows.totals.grossMinor = totals.subtotalMinor;
      rows.totals.discountMinor = totals.discountMinor;
      rows.totals.itemCount = totals.itemCount;
      rows.totals.roundingMinor = detailInt(detail, 'roundingMinor');
      rows.taxes = saleTaxesOf(detail);
      rows.products = linesOf(detail);
      break;
    }
    case 'void':
    case 'refund':
    case 'reversal': {
      const ownTaxes = correctionTaxesOf(detail);
      const ownLines = Array.isArray(detail.lines) ? linesOf(detail) : null;
      // A void with no breakdown of its own gives back the whole sale it refers to.
      const whole = entry.type !== 'refund' && referenced?.type === 'sale' ? referenced : null;
      rows.taxes = (ownTaxes ?? (whole ? saleTaxesOf(whole.detail) : [])).map(negateTax);
      rows.products = (ownLines ?? (whole ? linesOf(whole.detail) : [])).map(negate);
      rows.correction = {
        seq: entry.seq,
        at: entry.at,
        type: entry.type,
        amountMinor: neg(entry.amount),
        operatorId: operator.id,
        operatorName: operator.name,
        refId: entry.refId ?? null,
        reason: detailString(detail, 'reason'),
      };
      break;
    }
    case 'pay_in':
      rows.cash.payInCount = 1;
      rows.cash.payInMinor = entry.amount;
      break;
    case 'pay_out':
      rows.cash.payOutCount = 1;
      rows.cash.payOutMinor = neg(entry.amount);
      break;
    case 'no_sale':
      // staff-detail.ts NoSaleDetail: a drop moves cash to the safe; a plain open moves none.
      if (detailString(detail, 'kind') === 'cash_drop') {
        rows.cash.dropCount = 1;
        rows.cash.dropMinor = detailInt(detail, 'dropMinor');
      } else {
        rows.cash.noSaleCount = 1;
      }
      break;
    case 'shift_open':
      rows.cash.shiftsOpened = 1;
      rows.cash.floatMinor = detailInt(detail, 'floatMinor');
      rows.shift = { shiftId: detailString(detail, 'shiftId'), event: 'open', operator };
      break;
    case 'shift_close': {
      // staff-detail.ts ShiftCloseDetail: byMethod.cash is the blind count's reconciliation.
      const cash = detailObject(detailObject(detail, 'byMethod') ?? {}, 'cash');
      rows.cash.shiftsClosed = 1;
      rows.cash.countedMinor = cash ? detailInt(cash, 'countedMinor') : 0;
      rows.shift = { shiftId: detailString(detail, 'shiftId'), event: 'close', operator };
      break;
    }
    case 'z_close':
      break;
  }
  return rows;
}
