import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { PaymentView } from '@app/api/contract';
import { tenderFee } from '@app/fees/fee-schedule';
import { defaultRiskSettings } from '@app/payments/risk-rules';
import { demoCatalog } from '../catalog/demo-catalog';
import { filesWithCardData } from '../testing/card-data-scan';
import { printedText } from '../testing/printed-text';
import { call, signInOwner, tempServices } from '../testing/temp-services';
import {
  eventually,
  hostState as hostStateOf,
  startPaymentServices,
  swipeCard as swipeTestCard,
} from '../testing/payment-services';
import type { Services } from '../services';
import { MERCHANT } from '@backoffice/host/test-support';
import type { TestHost } from '@backoffice/host/test-host';

let host: TestHost;
let services: Services;
let dataDir: string;

const product = demoCatalog().find((p) => p.priceMinor >= 500 && p.unit !== 'kg');
if (!product) throw new Error('demo catalog lacks a product of 5.00 or more');

async function failure(name: Parameters<Services['dispatch']>[0], input: unknown) {
  const result = await services.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

/** A cart of `count` items of the product; returns its total. */
async function fillCart(count = 3): Promise<number> {
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    total = (await call(services, 'cart.scan', { code: product?.barcode ?? '' })).totals.totalMinor;
  }
  return total;
}

const swipeCard = (card: 'visa' | 'visaDeclined' | 'unionpayDebit2', amountMinor: number) =>
  swipeTestCard(services, card, amountMinor);
const hostState = (authId: string) => hostStateOf(host, authId);

const authIdsAtHost = (): string[] => {
  const db = new Database(host.dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT auth_id FROM authorizations').all() as { auth_id: string }[]).map(
      (row) => row.auth_id,
    );
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  ({ host, services, dataDir } = await startPaymentServices());
});

afterEach(async () => {
  await services.idle();
  // PCI DSS 3.3: no card number or track data anywhere in the data folder after a payment.
  expect(filesWithCardData(dataDir)).toEqual([]);
  await services.close();
  await host.close();
});

