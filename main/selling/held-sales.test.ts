import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import { CartService } from '../cart/cart-service';
import { CatalogStore } from '../catalog/catalog-store';
import { demoCatalog } from '../catalog/demo-catalog';
import { EventBus } from '../kernel/event-bus';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { SettingsStore } from '../settings/settings-store';
import { AuditLog } from '../staff/audit-log';
import { HeldSales } from './held-sales';

const cashier: OperatorRef = { id: 'u-cashier', name: 'Li Na', role: 'cashier' };
const approval: OverrideRef = {
  by: { id: 'u-manager', name: 'Zhao Lei', role: 'manager' },
  permission: 'discount.overLimit',
};
const cola = demoCatalog().find((p) => p.unit === 'piece');
if (!cola) throw new Error('demo catalog lacks a piece product');

let temp: TempDatabase | null = null;
afterEach(() => temp?.dispose());

function setUp() {
  temp = tempDatabase('countertop-held-');
  const { db } = temp;
  const catalog = new CatalogStore(db);
  catalog.upsertMany(demoCatalog());
  const cart = new CartService(catalog, new SettingsStore(db), new EventBus());
  let overrides: OverrideRef[] = [];
  const held = new HeldSales({
    db,
    cart,
    overrides: { list: () => overrides, add: (o) => (overrides = [...overrides, o]) },
    audit: new AuditLog(db, () => 'test'),
    now: () => new Date('2026-11-23T10:00:00.000Z'),
    newId: () => '7d3c1a52-5f0e-4b7e-9a55-0c1f2f1c0a01',
  });
  return {
    cart,
    held,
    overrides: () => overrides,
    setOverrides: (next: OverrideRef[]) => (overrides = next),
  };
}

describe('HeldSales', () => {
  it('holds the cart with its manager-approved discount and brings both back', () => {
    const { cart, held, overrides, setOverrides } = setUp();
    cart.addProductById(cola.id, 4);
    cart.setOrderDiscount({ kind: 'percent', bp: 5_000 });
    setOverrides([approval]);
    const before = cart.view();

    held.hold(cashier, '  table 4 ');
    // What the app does when the cart empties (services.ts): the overrides go with it.
    setOverrides([]);
    expect(cart.current().lines).toEqual([]);
    expect(held.list()).toEqual([
      expect.objectContaining({ note: 'table 4', operatorName: 'Li Na', itemCount: 4 }),
    ]);

    const recalled = held.recall(held.list()[0]?.id ?? '');
    expect(recalled.totals).toEqual(before.totals);
    expect(recalled.orderDiscount).toEqual({ kind: 'percent', bp: 5_000 });
    expect(overrides()).toEqual([approval]);
    expect(held.list()).toEqual([]);
  });

  it('refuses to hold an empty cart and a recall into a cart with lines', () => {
    const { cart, held } = setUp();
    expect(() => held.hold(cashier, 'x')).toThrow(expect.objectContaining({ code: 'cart_empty' }));
    cart.addProductById(cola.id, 1);
    const parked = held.hold(cashier, 'first');
    cart.addProductById(cola.id, 2);
    expect(() => held.recall(parked.id)).toThrow(
      expect.objectContaining({ code: 'cart_not_empty' }),
    );
    expect(held.list()).toHaveLength(1);
    expect(cart.current().lines[0]?.quantity).toBe(2);
  });
});
