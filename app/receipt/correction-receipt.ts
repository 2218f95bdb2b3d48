import { receiptWriter } from './receipt-writer';
import type { ReceiptDocument } from './receipt-document';
import type { JsonValue, LedgerEntry } from '../ledger/entry';
import type { SaleRecord, SaleTender } from '../sale/sale';
import { translate } from '../i18n/messages';
import type { MessageKey } from '../i18n/en';
import { toDecimalString } from '../money/format';
import { formatLocalDateTime } from '../time/local-time';
import { operatorOf } from '../reports/entry-detail';
import { cardTenderBlocks } from './card-slip';
import type { ReceiptContext } from './sale-receipt';
import { receiptNumber } from './receipt-number';

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: JsonValue | undefined): JsonObject[] =>
  Array.isArray(v) ? v.filter(isObject) : [];
const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;
const int = (v: JsonValue | undefined): number =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : 0;

/**
 * The customer's slip of a void (撤销) or refund (退货), built from its ledger entry: what
 * went back, to which tender (card refunds with their host or terminal references), the
 * original receipt number and the reason. Signed by the customer for cash.
 */
export function buildCorrectionReceipt(
  entry: LedgerEntry,
  sale: SaleRecord,
  ctx: Omit<ReceiptContext, 'duplicate' | 'logo' | 'taxClasses'>,
): ReceiptDocument {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(ctx.locale, key, params);
  const amount = (minor: number) => toDecimalString(minor, sale.currency);
  const { blocks, text, columns, rule } = receiptWriter();
  const { detail } = entry;

  text(ctx.shopName, { align: 'center', bold: true, size: 2 });
  text(t(entry.type === 'void' ? 'correction.receipt.void' : 'correction.receipt.refund'), {
    align: 'center',
    bold: true,
  });
  rule();
  columns(t('receipt.no'), receiptNumber(entry.seq));
  columns(t('correction.receipt.original'), receiptNumber(sale.seq));
  columns(t('receipt.date'), formatLocalDateTime(entry.at, ctx.timeZone));
  columns(t('receipt.terminal'), sale.terminalId);
  columns(t('receipt.batch'), entry.batchNo);
  rule();
  for (const line of objects(detail.lines)) {
    text(ctx.locale === 'zh-CN' ? (str(line.nameZh) ?? '') : (str(line.nameEn) ?? ''));
    columns(`  × ${String(int(line.quantity))}`, amount(-int(line.amountMinor)));
  }
  rule();
  columns(t('correction.receipt.total'), amount(entry.amount), true);
  objects(detail.tenders).forEach((leg) => {
    const method = str(leg.method);
    const back = int(leg.amountMinor);
    if (method === 'cash') {
      columns(t('correction.receipt.cash'), amount(-back));
      return;
    }
    if (method === 'other') {
      columns(t('receipt.otherPayment', { reference: str(leg.reference) ?? '' }), amount(-back));
      return;
    }
    const tender: SaleTender = {
      method: method === 'qr' ? 'qr' : 'card',
      amountMinor: -back,
      tenderedMinor: -back,
      changeMinor: 0,
      ...cardFields(leg),
    };
    columns(t(method === 'qr' ? 'receipt.qrPayment' : 'receipt.cardPayment'), amount(-back));
    blocks.push(...cardTenderBlocks(sale, tender, t, amount, ctx.timeZone));
  });
  rule();
  const reason = str(detail.reason);
  if (reason) columns(t('correction.receipt.reason'), reason);
  columns(t('correction.receipt.by'), operatorOf(detail).name);
  if (objects(detail.tenders).some((leg) => str(leg.method) === 'cash')) {
    blocks.push({ kind: 'feed', lines: 1 });
    text(t('correction.receipt.signature'));
    blocks.push({ kind: 'feed', lines: 2 });
  }
  blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut' });
  return { paperWidth: ctx.paperWidth, blocks };
}

function cardFields(leg: JsonObject): Partial<SaleTender> {
  const entryMode = str(leg.entryMode);
  return {
    ...(entryMode === 'swipe' || entryMode === 'qr' || entryMode === 'chip' ? { entryMode } : {}),
    ...pick(leg, ['merchantName', 'merchantId', 'acquirerTerminalId', 'cardMasked', 'cardBrand']),
    ...pick(leg, ['batchNo', 'traceNo', 'authCode', 'rrn', 'authorizedAt']),
  };
}

function pick<K extends Extract<keyof SaleTender, string>>(leg: JsonObject, keys: K[]) {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = str(leg[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
