import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandName, PaymentView } from '@app/api/contract';
import type { LedgerEntry } from '@app/ledger/entry';
import type { AppError } from '@app/result';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { filesWithCardData } from '../testing/card-data-scan';
import {
  eventually,
  hostState,
  startPaymentServices,
  swipeCard,
} from '../testing/payment-services';
import { printedText } from '../testing/printed-text';
import { call, closeShift } from '../testing/temp-services';
import type { TestHost } from '@backoffice/host/test-host';

const [cola, bread] = demoCatalog().filter((p) => p.unit === 'piece' && p.barcode !== '');
if (!cola || !bread) throw new Error('demo catalog lacks two piece products');

let host: TestHost;
let services: Services;
let dataDir: string;

beforeEach(async () => {
  ({ host, services, dataDir } = await startPaymentServices());
  await call(services, 'settings.update', { locale: 'en' });
});

afterEach(async () => {
  await services.idle();
  // PCI DSS 3.3: a refund by reference leaves no card data behind either.
  expect(filesWithCardData(dataDir)).toEqual([]);
  await services.close();
  await host.close();
});

const failure = async (name: CommandName, input: unknown): Promise<AppError> => {
  const result = await services.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
};

const ledger = (): LedgerEntry[] => {
  const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
  try {
    const rows = db.prepare<[], { body: string }>('SELECT body FROM entries ORDER BY seq').all();
    return rows.map((r) => JSON.parse(r.body) as LedgerEntry);
  } finally {
    db.close();
  }
};

/** Two colas and a bread, paid in cash. */
async function cashSale() {
  for (const code of [cola?.barcode, cola?.barcode, bread?.barcode]) {
    await call(services, 'cart.scan', { code });
  }
  return call(services, 'sale.payCash', { tenderedMinor: 100_000 });
}

/** `n` colas paid by a swiped Visa. */
async function cardSale(n = 2) {
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total = (await call(services, 'cart.scan', { code: cola?.barcode })).totals.totalMinor;
  }
  const paid = await swipeCard(services, 'visa', total);
  if (!paid.ok) throw new Error(paid.error.message);
  const saleId = (paid.value as PaymentView).saleId;
  if (saleId === null) throw new Error('not committed');
  return call(services, 'sale.get', { saleId });
}

