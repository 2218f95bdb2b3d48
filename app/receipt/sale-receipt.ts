import { receiptWriter } from './receipt-writer';
import type { SaleRecord } from '../sale/sale';
import type { MonoImage } from './logo';
import type { ReceiptDocument, PaperWidth } from './receipt-document';
import type { Locale } from '../i18n/messages';
import { translate } from '../i18n/messages';
import type { MessageKey } from '../i18n/en';
import { toDecimalString } from '../money/format';
import { formatLocalDateTime } from '../time/local-time';
import { formatKg } from '../catalog/weight';
import { cardTenderBlocks, isCardTender, merchantCopyBlocks } from './card-slip';
import { receiptNumber } from './receipt-number';
import { rateText, taxClassName } from '../tax/tax-class';
import type { NamedTaxClass } from '../tax/tax-class';

export interface ReceiptContext {
  shopName: string;
  header: string;
  footer: string;
  paperWidth: PaperWidth;
  locale: Locale;
  timeZone: string;
  /** The shop logo, printed above the shop name. */
  logo: MonoImage | null;
  /** Reprints carry a DUPLICATE mark so a copy cannot pass for the original. */
  duplicate: boolean;
  /** The shop's tax classes: a tax line prints its class's name. */
  taxClasses: readonly NamedTaxClass[];
}

/** The customer receipt of a committed sale, built only from what the ledger recorded. */
export function buildSaleReceipt(sale: SaleRecord, ctx: ReceiptContext): ReceiptDocument {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(ctx.locale, key, params);
  const amount = (minor: number) => toDecimalString(minor, sale.currency);
  const { blocks, text, columns } = receiptWriter();

  if (ctx.duplicate) text(t('receipt.duplicate'), { align: 'center', bold: true });
  if (ctx.logo) blocks.push({ kind: 'image', image: ctx.logo });
  text(ctx.shopName, { align: 'center', bold: true, size: 2 });
  for (const line of ctx.header.split('\n').filter(Boolean)) text(line, { align: 'center' });
  blocks.push({ kind: 'rule' });
  columns(t('receipt.no'), receiptNumber(sale.seq));
  columns(t('receipt.date'), formatLocalDateTime(sale.at, ctx.timeZone));
  columns(t('receipt.terminal'), sale.terminalId);
  columns(t('receipt.batch'), sale.batchNo);
  blocks.push({ kind: 'rule' });

  for (const line of sale.lines) {
    text(ctx.locale === 'zh-CN' ? line.nameZh : line.nameEn);
    columns(`  ${quantityText(line, amount)}`, amount(line.grossMinor));
    const discount = line.lineDiscountMinor + line.orderDiscountMinor;
    if (discount > 0) columns(`  ${t('receipt.discount')}`, amount(-discount));
  }
  blocks.push({ kind: 'rule' });

  columns(t('receipt.items'), String(sale.totals.itemCount));
  columns(t('receipt.subtotal'), amount(sale.totals.subtotalMinor));
  if (sale.totals.discountMinor > 0)
    columns(t('receipt.discount'), amount(-sale.totals.discountMinor));
  const taxKey = sale.lines.length > 0 && isInclusive(sale) ? 'receipt.taxIncluded' : 'receipt.tax';
  for (const tax of sale.totals.taxes)
    columns(
      t(taxKey, { name: taxClassName(ctx.taxClasses, tax.taxClass), rate: rateText(tax.rateBp) }),
      amount(tax.taxMinor),
    );
  if (sale.roundingMinor !== 0) columns(t('receipt.rounding'), amount(sale.roundingMinor));
  columns(t('receipt.total'), `${currencySign(sale.currency)}${amount(sale.paidMinor)}`, true);
  for (const tender of sale.tenders) {
    if (tender.method === 'cash') {
      columns(t('receipt.cash'), amount(tender.tenderedMinor));
      columns(t('receipt.change'), amount(tender.changeMinor));
    } else if (isCardTender(tender)) {
      // Issue #6: the payment's lines on the customer copy; the merchant copy follows.
      const label = tender.method === 'qr' ? 'receipt.qrPayment' : 'receipt.cardPayment';
      columns(t(label), amount(tender.amountMinor));
      blocks.push(...cardTenderBlocks(sale, tender, t, amount, ctx.timeZone));
    } else {
      columns(
        t('receipt.otherPayment', { reference: tender.reference ?? '' }),
        amount(tender.amountMinor),
      );
    }
  }
  if (sale.member) {
    // Issue #7: the member's phone is masked on paper (138****1234).
    blocks.push({ kind: 'rule' });
    columns(t('receipt.member'), `${sale.member.name} ${sale.member.phoneMasked}`);
    if (sale.member.pointsRedeemed > 0)
      columns(t('receipt.pointsRedeemed'), String(-sale.member.pointsRedeemed));
    columns(t('receipt.pointsEarned'), `+${sale.member.pointsEarned}`);
    columns(t('receipt.pointsBalance'), String(sale.member.balanceAfter));
  }
  const hasCardSlip = sale.tenders.some(isCardTender);
  if (hasCardSlip) text(t('receipt.customerCopy'), { align: 'center', bold: true });
  blocks.push({ kind: 'rule' });
  for (const line of (ctx.footer || t('receipt.thanks')).split('\n').filter(Boolean)) {
    text(line, { align: 'center' });
  }
  // The sale id lets a later refund or lookup find this sale by scanning the receipt.
  blocks.push({ kind: 'qr', data: sale.id });
  text(sale.id, { align: 'center' });
  blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut' });
  if (hasCardSlip) blocks.push(...merchantCopyBlocks(sale, ctx.shopName, t, amount, ctx.timeZone));
  return { paperWidth: ctx.paperWidth, blocks };
}

/** Tax-inclusive sales have totals equal to the sum of line nets (tax sits inside them). */
function isInclusive(sale: SaleRecord): boolean {
  const netSum = sale.lines.reduce((sum, l) => sum + l.netMinor, 0);
  return netSum === sale.totals.totalMinor;
}

/** Full-width ￥ prints on GB18030 printers (HARDWARE.md); other currencies use their code. */
function currencySign(currency: SaleRecord['currency']): string {
  return currency === 'CNY' ? '￥' : `${currency} `;
}

/**
 * "2 x 3.50", or for a weighed line "0.532 kg x 39.80/kg" (grams as kilograms, exactly:
 * digits, not a float division).
 */
export function quantityText(
  line: SaleRecord['lines'][number],
  amount: (minor: number) => string,
): string {
  const measure = line.measure;
  if (measure?.kind === 'weight') {
    const packs = line.quantity > 1 ? `${String(line.quantity)} x ` : '';
    return `${packs}${formatKg(measure.grams)} kg x ${amount(line.unitPriceMinor)}/kg`;
  }
  return `${String(line.quantity)} x ${amount(line.unitPriceMinor)}`;
}
