import type { SaleRecord, SaleTender } from '../sale/sale';
import type { ReceiptBlock } from './receipt-document';
import type { MessageKey } from '../i18n/en';
import { formatLocalDateTime } from '../time/local-time';
import { receiptNumber } from './receipt-number';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A tender paid through a card host or terminal: it prints a payment slip. */
export const isCardTender = (tender: SaleTender): boolean =>
  (tender.method === 'card' || tender.method === 'qr') && tender.entryMode !== undefined;

const ENTRY_MODE_KEY: Record<NonNullable<SaleTender['entryMode']>, MessageKey> = {
  swipe: 'receipt.entry.swipe',
  qr: 'receipt.entry.qr',
  chip: 'receipt.entry.chip',
};

/**
 * Issue #6: what the receipt prints for one card, QR or chip payment: merchant name and ID,
 * terminal ID, masked card, entry mode, batch, trace, auth code, RRN, date/time, amount.
 * Only what the ledger recorded, so a reprint shows the same.
 */
export function cardTenderBlocks(
  sale: SaleRecord,
  tender: SaleTender,
  t: Translate,
  amount: (minor: number) => string,
  timeZone: string,
): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  const columns = (left: string, right: string | undefined) => {
    if (right !== undefined && right !== '') blocks.push({ kind: 'columns', left, right });
  };
  columns(t('receipt.merchantName'), tender.merchantName);
  columns(t('receipt.merchantId'), tender.merchantId);
  columns(t('receipt.acquirerTerminal'), tender.acquirerTerminalId);
  columns(
    t('receipt.card'),
    [tender.cardMasked, tender.cardBrand].filter((part) => part !== undefined).join(' '),
  );
  if (tender.entryMode) columns(t('receipt.entryMode'), t(ENTRY_MODE_KEY[tender.entryMode]));
  // Issue #6 "Offline": approved by the till, forwarded to the host later.
  if (tender.offline === true)
    blocks.push({ kind: 'text', text: t('receipt.offline'), bold: true });
  columns(t('receipt.batch'), tender.batchNo);
  columns(t('receipt.trace'), tender.traceNo);
  columns(t('receipt.authCode'), tender.authCode);
  columns(t('receipt.rrn'), tender.rrn);
  columns(t('receipt.date'), formatLocalDateTime(tender.authorizedAt ?? sale.at, timeZone));
  blocks.push({
    kind: 'columns',
    left: t('receipt.amount'),
    right: amount(tender.amountMinor),
    bold: true,
  });
  return blocks;
}

/**
 * The merchant copy of the sale's card payments, after the customer's receipt: the same
 * payment lines, and a signature line where the card was swiped (the host asks for one).
 */
export function merchantCopyBlocks(
  sale: SaleRecord,
  shopName: string,
  t: Translate,
  amount: (minor: number) => string,
  timeZone: string,
): ReceiptBlock[] {
  const cards = sale.tenders.filter(isCardTender);
  if (cards.length === 0) return [];
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: t('receipt.merchantCopy'), align: 'center', bold: true },
    { kind: 'text', text: shopName, align: 'center' },
    { kind: 'columns', left: t('receipt.no'), right: receiptNumber(sale.seq) },
  ];
  for (const tender of cards) {
    blocks.push({ kind: 'rule' }, ...cardTenderBlocks(sale, tender, t, amount, timeZone));
    if (tender.signatureRequired) {
      blocks.push(
        { kind: 'feed', lines: 1 },
        { kind: 'text', text: t('receipt.signatureAgree') },
        { kind: 'feed', lines: 2 },
        { kind: 'text', text: `${t('receipt.signature')}: ________________` },
      );
    }
  }
  blocks.push({ kind: 'feed', lines: 3 }, { kind: 'cut' });
  return blocks;
}