describe('refund (退货) of a cash sale', () => {
  it('gives back one unit with its reason, from the drawer, and never more than is left', async () => {
    const sale = await cashSale();
    const colaLine = sale.lines[0];
    if (!colaLine) throw new Error('no cola line');
    const preview = await call(services, 'correction.preview', {
      saleId: sale.id,
      lines: [{ lineId: colaLine.lineId, quantity: 1 }],
    });
    expect(preview).toMatchObject({ amountMinor: cola.priceMinor, needsManager: false });
    expect(preview.legs).toEqual([
      expect.objectContaining({ legIndex: 0, method: 'cash', amountMinor: cola.priceMinor }),
    ]);

    const done = await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: colaLine.lineId, quantity: 1 }],
      reason: 'damaged',
      restock: true,
    });
    expect(done).toMatchObject({
      kind: 'refund',
      amountMinor: cola.priceMinor,
      cashMinor: cola.priceMinor,
    });
    const entry = ledger().at(-1);
    expect(entry).toMatchObject({
      type: 'refund',
      refId: sale.id,
      amount: -cola.priceMinor,
      tenders: [{ method: 'cash', amount: -cola.priceMinor }],
      detail: { reason: 'damaged', saleSeq: sale.seq, operator: { name: 'Wang Fang' } },
    });

    const view = await call(services, 'correction.get', { saleId: sale.id });
    expect(view.lines.map((l) => l.left)).toEqual([1, 1]);
    expect(view.corrections).toEqual([
      expect.objectContaining({ type: 'refund', amountMinor: cola.priceMinor, reason: 'damaged' }),
    ]);
    // A void is no longer possible; the rest can still be refunded.
    expect(view.voidRefusal).toBe('sale_partly_refunded');
    expect(
      await failure('sale.refund', {
        saleId: sale.id,
        lines: [{ lineId: colaLine.lineId, quantity: 2 }],
        reason: 'again',
        restock: true,
      }),
    ).toMatchObject({ code: 'refund_exceeds_left', params: { left: 1 } });

    // The X report and the shift's cash both see the money leave.
    const x = await call(services, 'reports.x', {});
    expect(x.figures).toMatchObject({ refundCount: 1, refundMinor: cola.priceMinor });
    const shift = await call(services, 'shift.current', {});
    expect(shift.totals?.salesMinor).toBe(sale.paidMinor - cola.priceMinor);
    // The slip says what went back, against which receipt.
    await services.idle();
    await services.idle();
    const slip = printedText((await call(services, 'printer.pages', {})).at(-1));
    expect(slip).toContain('REFUND');
    expect(slip).toContain(String(sale.seq).padStart(6, '0'));
  });

  it('finds the sale by its receipt number or its scanned receipt code', async () => {
    const sale = await cashSale();
    expect((await call(services, 'correction.find', { query: String(sale.seq) })).sale.id).toBe(
      sale.id,
    );
    expect(
      (await call(services, 'correction.find', { query: sale.id.toUpperCase() })).sale.id,
    ).toBe(sale.id);
    expect(await failure('correction.find', { query: '999999' })).toMatchObject({
      code: 'sale_not_found',
    });
  });

  it('takes back the points a member earned, in proportion to what goes back', async () => {
    await call(services, 'members.setPointsRule', {
      earnMinorPerPoint: 10,
      redeemPoints: 100,
      redeemValueMinor: 100,
    });
    const added = await call(services, 'members.add', { name: 'Chen Jie', phone: '13812341234' });
    const customerId = added.customer?.id ?? '';
    await call(services, 'members.attach', { customerId });
    const sale = await cashSale();
    const points = async () =>
      (await call(services, 'members.find', { query: '13812341234' }))[0]?.points;
    const earned = sale.member?.pointsEarned ?? 0;
    expect(earned).toBeGreaterThan(0);
    expect(await points()).toBe(earned);
    await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: sale.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
      reason: 'changed mind',
      restock: true,
    });
    expect(await points()).toBe(0);
  });

  it('puts tracked goods back on the shelf only when asked to', async () => {
    for (const product of [cola, bread]) {
      const saved = await call(services, 'catalog.get', { productId: product.id });
      await call(services, 'catalog.save', { product: { ...saved, trackStock: true } });
    }
    const onHand = async (productId: string) =>
      (await call(services, 'stock.list', { lowOnly: false })).find(
        (r) => r.productId === productId,
      )?.onHand;
    const sale = await cashSale();
    const [colaLine, , breadLine] = [sale.lines[0], null, sale.lines[1]];
    if (!colaLine || !breadLine) throw new Error('lines missing');
    expect(await onHand(cola.id)).toBe(-2);
    await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: colaLine.lineId, quantity: 2 }],
      reason: 'wrong item',
      restock: true,
    });
    await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: breadLine.lineId, quantity: 1 }],
      reason: 'damaged',
      restock: false,
    });
    expect(await onHand(cola.id)).toBe(0);
    expect(await onHand(bread.id)).toBe(-1);
    // Everything is back: nothing is left to refund.
    const view = await call(services, 'correction.get', { saleId: sale.id });
    expect(view.refundRefusal).toBe('refund_nothing');
  });
});

