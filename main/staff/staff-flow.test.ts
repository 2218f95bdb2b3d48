import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandName } from '@app/api/contract';
import type { LedgerEntry } from '@app/ledger/entry';
import type { AppError } from '@app/result';
import { defaultTaxClasses } from '@app/tax/tax-class';
import type { Services } from '../services';
import { TEST_OWNER, call, signInOwner, tempServices } from '../testing/temp-services';
import { checkNewEntry } from '../ledger/entry-rules';

const MILK = '6911001000019'; // 3.50 in the demo catalog
let clockMs: number;
let services: Services;
let dataDir: string;
const ids: Record<string, string> = {};

const failure = async (name: CommandName, input: unknown): Promise<AppError> => {
  const result = await services.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
};
const login = (who: 'owner' | 'cashier' | 'manager', pin?: string) =>
  call(services, 'session.login', {
    userId: ids[who],
    pin: pin ?? (who === 'owner' ? TEST_OWNER.pin : who === 'cashier' ? '1357' : '9753'),
  });
const override = (who: 'owner' | 'manager', permission: string) =>
  services.dispatch('session.override', {
    approverId: ids[who],
    pin: who === 'owner' ? TEST_OWNER.pin : '9753',
    permission,
  });
const ledger = (): LedgerEntry[] => {
  const db = new Database(join(dataDir, 'ledger.sqlite'), { readonly: true });
  const rows = db.prepare<[], { body: string }>('SELECT body FROM entries ORDER BY seq').all();
  db.close();
  return rows.map((r) => JSON.parse(r.body) as LedgerEntry);
};

beforeEach(async () => {
  clockMs = Date.parse('2026-03-02T09:00:00.000Z');
  ({ services, dataDir } = tempServices(undefined, undefined, { now: () => new Date(clockMs) }));
  expect((await call(services, 'session.status', {})).state).toBe('setup');
  // Before set-up nothing but the wizard works.
  expect((await failure('cart.scan', { code: MILK })).code).toBe('login_required');
  await signInOwner(services); // the owner's shift is open: close it for the cashier's
  ids.owner = (await call(services, 'session.status', {})).user?.id ?? '';
  await call(services, 'shift.close', { denominations: {} });
  ids.cashier = (
    await call(services, 'staff.add', { name: 'Li Na', role: 'cashier', pin: '1357' })
  ).id;
  ids.manager = (
    await call(services, 'staff.add', { name: 'Zhao Lei', role: 'manager', pin: '9753' })
  ).id;
});
afterEach(() => services.close());

describe('the dispatcher guard', () => {
  it('refuses a command the role lacks with permission_required, and audits it', async () => {
    await login('cashier');
    expect(await failure('settings.update', { shopName: 'Mine' })).toMatchObject({
      code: 'permission_required',
      params: { permission: 'settings.change' },
    });
    expect((await failure('sync.unbind', { confirmTerminalId: 'X' })).code).toBe(
      'permission_required',
    );
    expect((await failure('staff.list', {})).code).toBe('permission_required');
    await login('owner');
    const audit = await call(services, 'audit.list', { limit: 50 });
    expect(audit.filter((a) => a.action === 'permission_denied')).toHaveLength(3);
    expect(audit.find((a) => a.action === 'permission_denied')?.user?.name).toBe('Li Na');
  });

  it('refuses a second set-up once an owner exists', async () => {
    expect(
      (
        await failure('setup.complete', {
          ownerName: 'Mallory',
          pin: '0000',
          shopName: 'X',
          shopAddress: '',
          currency: 'CNY',
          taxClasses: defaultTaxClasses('en', { standard: 0, reduced: 0 }),
          receiptHeader: '',
          receiptFooter: '',
          locale: 'en',
        })
      ).code,
    ).toBe('setup_done');
  });
});

