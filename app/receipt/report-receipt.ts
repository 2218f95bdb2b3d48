import { receiptWriter } from './receipt-writer';
import type { Locale } from '../i18n/messages';
import { translate } from '../i18n/messages';
import type { MessageKey } from '../i18n/en';
import { toDecimalString } from '../money/format';
import type { ShiftReport } from '../reports/report-schema';
import { formatLocalDateTime } from '../time/local-time';
import type { PaperWidth, ReceiptDocument } from './receipt-document';
import { columnsFor } from './receipt-document';
import { rateText, taxClassName } from '../tax/tax-class';
import type { NamedTaxClass } from '../tax/tax-class';

export interface ReportReceiptContext {
  shopName: string;
  paperWidth: PaperWidth;
  locale: Locale;
  /** When this copy prints (UTC); shown in the shop's zone. */
  printedAt: string;
  /** Reprints of a Z carry DUPLICATE so a copy cannot pass for the original. */
  duplicate: boolean;
  /** The shop's tax classes: each tax line prints its class's name. */
  taxClasses: readonly NamedTaxClass[];
}

/**
 * An X or Z report for the receipt printer, 58 or 80 mm. Chinese goes through the same
 * GB18030 path as sale receipts (the ESC/POS encoder); the chain head hash is split over
 * lines so it prints whole on 32 columns.
 */
export function buildReportReceipt(
  report: ShiftReport,
  ctx: ReportReceiptContext,
): ReceiptDocument {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(ctx.locale, key, params);
  const f = report.figures;
  const amount = (minor: number) => toDecimalString(minor, f.currency);
  const local = (iso: string) => formatLocalDateTime(iso, report.timeZone).slice(0, 16);
  const { blocks, text, columns, rule } = receiptWriter();

  if (ctx.duplicate) text(t('receipt.duplicate'), { align: 'center', bold: true });
  text(ctx.shopName, { align: 'center', bold: true });
  text(t(report.kind === 'z' ? 'report.z' : 'report.x'), { align: 'center', bold: true, size: 2 });
  if (report.kind === 'x') text(t('report.notClosing'), { align: 'center' });
  rule();
  if (report.z) columns(t('report.zNo'), String(report.z.zNo).padStart(4, '0'), true);
  columns(t('report.day'), report.businessDay);
  columns(t('report.batch'), report.batchNo);
  if (report.firstAt && report.lastAt) {
    columns(t('report.period'), local(report.firstAt));
    columns('', local(report.lastAt));
  }
  columns(t('report.entries'), String(report.entryCount));
  if (report.z) columns(t('report.closedAt'), local(report.z.closedAt));
  columns(t('report.printedAt'), local(ctx.printedAt));
  rule();
  if (f.salesCount === 0 && f.refundCount === 0 && f.voidCount === 0) {
    text(t('report.empty'), { align: 'center', bold: true });
    rule();
  }
  columns(t('reports.sales'), String(f.salesCount));
  columns(t('reports.items'), String(f.itemCount));
  columns(t('reports.gross'), amount(f.grossMinor));
  columns(t('reports.discounts'), amount(-f.discountMinor));
  if (f.roundingMinor !== 0) columns(t('reports.rounding'), amount(f.roundingMinor));
  columns(t('reports.salesTaken'), amount(f.salesMinor));
  columns(`${t('reports.refunds')} (${String(f.refundCount)})`, amount(-f.refundMinor));
  columns(`${t('reports.voids')} (${String(f.voidCount)})`, amount(-f.voidMinor));
  if (f.reversalCount > 0) {
    columns(`${t('reports.reversals')} (${String(f.reversalCount)})`, amount(-f.reversalMinor));
  }
  columns(t('reports.net'), amount(f.netMinor), true);
  for (const tax of f.taxes) {
    columns(
      t('reports.taxRate', {
        name: taxClassName(ctx.taxClasses, tax.taxClass),
        rate: rateText(tax.rateBp),
      }),
      amount(tax.taxMinor),
    );
    columns(`  ${t('reports.taxBase', { base: amount(tax.baseMinor) })}`, '');
  }
  columns(t('reports.tax'), amount(f.taxMinor));
  columns(t('reports.netExTax'), amount(f.netExTaxMinor));
  rule();
  text(t('reports.tenderMix'), { bold: true });
  for (const tender of f.tenders) {
    columns(
      `${t(`reports.kind.${tender.kind}`)} (${String(tender.count)})`,
      amount(tender.amountMinor),
    );
    if (tender.feeMinor !== 0) columns(`  ${t('reports.fee')}`, amount(-tender.feeMinor));
  }
  columns(t('reports.fees'), amount(-f.feeMinor));
  columns(t('reports.settlement'), amount(f.settlementMinor));
  rule();
  if (f.byCashier.length > 0) {
    text(t('reports.byCashier'), { bold: true });
    for (const c of f.byCashier) {
      const name = c.operatorId === 'unknown' ? t('reports.unknownCashier') : c.name;
      columns(`${name} (${String(c.salesCount)})`, amount(c.salesMinor));
      if (c.refundCount > 0) columns(`  ${t('reports.refunds')}`, amount(-c.refundMinor));
      if (c.voidCount > 0) columns(`  ${t('reports.voids')}`, amount(-c.voidMinor));
    }
    rule();
  }
  const hours = f.byHour.filter((h) => h.salesCount !== 0 || h.netMinor !== 0);
  if (hours.length > 0) {
    text(t('reports.byHour'), { bold: true });
    for (const h of hours) {
      columns(
        `${String(h.hour).padStart(2, '0')}:00 (${String(h.salesCount)})`,
        amount(h.netMinor),
      );
    }
    rule();
  }
  const cash = f.cash;
  text(t('reports.cash'), { bold: true });
  columns(t('reports.float'), amount(cash.floatMinor));
  columns(t('reports.cashSales'), amount(cash.cashSalesMinor));
  columns(t('reports.cashReturns'), amount(-cash.cashReturnsMinor));
  columns(t('reports.payIns', { count: cash.payInCount }), amount(cash.payInMinor));
  columns(t('reports.payOuts', { count: cash.payOutCount }), amount(-cash.payOutMinor));
  columns(t('reports.drops', { count: cash.dropCount }), amount(-cash.dropMinor));
  columns(t('reports.noSales'), String(cash.noSaleCount));
  columns(t('reports.expected'), amount(cash.expectedMinor), true);
  columns(
    t('reports.counted'),
    cash.countedMinor === null ? t('reports.notCounted') : amount(cash.countedMinor),
  );
  if (cash.differenceMinor !== null)
    columns(t('reports.difference'), amount(cash.differenceMinor), true);
  columns(t('reports.shifts'), `${String(cash.shiftsOpened)} / ${String(cash.shiftsClosed)}`);
  if (report.z) {
    rule();
    text(t('report.chainHead'));
    const width = columnsFor(ctx.paperWidth);
    const hash = report.z.chainHeadHash;
    for (let i = 0; i < hash.length; i += width) text(hash.slice(i, i + width));
  }
  blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut' });
  return { paperWidth: ctx.paperWidth, blocks };
}