describe('void (撤销) and refund of a card sale at the host', () => {
  it('voids a swiped sale of the open batch at the host, then refuses anything more', async () => {
    const sale = await cardSale();
    const authId = sale.tenders[0]?.authId ?? '';
    expect((await call(services, 'correction.get', { saleId: sale.id })).voidRefusal).toBeNull();
    const done = await call(services, 'sale.void', { saleId: sale.id, reason: 'wrong amount' });
    expect(done).toMatchObject({ kind: 'void', amountMinor: sale.paidMinor, cashMinor: 0 });
    expect(hostState(host, authId).voided).toBe(true);
    expect(ledger().at(-1)).toMatchObject({
      type: 'void',
      refId: sale.id,
      amount: -sale.paidMinor,
      tenders: [{ method: 'card', amount: -sale.paidMinor }],
      detail: { tenders: [{ legIndex: 0, method: 'card', refAuthId: authId, cardType: 'credit' }] },
    });
    const view = await call(services, 'correction.get', { saleId: sale.id });
    expect(view.voidRefusal).toBe('sale_already_voided');
    expect(view.refundRefusal).toBe('sale_already_voided');
    expect(await failure('sale.void', { saleId: sale.id, reason: 'again' })).toMatchObject({
      code: 'sale_already_voided',
    });
    // The day's figures net to nothing, and the host's settlement agrees with the till's.
    const x = await call(services, 'reports.x', {});
    expect(x.figures).toMatchObject({
      salesCount: 1,
      voidCount: 1,
      voidMinor: sale.paidMinor,
      netMinor: 0,
      taxMinor: 0,
    });
    await closeShift(services);
    await call(services, 'reports.closeDay', {});
    const settled = await eventually(
      () => call(services, 'sync.settlements', {}),
      (list) => list.some((s) => s.status !== 'pending'),
    );
    expect(settled[0]).toMatchObject({ batchNo: sale.batchNo, status: 'balanced' });
  });

  it('refunds part of a card sale by reference; the host refuses more than the sale took', async () => {
    const sale = await cardSale(3);
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const done = await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: line.lineId, quantity: 1 }],
      reason: 'changed mind',
      restock: true,
    });
    expect(done).toMatchObject({ amountMinor: cola.priceMinor, cashMinor: 0 });
    const entry = ledger().at(-1);
    const leg = (
      entry?.detail.tenders as { authId?: string; refAuthId?: string }[] | undefined
    )?.[0];
    expect(leg?.refAuthId).toBe(sale.tenders[0]?.authId);
    expect(leg?.authId).toMatch(/^[0-9a-f-]{36}$/);
    expect(leg?.authId).not.toBe(leg?.refAuthId);
    expect(entry?.detail.tenders).toEqual([
      expect.objectContaining({ cardMasked: '411111******1111', entryMode: 'swipe' }),
    ]);
    await services.idle();
    const slip = printedText((await call(services, 'printer.pages', {})).at(-1));
    expect(slip).toContain('411111******1111');
  });

  it('keeps a refund the host does not answer pending, and pays it back in cash instead', async () => {
    const sale = await cardSale();
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    await host.close();
    expect(
      await failure('sale.refund', {
        saleId: sale.id,
        lines: [{ lineId: line.lineId, quantity: 1 }],
        reason: 'damaged',
        restock: true,
      }),
    ).toMatchObject({ code: 'refund_leg_failed' });
    const pending = await call(services, 'correction.pending', {});
    expect(pending).toMatchObject({
      kind: 'refund',
      saleSeq: sale.seq,
      legs: [{ method: 'card', status: 'failed', error: { code: 'payment_not_completed' } }],
    });
    // Nothing is in the ledger yet, and nothing else can start meanwhile.
    expect(ledger().at(-1)?.type).toBe('sale');
    expect(await failure('sale.void', { saleId: sale.id, reason: 'x' })).toMatchObject({
      code: 'correction_pending',
    });

    const done = await call(services, 'correction.cashInstead', {});
    expect(done).toMatchObject({ kind: 'refund', cashMinor: cola.priceMinor });
    expect(ledger().at(-1)).toMatchObject({
      type: 'refund',
      tenders: [{ method: 'cash', amount: -cola.priceMinor }],
      detail: { tenders: [{ legIndex: 0, method: 'cash' }] },
    });
    expect(await call(services, 'correction.pending', {})).toBeNull();
    // Restart the host so afterEach can close it.
    host = await (await import('@backoffice/host/test-host')).startTestHost({ merchants: [] });
  });

  it('after the batch is settled, offers a refund instead of a void', async () => {
    const sale = await cardSale();
    await closeShift(services);
    await call(services, 'reports.closeDay', {});
    await call(services, 'shift.open', { floatMinor: 0 });
    const view = await call(services, 'correction.get', { saleId: sale.id });
    expect(view.voidRefusal).toBe('already_settled');
    expect(view.refundRefusal).toBeNull();
    expect(await failure('sale.void', { saleId: sale.id, reason: 'late' })).toMatchObject({
      code: 'already_settled',
    });
  });
});