describe('split tender', () => {
  it('cash then a card swipe: one sale entry with both tenders, the card leg fully described', async () => {
    const total = await fillCart();
    let view = await call(services, 'payment.cash', { tenderedMinor: 300 });
    expect(view).toMatchObject({ totalMinor: total, paidMinor: 300, remainingMinor: total - 300 });
    expect(view.tenders).toEqual([
      { method: 'cash', amountMinor: 300, tenderedMinor: 300, changeMinor: 0 },
    ]);
    expect((await call(services, 'sale.list', { limit: 5 })).length).toBe(0);

    const answer = await swipeCard('visa', total - 300);
    if (!answer.ok) throw new Error(answer.error.code);
    view = answer.value as PaymentView;
    expect(view.saleId).not.toBeNull();
    expect(view.tenders).toEqual([]);
    const sale = await call(services, 'sale.get', { saleId: view.saleId ?? '' });
    expect(sale.paidMinor).toBe(total);
    expect(sale.tenders.map((t) => [t.method, t.amountMinor])).toEqual([
      ['cash', 300],
      ['card', total - 300],
    ]);
    const card = sale.tenders[1];
    const fees = (await call(services, 'reports.settings', {})).fees;
    expect(card).toMatchObject({
      entryMode: 'swipe',
      cardMasked: '411111******1111',
      cardType: 'credit',
      batchNo: '000001',
      merchantId: MERCHANT.merchantId,
      merchantName: MERCHANT.merchantName,
      acquirerTerminalId: 'CTSHOP01',
      signatureRequired: true,
      feeKind: 'credit',
      feeMinor: tenderFee(fees, { method: 'card', cardType: 'credit', amountMinor: total - 300 })
        .feeMinor,
    });
    expect(card?.traceNo).toMatch(/^\d{6}$/);
    expect(card?.rrn).toMatch(/^\d{12}$/);
    expect(card?.authCode).toHaveLength(6);
    expect(authIdsAtHost()).toEqual([card?.authId]);

    // The receipt: the card lines and a merchant copy with a signature line.
    await services.idle();
    const pages = await call(services, 'printer.pages', {});
    const customer = printedText(pages.at(-2));
    const merchant = printedText(pages.at(-1));
    expect(customer).toContain('持卡人存根');
    expect(customer).toContain(sale.id);
    expect(merchant).toContain('商户存根');
    expect(merchant).toContain('持卡人签名');
    const text = `${customer}\n${merchant}`;
    for (const expected of [
      MERCHANT.merchantId,
      MERCHANT.merchantName,
      'CTSHOP01',
      '411111******1111',
      card?.traceNo ?? '-',
      card?.authCode ?? '-',
      card?.rrn ?? '-',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('a declined leg commits nothing; the sale completes with another tender', async () => {
    const total = await fillCart();
    const declined = await swipeCard('visaDeclined', 500);
    expect(declined.ok).toBe(false);
    if (declined.ok) return;
    expect(declined.error.code).toBe('payment_declined');
    expect(declined.error.params).toMatchObject({ responseCode: '05' });
    let view = await call(services, 'payment.get', {});
    expect(view).toMatchObject({ paidMinor: 0, remainingMinor: total, waiting: null });

    // "any card, amount ending in 51": insufficient funds.
    const short = await swipeCard('visa', 151);
    expect(short.ok ? null : short.error).toMatchObject({
      code: 'payment_declined',
      params: { responseCode: '51' },
    });

    view = await call(services, 'payment.qr', { amountMinor: 500, code: '281234567890123456' });
    expect(view.tenders).toMatchObject([
      { method: 'qr', amountMinor: 500, qrScheme: 'wallet', cardType: 'wallet' },
    ]);
    view = await call(services, 'payment.cash', { tenderedMinor: total });
    const sales = await call(services, 'sale.list', { limit: 5 });
    expect(sales).toHaveLength(1);
    expect(sales[0]?.id).toBe(view.saleId);
    const sale = await call(services, 'sale.get', { saleId: view.saleId ?? '' });
    // Change only on the last cash tender: what it paid beyond the remaining 500-less total.
    expect(sale.tenders.map((t) => [t.method, t.amountMinor, t.changeMinor])).toEqual([
      ['qr', 500, 0],
      ['cash', total - 500, 500],
    ]);
  });

  it('an abandoned split (cart cleared) voids the approved leg at the host; nothing is committed', async () => {
    await fillCart();
    const view = await call(services, 'payment.qr', {
      amountMinor: 400,
      code: '621234567890123456',
    });
    const authId = view.tenders[0]?.authId ?? '';
    expect(view.tenders[0]).toMatchObject({ qrScheme: 'unionpay', cardType: 'credit' });
    expect(hostState(authId).voided).toBe(false);

    await call(services, 'cart.clear', {});
    await eventually(
      () => hostState(authId),
      (state) => state.voided,
    );
    // The host voids before the till has read its answer: the till clears the leg just after.
    await eventually(
      () => call(services, 'payment.get', {}),
      (view) => view.tenders.length === 0,
    );
    expect(await call(services, 'sale.list', { limit: 5 })).toEqual([]);
  });

  it('a split left alone past the timeout is abandoned: its approved leg is voided', async () => {
    await services.close();
    ({ services } = tempServices(dataDir, undefined, {
      simulateDevices: true,
      abandonPaymentAfterMs: 300,
    }));
    await signInOwner(services);
    await fillCart();
    const view = await call(services, 'payment.qr', {
      amountMinor: 300,
      code: '281234567890123456',
    });
    const authId = view.tenders[0]?.authId ?? '';
    await eventually(
      () => hostState(authId),
      (state) => state.voided,
    );
    // The host voids before the till has read its answer: the till clears the leg just after.
    await eventually(
      () => call(services, 'payment.get', {}),
      (view) => view.tenders.length === 0,
    );
    expect(await call(services, 'sale.list', { limit: 5 })).toEqual([]);
  });

  it('Cancel payment voids every approved leg and leaves the cart to pay again', async () => {
    const total = await fillCart();
    await swipeCard('unionpayDebit2', 200);
    const view = await call(services, 'payment.qr', {
      amountMinor: 300,
      code: '281111111111111111',
    });
    const authIds = view.tenders.map((t) => t.authId ?? '');
    expect(view.tenders[0]).toMatchObject({ cardType: 'debit', feeKind: 'debit' });
    const cancelled = await call(services, 'payment.cancel', {});
    expect(cancelled).toMatchObject({ tenders: [], paidMinor: 0, remainingMinor: total });
    expect(authIds.map((id) => hostState(id).voided)).toEqual([true, true]);
    expect((await call(services, 'cart.get', {})).totals.totalMinor).toBe(total);
  });

  it('a leg with no answer (amount ending 91) is reversed while the sale completes by cash', async () => {
    const total = await fillCart();
    const error = await failure('payment.qr', { amountMinor: 191, code: '281234567890123456' });
    // No answer is a host that cannot be reached (issue #6 "Offline"): QR is online only.
    expect(error.code).toBe('offline_qr_refused');
    expect((await call(services, 'payment.get', {})).tenders).toEqual([]);
    const [authId] = authIdsAtHost();
    await eventually(
      () => hostState(authId ?? ''),
      (state) => state.reversed,
    );
    const view = await call(services, 'payment.cash', { tenderedMinor: total });
    const sale = await call(services, 'sale.get', { saleId: view.saleId ?? '' });
    expect(sale.tenders.map((t) => t.method)).toEqual(['cash']);
  });

  it('refuses a tender larger than what is left, and an "other" tender without a reference', async () => {
    const total = await fillCart(1);
    expect((await failure('payment.swipe', { amountMinor: total + 1 })).code).toBe(
      'invalid_amount',
    );
    expect(
      (await failure('payment.other', { amountMinor: 100, kind: 'voucher', reference: ' ' })).code,
    ).toBe('reference_required');
    const view = await call(services, 'payment.other', {
      amountMinor: total,
      kind: 'voucher',
      reference: 'V-2026-0042',
    });
    const sale = await call(services, 'sale.get', { saleId: view.saleId ?? '' });
    expect(sale.tenders).toEqual([
      {
        method: 'other',
        amountMinor: total,
        tenderedMinor: total,
        changeMinor: 0,
        otherKind: 'voucher',
        reference: 'V-2026-0042',
        feeKind: 'other',
        feeMinor: 0,
      },
    ]);
  });
});

describe("the owner's risk rules", () => {
  it('refuse a tender over the per-transaction limit before it leaves the till; nothing is committed', async () => {
    await services.close();
    const db = new Database(join(dataDir, 'ledger.sqlite'));
    const limit = { perTransactionMinor: 1_000, dailyMinor: null, monthlyMinor: null };
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(
      'payments.risk',
      JSON.stringify({ ...defaultRiskSettings, limits: { card: limit, qr: limit, other: limit } }),
    );
    db.close();
    ({ services } = tempServices(dataDir, undefined, { simulateDevices: true }));
    await signInOwner(services);
    const total = await fillCart(3);
    expect(total).toBeGreaterThan(1_000);

    const card = await swipeCard('visa', 1_001);
    expect(card.ok ? null : card.error.code).toBe('risk_per_transaction_limit');
    expect(
      (await failure('payment.other', { amountMinor: 1_001, kind: 'voucher', reference: 'V1' }))
        .code,
    ).toBe('risk_per_transaction_limit');
    expect(authIdsAtHost()).toEqual([]);
    expect((await call(services, 'payment.get', {})).tenders).toEqual([]);
    expect(await call(services, 'sale.list', { limit: 5 })).toEqual([]);
    // Within the limit the same card pays.
    const ok = await swipeCard('visa', 1_000);
    expect(ok.ok).toBe(true);
  });
});

describe('chip payments and the card limits', () => {
  it('a chip sale counts toward the daily card limit: the next chip or swipe over what is left is refused', async () => {
    await eventually(
      () => call(services, 'devices.list', {}),
      (view) => view.devices.find((d) => d.role === 'paymentTerminal')?.state === 'connected',
    );
    const first = await fillCart(3);
    // The day's card limit leaves 1.00 after this chip sale.
    const { blockedCardKeys: _keys, ...rules } = defaultRiskSettings;
    const card = { perTransactionMinor: null, dailyMinor: first + 100, monthlyMinor: null };
    await call(services, 'risk.set', { ...rules, limits: { ...rules.limits, card } });
    const paid = await call(services, 'payment.chip', { amountMinor: first });
    expect(paid.saleId).not.toBeNull();

    const second = await fillCart(1);
    expect(second).toBeGreaterThan(100);
    const chip = await failure('payment.chip', { amountMinor: second });
    expect(chip).toMatchObject({ code: 'risk_daily_limit', params: { left: '1.00' } });
    const swiped = await swipeCard('visa', second);
    expect(swiped.ok ? null : swiped.error).toMatchObject({
      code: 'risk_daily_limit',
      params: { left: '1.00' },
    });
    expect(authIdsAtHost()).toEqual([]);
    // What is left can still be paid by chip.
    const within = await call(services, 'payment.chip', { amountMinor: 100 });
    expect(within.tenders).toMatchObject([{ entryMode: 'chip', amountMinor: 100 }]);
    await call(services, 'payment.cancel', {});

    // The first sale voided (reversed on the terminal): its amount no longer counts.
    await call(services, 'sale.void', { saleId: paid.saleId ?? '', reason: 'wrong items' });
    const again = await call(services, 'payment.chip', { amountMinor: second });
    expect(again.saleId).not.toBeNull();
  });
});

describe('a restart in the middle of a split', () => {
  it('brings back the approved leg for the same cart; the sale then completes once', async () => {
    const total = await fillCart();
    const taken = await call(services, 'payment.qr', {
      amountMinor: 250,
      code: '281234567890123456',
    });
    const authId = taken.tenders[0]?.authId;
    await services.idle();
    await services.close();

    ({ services } = tempServices(dataDir, undefined, { simulateDevices: true }));
    await signInOwner(services);
    const view = await call(services, 'payment.get', {});
    expect(view).toMatchObject({ totalMinor: total, paidMinor: 250, remainingMinor: total - 250 });
    expect(view.tenders[0]?.authId).toBe(authId);
    const done = await call(services, 'payment.cash', { tenderedMinor: total - 250 });
    const sale = await call(services, 'sale.get', { saleId: done.saleId ?? '' });
    expect(sale.tenders.map((t) => [t.method, t.amountMinor])).toEqual([
      ['qr', 250],
      ['cash', total - 250],
    ]);
    expect(hostState(authId ?? '').voided).toBe(false);

    // The commit consumed the saved legs with the sale.
    await services.idle();
    await services.close();
    const db = new Database(join(dataDir, 'ledger.sqlite'));
    const savedLegs = () =>
      db
        .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
        .get('payments.session')?.value;
    expect(savedLegs()).toBe('null');
    // Legs of a committed sale left by an older version are the paid sale's: neither
    // brought back nor voided at the host.
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      JSON.stringify({ total, saleId: sale.id, legs: [sale.tenders[0]] }),
      'payments.session',
    );
    db.close();
    ({ services } = tempServices(dataDir, undefined, { simulateDevices: true }));
    await signInOwner(services);
    expect((await call(services, 'payment.get', {})).tenders).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hostState(authId ?? '').voided).toBe(false);
  });
});

describe('chip and tap on the payment terminal (simulated ZVT over TCP)', () => {
  it('authorizes on the terminal and records its receipt number, trace and masked card', async () => {
    await eventually(
      () => call(services, 'devices.list', {}),
      (view) => view.devices.find((d) => d.role === 'paymentTerminal')?.state === 'connected',
    );
    const total = await fillCart(2);
    const texts: string[] = [];
    const off = services.bus.on('payment.changed', (view) => {
      if (view.terminalText) texts.push(view.terminalText.en);
    });
    const half = await call(services, 'payment.chip', { amountMinor: 100 });
    expect(half.tenders[0]).toMatchObject({
      method: 'card',
      entryMode: 'chip',
      amountMinor: 100,
      acquirerTerminalId: '52001233',
    });
    expect(half.tenders[0]?.cardMasked).toMatch(/^\d{6}\*+0010$/);
    expect(half.tenders[0]?.terminalReceiptNo).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(0);
    // Cancelling reverses the chip leg at the terminal (ZVT 06 30).
    expect((await call(services, 'payment.cancel', {})).tenders).toEqual([]);
    const view = await call(services, 'payment.chip', { amountMinor: total });
    off();
    const sale = await call(services, 'sale.get', { saleId: view.saleId ?? '' });
    expect(sale.tenders[0]).toMatchObject({ method: 'card', entryMode: 'chip', feeKind: 'credit' });
  });
});
