import type { LedgerEntry, TenderMethod } from '../ledger/entry';
import type { TenderReconciliation } from '../ledger/staff-detail';

type ShiftEntry = Pick<LedgerEntry, 'type' | 'tenders' | 'detail'>;

/**
 * What the drawer and the other tenders should hold at the end of a shift, from the shift's
 * own entries (upstream-sync-v1 sign rules, app/ledger/staff-detail.ts):
 * cash = float + cash tenders of sales, refunds, voids, pay-ins and pay-outs − cash drops.
 * A sale's cash tender is already net of change (tendered − change), so change given is
 * out. Other methods: the sum of their tenders.
 */
export function expectedByMethod(
  floatMinor: number,
  entries: readonly ShiftEntry[],
): Record<TenderMethod, number> {
  const expected: Record<TenderMethod, number> = { cash: floatMinor, card: 0, qr: 0, other: 0 };
  for (const entry of entries) {
    for (const tender of entry.tenders) expected[tender.method] += tender.amount;
    if (entry.type === 'no_sale' && entry.detail.kind === 'cash_drop') {
      const drop = entry.detail.dropMinor;
      if (typeof drop === 'number') expected.cash -= drop;
    }
  }
  return expected;
}

/** Expected vs counted per method; over is positive, short negative. */
export function reconcile(
  expected: Record<TenderMethod, number>,
  counted: Partial<Record<TenderMethod, number>>,
): Record<string, TenderReconciliation> {
  const out: Record<string, TenderReconciliation> = {};
  for (const method of Object.keys(expected) as TenderMethod[]) {
    const expectedMinor = expected[method];
    const countedMinor = counted[method];
    // Electronic tenders nobody counted and nobody took are left out, not shown as 0 = 0.
    if (countedMinor === undefined && expectedMinor === 0 && method !== 'cash') continue;
    const c = countedMinor ?? expectedMinor;
    out[method] = { expectedMinor, countedMinor: c, differenceMinor: c - expectedMinor };
  }
  return out;
}

/** Whether any tender is over or short by more than the tolerance. */
export const beyondTolerance = (
  byMethod: Record<string, TenderReconciliation>,
  toleranceMinor: number,
): boolean => Object.values(byMethod).some((r) => Math.abs(r.differenceMinor) > toleranceMinor);

/** A cashier's view of their own shift so far: takings, never the expected drawer cash. */
export interface ShiftTotals {
  saleCount: number;
  salesMinor: number;
  payInsMinor: number;
  payOutsMinor: number;
  dropsMinor: number;
  noSaleCount: number;
}

export function shiftTotals(entries: readonly ShiftEntry[]): ShiftTotals {
  const totals: ShiftTotals = {
    saleCount: 0,
    salesMinor: 0,
    payInsMinor: 0,
    payOutsMinor: 0,
    dropsMinor: 0,
    noSaleCount: 0,
  };
  for (const entry of entries) {
    const amount = entry.tenders.reduce((sum, t) => sum + t.amount, 0);
    if (entry.type === 'sale') {
      totals.saleCount += 1;
      totals.salesMinor += amount;
    } else if (entry.type === 'refund' || entry.type === 'void') {
      totals.salesMinor += amount;
    } else if (entry.type === 'pay_in') totals.payInsMinor += amount;
    else if (entry.type === 'pay_out') totals.payOutsMinor -= amount;
    else if (entry.type === 'no_sale') {
      if (entry.detail.kind === 'cash_drop' && typeof entry.detail.dropMinor === 'number') {
        totals.dropsMinor += entry.detail.dropMinor;
      } else totals.noSaleCount += 1;
    }
  }
  return totals;
}
