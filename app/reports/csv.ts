import { toDecimalString } from '../money/format';
import type { ReportFigures } from './report-schema';

/**
 * A report's figures as CSV: one row per figure, `section,item,count,amount`, amounts as
 * exact decimals of the integer minor units (never a float). The same function exports the
 * dashboard and a Z, so a day exported from either carries the same numbers. Starts with a
 * UTF-8 byte order mark: spreadsheet programs then read Chinese product names correctly.
 */
export function figuresCsv(figures: ReportFigures, heading: Record<string, string>): string {
  const money = (minor: number) => toDecimalString(minor, figures.currency);
  const rows: (string | number)[][] = [['section', 'item', 'count', 'amount']];
  for (const [key, value] of Object.entries(heading)) rows.push(['report', key, '', value]);
  rows.push(['report', 'currency', '', figures.currency]);
  const summary: [string, number, number][] = [
    ['gross', figures.salesCount, figures.grossMinor],
    ['discounts', figures.salesCount, figures.discountMinor],
    ['rounding', figures.salesCount, figures.roundingMinor],
    ['sales', figures.salesCount, figures.salesMinor],
    ['refunds', figures.refundCount, figures.refundMinor],
    ['voids', figures.voidCount, figures.voidMinor],
    ['reversals', figures.reversalCount, figures.reversalMinor],
    ['net', figures.salesCount, figures.netMinor],
    ['tax', figures.taxes.length, figures.taxMinor],
    ['net_ex_tax', figures.salesCount, figures.netExTaxMinor],
    ['items', figures.itemCount, 0],
    ['fees', figures.tenders.length, figures.feeMinor],
    ['non_cash', figures.tenders.length, figures.nonCashMinor],
    ['settlement', figures.tenders.length, figures.settlementMinor],
  ];
  for (const [item, count, amount] of summary) rows.push(['summary', item, count, money(amount)]);
  for (const t of figures.taxes) {
    rows.push(['tax', `${t.taxClass} ${String(t.rateBp / 100)}%`, '', money(t.taxMinor)]);
    rows.push(['tax_base', `${t.taxClass} ${String(t.rateBp / 100)}%`, '', money(t.baseMinor)]);
  }
  for (const t of figures.tenders) {
    rows.push(['tender', t.kind, t.count, money(t.amountMinor)]);
    rows.push(['fee', t.kind, t.count, money(t.feeMinor)]);
  }
  for (const c of figures.byCashier) {
    rows.push([
      'cashier_sales',
      `${c.operatorId} ${c.name}`.trim(),
      c.salesCount,
      money(c.salesMinor),
    ]);
    rows.push([
      'cashier_refunds',
      `${c.operatorId} ${c.name}`.trim(),
      c.refundCount,
      money(c.refundMinor),
    ]);
    rows.push([
      'cashier_voids',
      `${c.operatorId} ${c.name}`.trim(),
      c.voidCount,
      money(c.voidMinor),
    ]);
  }
  for (const h of figures.byHour) {
    rows.push(['hour', `${String(h.hour).padStart(2, '0')}:00`, h.salesCount, money(h.netMinor)]);
  }
  for (const p of figures.topProducts) {
    rows.push(['product', `${p.nameEn} / ${p.nameZh}`, p.quantity, money(p.netMinor)]);
  }
  for (const c of figures.corrections) {
    rows.push([c.type, `${c.at} ${c.operatorName} ${c.reason}`.trim(), 1, money(c.amountMinor)]);
  }
  const cash = figures.cash;
  const cashRows: [string, number, number | null][] = [
    ['float', cash.shiftsOpened, cash.floatMinor],
    ['cash_sales', 0, cash.cashSalesMinor],
    ['cash_returns', 0, cash.cashReturnsMinor],
    ['pay_ins', cash.payInCount, cash.payInMinor],
    ['pay_outs', cash.payOutCount, cash.payOutMinor],
    ['drops', cash.dropCount, cash.dropMinor],
    ['no_sale', cash.noSaleCount, 0],
    ['expected', 0, cash.expectedMinor],
    ['counted', cash.shiftsClosed, cash.countedMinor],
    ['difference', 0, cash.differenceMinor],
  ];
  for (const [item, count, amount] of cashRows) {
    rows.push(['cash', item, count, amount === null ? '' : money(amount)]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. A
 * leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+@]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Reads back the `summary` rows of a CSV from figuresCsv: item → amount text. */
export function summaryOfCsv(csv: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r\n/)) {
    const [section, item, , amount] = line.split(',');
    if (section === 'summary' && item !== undefined && amount !== undefined) out[item] = amount;
  }
  return out;
}
