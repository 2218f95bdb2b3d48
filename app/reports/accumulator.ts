import type { CurrencyCode } from '../money/currency';
import { feeKinds } from '../fees/fee-schedule';
import type { FeeKind } from '../fees/fee-schedule';
import { hoursInDayOrder } from './business-day';
import type { ProductLine, TaxLine } from './entry-detail';
import type {
  CashierFigure,
  Correction,
  ProductFigure,
  ReportFigures,
  TaxFigure,
  TenderFigure,
} from './report-schema';
import { emptyCashRow, isTakings } from './summary-rows';
import type { CashRow, CashierRow, EntryRows, TenderRow, TotalsRow } from './summary-rows';

export const TOP_PRODUCTS = 10;

/** −n without a negative zero (−0 would not equal 0 in figures compared by value). */
const neg = (n: number): number => (n === 0 ? 0 : -n);

/**
 * Sums rows into report figures. Every figure is a sum of integers: nothing is divided, so
 * nothing is rounded here. The only rounding in a report is each payment's merchant fee
 * (fees/fee-schedule.ts, per payment, half away from zero) and the cart's own (tax, cash).
 */
export class ReportAccumulator {
  private readonly totals = new Map<string, TotalsRow>();
  private readonly taxes = new Map<string, TaxFigure>();
  private readonly tenders = new Map<FeeKind, TenderFigure>();
  private readonly cashiers = new Map<string, CashierFigure>();
  private readonly products = new Map<string, ProductFigure>();
  private readonly cash: CashRow = emptyCashRow();
  private readonly corrections: Correction[] = [];

  addEntry(rows: EntryRows): void {
    this.addTotals(rows.totals);
    for (const tax of rows.taxes) this.addTax(tax);
    for (const tender of rows.tenders) this.addTender(tender);
    if (rows.cashier) this.addCashier(rows.cashier);
    for (const product of rows.products) this.addProduct(product);
    this.addCash(rows.cash);
    if (rows.correction) this.addCorrection(rows.correction);
  }

  addTotals(row: TotalsRow): void {
    const key = `${row.type}|${String(row.hour)}`;
    const into = this.totals.get(key);
    if (!into) {
      this.totals.set(key, { ...row });
      return;
    }
    into.count += row.count;
    into.amountMinor += row.amountMinor;
    into.grossMinor += row.grossMinor;
    into.discountMinor += row.discountMinor;
    into.itemCount += row.itemCount;
    into.roundingMinor += row.roundingMinor;
  }

  addTax(row: TaxLine): void {
    const key = `${row.taxClass}|${String(row.rateBp)}`;
    const into = this.taxes.get(key);
    if (!into) this.taxes.set(key, { ...row });
    else {
      into.baseMinor += row.baseMinor;
      into.taxMinor += row.taxMinor;
    }
  }

  addTender(row: TenderRow): void {
    const into = this.tenders.get(row.kind);
    if (!into) this.tenders.set(row.kind, { ...row });
    else {
      into.count += row.count;
      into.amountMinor += row.amountMinor;
      into.feeMinor += row.feeMinor;
    }
  }

  addCashier(row: CashierRow): void {
    let into = this.cashiers.get(row.operatorId);
    if (!into) {
      into = {
        operatorId: row.operatorId,
        name: row.name,
        salesCount: 0,
        salesMinor: 0,
        refundCount: 0,
        refundMinor: 0,
        voidCount: 0,
        voidMinor: 0,
      };
      this.cashiers.set(row.operatorId, into);
    }
    if (row.name !== '') into.name = row.name;
    if (row.type === 'sale') {
      into.salesCount += row.count;
      into.salesMinor += row.amountMinor;
    } else if (row.type === 'refund') {
      into.refundCount += row.count;
      into.refundMinor -= row.amountMinor;
    } else {
      // Reversals undo a payment the till could not confirm: they count with voids.
      into.voidCount += row.count;
      into.voidMinor -= row.amountMinor;
    }
  }

  addProduct(row: ProductLine): void {
    const into = this.products.get(row.productId);
    if (!into) this.products.set(row.productId, { ...row });
    else {
      into.quantity += row.quantity;
      into.netMinor += row.netMinor;
      if (row.nameEn !== '') into.nameEn = row.nameEn;
      if (row.nameZh !== '') into.nameZh = row.nameZh;
    }
  }

  addCash(row: CashRow): void {
    for (const key of Object.keys(row) as (keyof CashRow)[]) this.cash[key] += row[key];
  }

  addCorrection(row: Correction): void {
    this.corrections.push(row);
  }

