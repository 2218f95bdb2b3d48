import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import { LedgerStore } from '../ledger/ledger-store';
import type { Services } from '../services';
import { printedText } from '../testing/printed-text';
import { call, signInOwner, tempServices } from '../testing/temp-services';
import { PointsBook } from './points-book';

const cola = demoCatalog().find((p) => p.unit === 'piece' && p.barcode !== '');
if (!cola) throw new Error('demo catalog lacks a piece product');

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

const start = async (dataDir?: string) => {
  const opened: Database.Database[] = [];
  const made = tempServices(dataDir, (db) => opened.push(db));
  open.push(made.services);
  await signInOwner(made.services);
  await call(made.services, 'settings.update', { locale: 'en' });
  const [db] = opened;
  if (!db) throw new Error('no database');
  return { ...made, db };
};

const errorOf = async (services: Services, name: string, input: unknown) => {
  const result = await services.dispatch(name, input);
  return result.ok ? null : result.error;
};

/** Sells `n` colas to whoever is on the cart; returns the sale. */
const sell = async (services: Services, n: number) => {
  for (let i = 0; i < n; i += 1) await call(services, 'cart.scan', { code: cola.barcode });
  return call(services, 'sale.payCash', { tenderedMinor: 1_000_000 });
};

describe('members and points', () => {
  it('earns points on a sale, prints them, redeems them, and survives a restart', async () => {
    const { services, dataDir, db } = await start();
    // The owner's rule: 1 point per 0.10, 100 points = 1.00.
    await call(services, 'members.setPointsRule', {
      earnMinorPerPoint: 10,
      redeemPoints: 100,
      redeemValueMinor: 100,
    });
    const added = await call(services, 'members.add', {
      name: 'Chen Jie',
      phone: '13812341234',
      cardBarcode: 'VIP0001',
    });
    expect(added.customer).toMatchObject({ name: 'Chen Jie', points: 0, phoneMasked: false });
    expect(added.customer?.phone).toBe('13812341234'); // the owner sees it whole

    const first = await sell(services, 10);
    const earned = Math.floor(first.totals.totalMinor / 10);
    expect(earned).toBeGreaterThan(0);
    expect(first.member).toMatchObject({
      name: 'Chen Jie',
      phoneMasked: '138****1234',
      pointsEarned: earned,
      pointsRedeemed: 0,
      balanceAfter: earned,
    });
    await services.idle();
    const receipt = printedText((await call(services, 'printer.pages', {})).at(-1));
    expect(receipt).toContain('138****1234');
    expect(receipt).not.toContain('13812341234');
    expect(receipt).toMatch(new RegExp(`Points earned\\s+\\+${earned}`));
    expect(receipt).toMatch(new RegExp(`Points balance\\s+${earned}`));
    // The sale's ledger entry carries what the balance is derived from.
    const entry = new LedgerStore(db).entryById(first.id);
    expect(entry?.detail).toMatchObject({
      customerId: added.customer?.id,
      pointsEarned: earned,
      pointsRedeemed: 0,
    });

    // The member card, scanned at the till, attaches the member to the next sale.
    await call(services, 'cart.scan', { code: cola.barcode });
    await call(services, 'cart.scan', { code: 'VIP0001' });
    const current = await call(services, 'members.current', {});
    expect(current.customer?.points).toBe(earned);
    expect(await errorOf(services, 'members.redeem', { points: 150 })).toMatchObject({
      code: 'points_not_whole',
      params: { block: 100 },
    });
    const tooMany = Math.ceil((earned + 1) / 100) * 100;
    expect(await errorOf(services, 'members.redeem', { points: tooMany })).toMatchObject({
      code: 'points_insufficient',
      params: { balance: earned },
    });
    await call(services, 'cart.scan', { code: cola.barcode });
    await call(services, 'cart.scan', { code: cola.barcode });
    const redeemed = await call(services, 'members.redeem', { points: 100 });
    expect(redeemed).toMatchObject({ pointsRedeemed: 100, redeemedValueMinor: 100 });
    const cart = await call(services, 'cart.get', {});
    expect(cart.totals.discountMinor).toBe(100);
    // Lines changed after the redemption: it is taken back, the points stay with the member.
    const extra = await call(services, 'cart.scan', { code: cola.barcode });
    expect(extra.totals.discountMinor).toBe(0);
    expect((await call(services, 'members.current', {})).pointsRedeemed).toBe(0);
    await call(services, 'cart.setQuantity', {
      lineId: extra.lines[0]?.lineId ?? '',
      quantity: 3,
    });
    await call(services, 'members.redeem', { points: 100 });
    expect((await call(services, 'cart.get', {})).totals.discountMinor).toBe(100);

    await services.close();
    open = [];
    const again = await start(dataDir);
    const second = await call(again.services, 'sale.payCash', { tenderedMinor: 1_000_000 });
    const earned2 = Math.floor(second.totals.totalMinor / 10);
    expect(second.totals.totalMinor).toBe(3 * cola.priceMinor - 100);
    expect(second.member).toMatchObject({
      pointsEarned: earned2,
      pointsRedeemed: 100,
      balanceAfter: earned - 100 + earned2,
    });
    const found = await call(again.services, 'members.find', { query: '1234' });
    expect(found.map((c) => c.points)).toEqual([earned - 100 + earned2]);
  });

  it('derives the balance from ledger entries, a refund entry included', async () => {
    const { services, db } = await start();
    await call(services, 'members.add', { name: 'Liu Yang', phone: '13900001111' });
    const sale = await sell(services, 5);
    const customerId = sale.member?.customerId ?? '';
    const earned = sale.member?.pointsEarned ?? 0;
    expect(earned).toBeGreaterThan(0);

    // A hand-made refund of that sale (refunds are not built yet): it takes the points back.
    const ledger = new LedgerStore(db);
    const book = new PointsBook(db);
    db.transaction(() => {
      const refund = ledger.append({
        id: randomUUID(),
        type: 'refund',
        at: new Date().toISOString(),
        batchNo: sale.batchNo,
        currency: sale.currency,
        amount: -sale.paidMinor,
        tenders: [{ method: 'cash', amount: -sale.paidMinor }],
        refId: sale.id,
        detail: { customerId, pointsReversed: earned, pointsRestored: 0 },
      });
      book.apply(refund);
    })();
    expect(book.balance(customerId)).toBe(0);
    const fromLedger = PointsBook.fromEntries(ledger.entriesFrom(1, 10_000));
    expect(fromLedger.get(customerId)).toBe(0);
    const [view] = await call(services, 'members.find', { query: '13900001111' });
    expect(view?.points).toBe(0);
  });

  it('masks phone numbers for a cashier and refuses a duplicate phone', async () => {
    const { services } = await start();
    await call(services, 'members.add', { name: 'Zhou Min', phone: '13700002222' });
    expect(
      await errorOf(services, 'members.add', { name: 'Someone', phone: '13700002222' }),
    ).toMatchObject({ code: 'phone_taken' });
    expect(
      await errorOf(services, 'members.add', {
        name: 'Someone',
        phone: '13700003333',
        cardBarcode: cola.barcode,
      }),
    ).toMatchObject({ code: 'member_card_is_product', params: { card: cola.barcode } });
    const cashier = await call(services, 'staff.add', {
      name: 'Li Na',
      role: 'cashier',
      pin: '1357',
    });
    await call(services, 'session.login', { userId: cashier.id, pin: '1357' });
    const [seen] = await call(services, 'members.find', { query: '13700002222' });
    expect(seen).toMatchObject({ phone: '137****2222', phoneMasked: true });
    expect(
      await errorOf(services, 'members.setPointsRule', {
        earnMinorPerPoint: 1,
        redeemPoints: 1,
        redeemValueMinor: 1,
      }),
    ).toMatchObject({ code: 'permission_required' });
  });
});