describe('chip and tap sales on the payment terminal (simulated ZVT)', () => {
  /** `n` colas paid by chip on the simulated terminal. */
  async function chipSale(n: number) {
    await eventually(
      () => call(services, 'devices.list', {}),
      (view) => view.devices.find((d) => d.role === 'paymentTerminal')?.state === 'connected',
    );
    let total = 0;
    for (let i = 0; i < n; i += 1) {
      total = (await call(services, 'cart.scan', { code: cola?.barcode })).totals.totalMinor;
    }
    const view = await call(services, 'payment.chip', { amountMinor: total });
    return call(services, 'sale.get', { saleId: view.saleId ?? '' });
  }

  it('voids a chip sale by reversing it on the terminal (ZVT 06 30)', async () => {
    const sale = await chipSale(1);
    await call(services, 'sale.void', { saleId: sale.id, reason: 'wrong card' });
    expect(ledger().at(-1)).toMatchObject({
      type: 'void',
      amount: -sale.paidMinor,
      detail: { tenders: [{ method: 'card', entryMode: 'chip' }] },
    });
    // Receipts print after the answer: wait for the spooler to reach this one.
    await services.idle();
    const pages = printedText((await call(services, 'printer.pages', {})).at(-1));
    expect(pages).toContain('VOID');
  });

  it('refunds part of a chip sale on the terminal (ZVT 06 31), with its own receipt number', async () => {
    const sale = await chipSale(2);
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const done = await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: line.lineId, quantity: 1 }],
      reason: 'damaged',
      restock: true,
    });
    expect(done.cashMinor).toBe(0);
    const legs = ledger().at(-1)?.detail.tenders as { terminalReceiptNo?: number }[] | undefined;
    expect(legs?.[0]?.terminalReceiptNo).toBeGreaterThan(sale.tenders[0]?.terminalReceiptNo ?? 0);
  });
});

describe('who may give back', () => {
  it('a cashier refunds up to the owner’s limit; above it a manager approves', async () => {
    await call(services, 'staff.setPolicy', { refundLimitMinor: 100 });
    const sale = await cashSale();
    await closeShift(services);
    const cashier = await call(services, 'staff.add', {
      name: 'Li Na',
      role: 'cashier',
      pin: '1357',
    });
    const manager = await call(services, 'staff.add', {
      name: 'Zhao Lei',
      role: 'manager',
      pin: '9753',
    });
    await call(services, 'session.login', { userId: cashier.id, pin: '1357' });
    await call(services, 'shift.open', { floatMinor: 10_000 });
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const refund = {
      saleId: sale.id,
      lines: [{ lineId: line.lineId, quantity: 1 }],
      reason: 'damaged',
      restock: true,
    };
    expect(await failure('sale.refund', refund)).toMatchObject({ code: 'permission_required' });
    expect(await failure('sale.void', { saleId: sale.id, reason: 'x' })).toMatchObject({
      code: 'permission_required',
    });
    await call(services, 'session.override', {
      approverId: manager.id,
      pin: '9753',
      permission: 'sale.refund',
    });
    await call(services, 'sale.refund', refund);
    expect(ledger().at(-1)?.detail).toMatchObject({
      operator: { name: 'Li Na' },
      override: { by: { name: 'Zhao Lei' }, permission: 'sale.refund' },
    });
  });
});
