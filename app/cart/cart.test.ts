import { describe, expect, it } from 'vitest';
import {
  addProduct,
  emptyCart,
  removeLine,
  setLineDiscount,
  setOrderDiscount,
  setQuantity,
} from './cart';
import { product } from './test-carts';

const cola = product('cola', 350);
const milk = product('milk', 1280, 'reduced');

describe('cart', () => {
  it('adds a repeat scan to the same line and keeps a price snapshot', () => {
    let cart = addProduct(emptyCart('CNY'), cola, 'a');
    cart = addProduct(cart, milk, 'b');
    cart = addProduct(cart, { ...cola, priceMinor: 999 }, 'c');
    expect(cart.lines.map((l) => [l.lineId, l.quantity, l.unitPriceMinor])).toEqual([
      ['a', 2, 350],
      ['b', 1, 1280],
    ]);
  });

  it('starts a new line for a product whose line is discounted', () => {
    let cart = addProduct(emptyCart('CNY'), cola, 'a');
    const discounted = setLineDiscount(cart, 'a', { kind: 'percent', bp: 500 });
    if (!discounted.ok) throw new Error('discount refused');
    cart = addProduct(discounted.value, cola, 'b');
    expect(cart.lines).toHaveLength(2);
  });

  it.each([0, -1, 1.5, 10_000, Number.NaN])('refuses quantity %s', (quantity) => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a');
    expect(setQuantity(cart, 'a', quantity)).toMatchObject({
      ok: false,
      error: { code: 'invalid_quantity' },
    });
  });

  it('sets quantities 1 and 9999 and refuses unknown lines', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a');
    expect(setQuantity(cart, 'a', 9999)).toMatchObject({
      ok: true,
      value: { lines: [{ quantity: 9999 }] },
    });
    expect(setQuantity(cart, 'zz', 2)).toMatchObject({
      ok: false,
      error: { code: 'line_not_found' },
    });
    expect(removeLine(cart, 'zz')).toMatchObject({ ok: false, error: { code: 'line_not_found' } });
    expect(removeLine(cart, 'a')).toMatchObject({ ok: true, value: { lines: [] } });
  });

  it('refuses discounts over the price or over 100 %', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a');
    expect(setLineDiscount(cart, 'a', { kind: 'amount', minor: 351 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_discount' },
    });
    expect(setLineDiscount(cart, 'a', { kind: 'amount', minor: 350 })).toMatchObject({ ok: true });
    expect(setLineDiscount(cart, 'a', { kind: 'percent', bp: 10_001 })).toMatchObject({
      ok: false,
    });
    expect(setLineDiscount(cart, 'a', { kind: 'percent', bp: 12.5 })).toMatchObject({ ok: false });
    expect(setOrderDiscount(cart, { kind: 'amount', minor: 351 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_discount' },
    });
    expect(setOrderDiscount(cart, { kind: 'percent', bp: 10_000 })).toMatchObject({ ok: true });
  });
});
