import { describe, expect, it } from 'vitest';
import type { SaleRecord } from '../sale/sale';
import type { ReceiptBlock } from './receipt-document';
import { buildSaleReceipt } from './sale-receipt';
import { defaultTaxClasses } from '../tax/tax-class';

const swipe = {
  method: 'card' as const,
  amountMinor: 900,
  tenderedMinor: 900,
  changeMinor: 0,
  entryMode: 'swipe' as const,
  authId: '0b7d6a34-7f0e-4f0b-9a57-1c1f6c1c2a11',
  batchNo: '000003',
  traceNo: '000042',
  authCode: 'A1B2C3',
  rrn: '123456789012',
  cardMasked: '411111******1111',
  cardBrand: 'Visa',
  cardType: 'credit' as const,
  merchantName: 'Test Merchant',
  merchantId: '104110045110001',
  acquirerTerminalId: 'CTSHOP01',
  authorizedAt: '2026-11-23T02:03:04.000Z',
  signatureRequired: true,
  feeKind: 'credit' as const,
  feeMinor: 5,
};
const chip = {
  method: 'card' as const,
  amountMinor: 500,
  tenderedMinor: 500,
  changeMinor: 0,
  entryMode: 'chip' as const,
  terminalReceiptNo: 7,
  traceNo: '000007',
  authCode: '889150',
  cardMasked: '476173******0010',
  acquirerTerminalId: '52001233',
  signatureRequired: false,
};

const sale: SaleRecord = {
  id: '5f0c4c1e-8d7e-4a55-9d53-2c8e0f1b7a10',
  seq: 12,
  at: '2026-11-23T02:03:05.000Z',
  batchNo: '000003',
  terminalId: 'CTSHOP01',
  currency: 'CNY',
  lines: [],
  orderDiscount: null,
  totals: {
    subtotalMinor: 1500,
    discountMinor: 0,
    taxes: [],
    taxMinor: 0,
    totalMinor: 1500,
    itemCount: 0,
  },
  roundingMinor: 0,
  paidMinor: 1500,
  tenders: [{ method: 'cash', amountMinor: 100, tenderedMinor: 100, changeMinor: 0 }, swipe, chip],
  hash: 'ab'.repeat(32),
};

const ctx = {
  shopName: 'Shop',
  header: '',
  footer: '',
  paperWidth: 80 as const,
  locale: 'en' as const,
  timeZone: 'Asia/Shanghai',
  logo: null,
  duplicate: false,
  taxClasses: defaultTaxClasses('zh-CN'),
};

const lines = (blocks: ReceiptBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.kind === 'text' ? [b.text] : b.kind === 'columns' ? [`${b.left} ${b.right}`] : [],
  );

/** The receipt's copies, split at each cut. */
function copies(): string[][] {
  const out: ReceiptBlock[][] = [[]];
  for (const block of buildSaleReceipt(sale, ctx).blocks) {
    if (block.kind === 'cut') out.push([]);
    else out.at(-1)?.push(block);
  }
  return out.filter((blocks) => blocks.length > 0).map(lines);
}

describe('card payment slips on the sale receipt (issue #6)', () => {
  it('the customer copy prints every card field of each card tender', () => {
    const [customer] = copies();
    expect(customer).toContain('CUSTOMER COPY');
    for (const expected of [
      'Merchant Test Merchant',
      'Merchant ID 104110045110001',
      'Terminal ID CTSHOP01',
      'Card 411111******1111 Visa',
      'Entry mode Swipe',
      'Trace No. 000042',
      'Auth code A1B2C3',
      'Ref. No. (RRN) 123456789012',
      'Date 2026-11-23 10:03:04',
      'Amount 9.00',
      'Terminal ID 52001233',
      'Entry mode Chip / contactless',
      'Amount 5.00',
    ]) {
      expect(customer).toContain(expected);
    }
    expect(customer?.some((line) => line.startsWith('Cardholder signature'))).toBe(false);
  });

  it('a merchant copy follows, with a signature line for the swipe only', () => {
    const all = copies();
    expect(all).toHaveLength(2);
    const merchant = all[1] ?? [];
    expect(merchant[0]).toBe('MERCHANT COPY');
    expect(merchant.filter((line) => line.startsWith('Cardholder signature'))).toHaveLength(1);
    expect(merchant).toContain('Card 411111******1111 Visa');
    expect(merchant).toContain('Card 476173******0010');
  });

  it('a cash sale prints no slip and no merchant copy', () => {
    const cash = { ...sale, tenders: [sale.tenders[0]].filter((t) => t !== undefined) };
    const blocks = buildSaleReceipt(cash, ctx).blocks;
    expect(blocks.filter((b) => b.kind === 'cut')).toHaveLength(1);
    expect(lines(blocks)).not.toContain('CUSTOMER COPY');
  });
});
