import type { FeeKind } from '@app/fees/fee-schedule';
import type { Figures, TenderFigures } from './dashboard-api';

/** One terminal's sums by entry type and by fee kind, as read from the dashboard's tables. */
export interface TypeRow {
  type: string;
  count: number;
  amount: number;
}
export interface TenderRow {
  kind: FeeKind;
  count: number;
  amount: number;
  fee: number;
}

export const emptyFigures = (): Figures => ({
  salesCount: 0,
  salesMinor: 0,
  refundCount: 0,
  refundMinor: 0,
  voidCount: 0,
  voidMinor: 0,
  reversalCount: 0,
  reversalMinor: 0,
  netMinor: 0,
  feeMinor: 0,
  nonCashMinor: 0,
  settlementMinor: 0,
});

/** −n without a negative zero. */
const neg = (n: number): number => (n === 0 ? 0 : -n);

/** Adds type sums into figures (signed as the Z: refunds, voids and reversals positive). */
export function addTypes(into: Figures, row: TypeRow): void {
  switch (row.type) {
    case 'sale':
      into.salesCount += row.count;
      into.salesMinor += row.amount;
      break;
    case 'refund':
      into.refundCount += row.count;
      into.refundMinor += neg(row.amount);
      break;
    case 'void':
      into.voidCount += row.count;
      into.voidMinor += neg(row.amount);
      break;
    case 'reversal':
      into.reversalCount += row.count;
      into.reversalMinor += neg(row.amount);
      break;
    default:
      return;
  }
  into.netMinor += row.amount;
}

export function addTender(into: Figures, row: TenderRow): void {
  into.feeMinor += row.fee;
  if (row.kind !== 'cash') into.nonCashMinor += row.amount;
  into.settlementMinor = into.nonCashMinor - into.feeMinor;
}

const figureKeys = Object.keys(emptyFigures()) as (keyof Figures)[];

/** Adds the figures only (`into` may carry a shop or till id beside them). */
export function addFigures(into: Figures, from: Figures): void {
  for (const key of figureKeys) into[key] += from[key];
}

/** Tender sums merged by kind, in the fee schedule's order. */
export function mergeTenders(
  rows: readonly TenderRow[],
  order: readonly FeeKind[],
): TenderFigures[] {
  const byKind = new Map<FeeKind, TenderFigures>();
  for (const row of rows) {
    const into = byKind.get(row.kind) ?? { kind: row.kind, count: 0, amountMinor: 0, feeMinor: 0 };
    into.count += row.count;
    into.amountMinor += row.amount;
    into.feeMinor += row.fee;
    byKind.set(row.kind, into);
  }
  return order.flatMap((kind) => {
    const found = byKind.get(kind);
    return found ? [found] : [];
  });
}