describe('PIN login', () => {
  it('locks a user after 5 wrong PINs for 30 minutes, unless an owner unlocks', async () => {
    for (let i = 1; i <= 4; i++) {
      expect(await failure('session.login', { userId: ids.cashier, pin: '0000' })).toMatchObject({
        code: 'pin_wrong',
        params: { remaining: 5 - i },
      });
    }
    expect(await failure('session.login', { userId: ids.cashier, pin: '0000' })).toMatchObject({
      code: 'user_locked',
      params: { minutes: 30 },
    });
    // The right PIN does not help while locked.
    expect((await failure('session.login', { userId: ids.cashier, pin: '1357' })).code).toBe(
      'user_locked',
    );
    clockMs += 29 * 60_000;
    expect((await failure('session.login', { userId: ids.cashier, pin: '1357' })).code).toBe(
      'user_locked',
    );
    await login('owner');
    await call(services, 'staff.unlock', { userId: ids.cashier });
    expect((await login('cashier')).user?.name).toBe('Li Na');
    await login('owner');
    const actions = (await call(services, 'audit.list', { limit: 100 })).map((a) => a.action);
    expect(actions).toContain('user_locked');
    expect(actions).toContain('staff_unlock');
    expect(actions.filter((a) => a === 'login_failed')).toHaveLength(7);
    // No PIN anywhere in the audit log.
    expect(JSON.stringify(await call(services, 'audit.list', { limit: 100 }))).not.toMatch(/1357/);
  });

  it('lets the lockout end by itself after 30 minutes', async () => {
    for (let i = 0; i < 5; i++)
      await services.dispatch('session.login', { userId: ids.cashier, pin: '0000' });
    clockMs += 30 * 60_000 + 1;
    expect((await login('cashier')).state).toBe('active');
  });

  it('refuses a deactivated user', async () => {
    await call(services, 'staff.update', { userId: ids.cashier, active: false });
    expect((await failure('session.login', { userId: ids.cashier, pin: '1357' })).code).toBe(
      'user_inactive',
    );
  });

  it('locks the till after the idle time; the cart waits for the next PIN', async () => {
    await login('cashier');
    await call(services, 'shift.open', { floatMinor: 0 });
    await call(services, 'cart.scan', { code: MILK });
    clockMs += 4 * 60_000 + 59_000;
    await call(services, 'cart.scan', { code: MILK }); // still within 5 minutes
    clockMs += 5 * 60_000;
    expect((await failure('cart.scan', { code: MILK })).code).toBe('session_locked');
    expect((await call(services, 'session.status', {})).state).toBe('locked');
    await login('cashier');
    expect((await call(services, 'cart.get', {})).lines[0]?.quantity).toBe(2);
  });

  it('follows the idle time the owner sets', async () => {
    await call(services, 'staff.setPolicy', { idleLockMinutes: 1 });
    clockMs += 61_000;
    expect((await failure('shift.current', {})).code).toBe('session_locked');
  });
});

describe('manager override', () => {
  it('unlocks exactly one discount beyond the limit, recorded with the sale', async () => {
    await login('cashier');
    await call(services, 'shift.open', { floatMinor: 0 });
    const cart = await call(services, 'cart.scan', { code: MILK });
    const lineId = cart.lines[0]?.lineId ?? '';
    // 10 % is within the default limit; 20 % is not.
    await call(services, 'cart.setLineDiscount', {
      lineId,
      discount: { kind: 'percent', bp: 1_000 },
    });
    const twenty = { lineId, discount: { kind: 'percent', bp: 2_000 } };
    expect(await failure('cart.setLineDiscount', twenty)).toMatchObject({
      code: 'permission_required',
      params: { permission: 'discount.overLimit' },
    });
    // A cashier's own PIN cannot approve it.
    const self = await services.dispatch('session.override', {
      approverId: ids.cashier,
      pin: '1357',
      permission: 'discount.overLimit',
    });
    expect(self.ok || self.error.code).toBe('approver_not_allowed');
    expect((await override('manager', 'discount.overLimit')).ok).toBe(true);
    await call(services, 'cart.setLineDiscount', twenty);
    // Used up: the next one needs another approval.
    expect(
      (await failure('cart.setOrderDiscount', { discount: { kind: 'percent', bp: 5_000 } })).code,
    ).toBe('permission_required');
    const sale = await call(services, 'sale.payCash', { tenderedMinor: 1_000 });
    const entry = ledger().find((e) => e.id === sale.id);
    expect(entry?.detail.operator).toEqual({ id: ids.cashier, name: 'Li Na', role: 'cashier' });
    expect(entry?.detail.override).toEqual({
      by: { id: ids.manager, name: 'Zhao Lei', role: 'manager' },
      permission: 'discount.overLimit',
    });
    await login('owner');
    const actions = (await call(services, 'audit.list', { limit: 100 })).map((a) => a.action);
    expect(actions).toContain('override_granted');
    expect(actions).toContain('override_used');
    expect(actions).toContain('override_refused');
  });

  it('a no-sale drawer open by a cashier needs a manager and is a no_sale entry', async () => {
    await login('cashier');
    await call(services, 'shift.open', { floatMinor: 0 });
    expect((await failure('printer.kickDrawer', { pin: 2 })).code).toBe('permission_required');
    await override('manager', 'drawer.noSale');
    await call(services, 'printer.kickDrawer', { pin: 2 });
    const entry = ledger().at(-1);
    expect(entry).toMatchObject({ type: 'no_sale', amount: 0, tenders: [] });
    expect(entry?.detail).toMatchObject({
      kind: 'drawer_open',
      override: { by: { name: 'Zhao Lei' } },
    });
  });
});