  figures(currency: CurrencyCode, cutoffHour: number): ReportFigures {
    const byType = (type: TotalsRow['type']) => {
      let count = 0;
      let amount = 0;
      for (const row of this.totals.values()) {
        if (row.type !== type) continue;
        count += row.count;
        amount += row.amountMinor;
      }
      return { count, amount };
    };
    const sum = (pick: (row: TotalsRow) => number, type: TotalsRow['type'] = 'sale') =>
      [...this.totals.values()].filter((r) => r.type === type).reduce((s, r) => s + pick(r), 0);
    const sales = byType('sale');
    const refunds = byType('refund');
    const voids = byType('void');
    const reversals = byType('reversal');
    const net = sales.amount + refunds.amount + voids.amount + reversals.amount;

    const taxes = [...this.taxes.values()]
      .filter((t) => t.baseMinor !== 0 || t.taxMinor !== 0)
      .sort((a, b) => b.rateBp - a.rateBp || a.taxClass.localeCompare(b.taxClass));
    const taxMinor = taxes.reduce((s, t) => s + t.taxMinor, 0);
    const tenders = feeKinds.flatMap((kind) => {
      const found = this.tenders.get(kind);
      return found ? [found] : [];
    });
    const feeMinor = tenders.reduce((s, t) => s + t.feeMinor, 0);
    const nonCashMinor = tenders
      .filter((t) => t.kind !== 'cash')
      .reduce((s, t) => s + t.amountMinor, 0);

    const byHour = hoursInDayOrder(cutoffHour).map((hour) => {
      let salesCount = 0;
      let netMinor = 0;
      for (const row of this.totals.values()) {
        if (row.hour !== hour || !isTakings(row.type)) continue;
        if (row.type === 'sale') salesCount += row.count;
        netMinor += row.amountMinor;
      }
      return { hour, salesCount, netMinor };
    });

    const cash = this.cash;
    const expectedMinor =
      cash.floatMinor +
      cash.cashSalesMinor -
      cash.cashReturnsMinor +
      cash.payInMinor -
      cash.payOutMinor -
      cash.dropMinor;
    const allClosed = cash.shiftsClosed > 0 && cash.shiftsClosed === cash.shiftsOpened;

    return {
      currency,
      salesCount: sales.count,
      itemCount: sum((r) => r.itemCount),
      grossMinor: sum((r) => r.grossMinor),
      discountMinor: sum((r) => r.discountMinor),
      roundingMinor: sum((r) => r.roundingMinor),
      salesMinor: sales.amount,
      refundCount: refunds.count,
      refundMinor: neg(refunds.amount),
      voidCount: voids.count,
      voidMinor: neg(voids.amount),
      reversalCount: reversals.count,
      reversalMinor: neg(reversals.amount),
      netMinor: net,
      taxes,
      taxMinor,
      netExTaxMinor: net - taxMinor,
      tenders,
      feeMinor,
      nonCashMinor,
      settlementMinor: nonCashMinor - feeMinor,
      byHour,
      byCashier: [...this.cashiers.values()].sort(
        (a, b) => b.salesMinor - a.salesMinor || a.operatorId.localeCompare(b.operatorId),
      ),
      topProducts: [...this.products.values()]
        .filter((p) => p.quantity !== 0 || p.netMinor !== 0)
        .sort(
          (a, b) =>
            b.netMinor - a.netMinor ||
            b.quantity - a.quantity ||
            a.productId.localeCompare(b.productId),
        )
        .slice(0, TOP_PRODUCTS),
      corrections: [...this.corrections].sort((a, b) => a.seq - b.seq),
      cash: {
        floatMinor: cash.floatMinor,
        cashSalesMinor: cash.cashSalesMinor,
        cashReturnsMinor: cash.cashReturnsMinor,
        payInCount: cash.payInCount,
        payInMinor: cash.payInMinor,
        payOutCount: cash.payOutCount,
        payOutMinor: cash.payOutMinor,
        dropCount: cash.dropCount,
        dropMinor: cash.dropMinor,
        noSaleCount: cash.noSaleCount,
        expectedMinor,
        shiftsOpened: cash.shiftsOpened,
        shiftsClosed: cash.shiftsClosed,
        countedMinor: cash.shiftsClosed > 0 ? cash.countedMinor : null,
        differenceMinor: allClosed ? cash.countedMinor - expectedMinor : null,
      },
    };
  }
}

/** The figures of a list of entries (an X or Z over a batch). */
export function figuresOfRows(
  rows: Iterable<EntryRows>,
  currency: CurrencyCode,
  cutoffHour: number,
): ReportFigures {
  const acc = new ReportAccumulator();
  for (const row of rows) acc.addEntry(row);
  return acc.figures(currency, cutoffHour);
}
