import { describe, expect, it } from 'vitest';
import { staffRoles } from '../ledger/staff-detail';
import { can, permissions, rolePermissions } from './permissions';
import { isOverDiscountLimit } from './policy';
import { countTotal, denominationsOf } from './denominations';

describe('the permission table', () => {
  it('gives the owner everything and binding sync to the owner only', () => {
    for (const permission of permissions) expect(can('owner', permission)).toBe(true);
    for (const role of staffRoles.filter((r) => r !== 'owner')) {
      expect(can(role, 'sync.bind'), role).toBe(false);
      expect(can(role, 'data.backup'), role).toBe(false);
      expect(can(role, 'staff.manage'), role).toBe(false);
      expect(can(role, 'settings.change'), role).toBe(false);
      expect(can(role, 'shift.approveDifference'), role).toBe(false);
    }
  });

  it('lets a cashier sell and drop cash but nothing a manager must approve', () => {
    expect(can('cashier', 'sale.sell')).toBe(true);
    expect(can('cashier', 'cash.drop')).toBe(true);
    for (const p of [
      'discount.overLimit',
      'sale.refund',
      'sale.void',
      'drawer.noSale',
      'cash.payInOut',
      'day.close',
      'reports.view',
    ] as const) {
      expect(can('cashier', p), p).toBe(false);
      expect(can('manager', p), p).toBe(true);
    }
  });

  it('keeps the technician to devices and diagnostics, away from sales and money', () => {
    expect(can('technician', 'diagnostics.run')).toBe(true);
    expect(can('technician', 'devices.manage')).toBe(true);
    expect(can('technician', 'sale.sell')).toBe(false);
    expect(can('technician', 'reports.view')).toBe(false);
    expect(can('cashier', 'diagnostics.run')).toBe(false);
  });

  it('names only known permissions', () => {
    for (const role of staffRoles) {
      for (const p of rolePermissions[role]) expect(permissions).toContain(p);
    }
  });
});

describe('the discount limit', () => {
  const policy = { discountLimitBp: 1_000 };
  it('allows up to the limit and not a basis point more', () => {
    expect(isOverDiscountLimit({ kind: 'percent', bp: 1_000 }, 5_000, policy)).toBe(false);
    expect(isOverDiscountLimit({ kind: 'percent', bp: 1_001 }, 5_000, policy)).toBe(true);
  });
  it('measures an amount against what it applies to, in integers', () => {
    // 10 % of 12.34 is 1.234: 1.23 is within, 1.24 beyond.
    expect(isOverDiscountLimit({ kind: 'amount', minor: 123 }, 1_234, policy)).toBe(false);
    expect(isOverDiscountLimit({ kind: 'amount', minor: 124 }, 1_234, policy)).toBe(true);
  });
});

describe('a blind count', () => {
  it('adds CNY notes and coins exactly', () => {
    expect(countTotal('CNY', { '10000': 3, '2000': 1, '100': 4, '50': 1, '10': 3 })).toBe(32_480);
  });
  it('refuses a denomination the currency lacks and a fractional or negative count', () => {
    expect(countTotal('CNY', { '25': 1 })).toBeNull();
    expect(countTotal('CNY', { '100': 1.5 })).toBeNull();
    expect(countTotal('CNY', { '100': -1 })).toBeNull();
    expect(denominationsOf('JPY')).toContain(10_000);
  });
});