describe('shifts and cash', () => {
  it('reconciles a hand-computed shift and refuses what the drawer cannot cover', async () => {
    await login('cashier');
    expect((await failure('sale.payCash', { tenderedMinor: 1_000 })).code).toBe('cart_empty');
    await call(services, 'cart.scan', { code: MILK });
    expect((await failure('sale.payCash', { tenderedMinor: 1_000 })).code).toBe('shift_not_open');
    await call(services, 'shift.open', { floatMinor: 20_000 }); // float 200.00
    await call(services, 'sale.payCash', { tenderedMinor: 1_000 }); // 3.50, change 6.50
    await call(services, 'cart.scan', { code: MILK });
    await call(services, 'cart.scan', { code: MILK });
    await call(services, 'sale.payCash', { tenderedMinor: 5_000 }); // 7.00, change 43.00
    expect(
      (await failure('shift.payIn', { amountMinor: 5_000, reason: 'change float' })).code,
    ).toBe('permission_required');
    await override('manager', 'cash.payInOut');
    await call(services, 'shift.payIn', { amountMinor: 5_000, reason: 'change float' }); // +50.00
    await override('manager', 'cash.payInOut');
    await call(services, 'shift.payOut', { amountMinor: 3_000, reason: 'window cleaner' }); // −30.00
    // The drawer should hold 200 + 3.50 + 7.00 + 50 − 30 = 230.50: 300.00 is refused.
    await override('manager', 'cash.payInOut');
    expect((await failure('shift.payOut', { amountMinor: 30_000, reason: 'too much' })).code).toBe(
      'pay_out_exceeds_cash',
    );
    // A drop needs no reason; the cashier may drop without approval.
    await call(services, 'shift.drop', { amountMinor: 10_000, reason: '' });
    // The drop went through (a reason is optional for a drop): 230.50 − 100.00 = 130.50.
    const view = await call(services, 'shift.current', {});
    expect(view.totals).toEqual({
      saleCount: 2,
      salesMinor: 1_050,
      payInsMinor: 5_000,
      payOutsMinor: 3_000,
      dropsMinor: 10_000,
      noSaleCount: 0,
    });
    expect(JSON.stringify(view)).not.toContain('13050');

    // Blind count: 100 + 20 + 10 + 1 = 131.00, 0.50 over, within the 5.00 tolerance.
    const closed = await call(services, 'shift.close', {
      denominations: { '10000': 1, '2000': 1, '1000': 1, '100': 1, '50': 0 },
    });
    expect(closed.byMethod).toEqual({
      cash: { expectedMinor: 13_050, countedMinor: 13_100, differenceMinor: 50 },
    });
    expect(closed.approvedBy).toBeNull();

    const entries = ledger();
    const types = entries.map((e) => e.type);
    expect(types.slice(-7)).toEqual([
      'shift_open',
      'sale',
      'sale',
      'pay_in',
      'pay_out',
      'no_sale',
      'shift_close',
    ]);
    const payOut = entries.find((e) => e.type === 'pay_out');
    expect(payOut).toMatchObject({ amount: -3_000, tenders: [{ method: 'cash', amount: -3_000 }] });
    expect(payOut?.detail).toMatchObject({
      reason: 'window cleaner',
      override: { permission: 'cash.payInOut' },
    });
    const close = entries.at(-1);
    expect(close?.detail).toMatchObject({
      denominations: { '10000': 1, '2000': 1, '1000': 1, '100': 1 },
      byMethod: { cash: { differenceMinor: 50 } },
    });
    // Every entry follows upstream-sync-v1 and names who did it.
    for (const entry of entries) {
      const { seq, prevHash, hash, ...rest } = entry;
      expect(() => checkNewEntry(rest), `seq ${seq}`).not.toThrow();
      expect(entry.detail.operator, `seq ${seq}`).toHaveProperty('id');
    }
    await login('owner');
    const health = await call(services, 'diagnostics.database', { full: false });
    expect(health.chain).toMatchObject({ ok: true, count: entries.length });
  });

  it('a count beyond the tolerance closes only with an owner’s approval', async () => {
    await login('cashier');
    await call(services, 'shift.open', { floatMinor: 10_000 });
    const short = { denominations: { '5000': 1, '2000': 2 } }; // 90.00: 10.00 short
    expect(await failure('shift.close', short)).toMatchObject({
      code: 'difference_needs_approval',
      params: { permission: 'shift.approveDifference' },
    });
    expect(await failure('shift.close', short)).not.toHaveProperty('params.expectedMinor');
    expect((await override('manager', 'shift.approveDifference')).ok).toBe(false);
    expect((await override('owner', 'shift.approveDifference')).ok).toBe(true);
    const closed = await call(services, 'shift.close', short);
    expect(closed.byMethod.cash).toEqual({
      expectedMinor: 10_000,
      countedMinor: 9_000,
      differenceMinor: -1_000,
    });
    expect(closed.approvedBy?.name).toBe(TEST_OWNER.ownerName);
    expect(ledger().at(-1)?.detail.approvedBy).toMatchObject({ role: 'owner' });
  });

  it('one shift at a time: another cashier cannot sell in it', async () => {
    await login('cashier');
    await call(services, 'shift.open', { floatMinor: 0 });
    await login('manager');
    expect(await failure('shift.open', { floatMinor: 0 })).toMatchObject({
      code: 'shift_already_open',
      params: { name: 'Li Na' },
    });
    await call(services, 'cart.scan', { code: MILK });
    expect((await failure('sale.payCash', { tenderedMinor: 350 })).code).toBe('shift_other_user');
    expect((await call(services, 'shift.current', {})).totals).toBeNull();
  });
});
