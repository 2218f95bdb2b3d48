import { describe, expect, it } from 'vitest';
import {
  addProduct,
  emptyCart,
  lineDiscountOf,
  removeLine,
  setLineDiscount,
  setOrderDiscount,
  setQuantity,
  validateDiscount,
} from './cart';
import type { Cart } from './cart-types';
import { product } from './test-carts';
import type { Result } from '../result';

const cola = product('cola', 350);
const milk = product('milk', 1280, 'reduced');

/** The cart inside an ok result; a refusal fails the test with its code. */
function value(result: Result<Cart>): Cart {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

describe('addProduct', () => {
  it('starts empty in the shop currency', () => {
    expect(emptyCart('CNY')).toEqual({ currency: 'CNY', lines: [], orderDiscount: null });
  });

  it('snapshots the product on a new line', () => {
    const cart = addProduct(emptyCart('CNY'), milk, 'a', 2);
    expect(cart.lines).toEqual([
      {
        lineId: 'a',
        productId: 'milk',
        sku: 'SKU-milk',
        barcode: '4006381333931',
        nameEn: 'Product milk',
        nameZh: '商品 milk',
        unitPriceMinor: 1280,
        taxClass: 'reduced',
        quantity: 2,
        discount: null,
      },
    ]);
  });

  it('adds a repeat scan to the same line and keeps the first price snapshot', () => {
    let cart = addProduct(emptyCart('CNY'), cola, 'a');
    cart = addProduct(cart, milk, 'b');
    cart = addProduct(cart, { ...cola, priceMinor: 999 }, 'c', 3);
    expect(cart.lines.map((l) => [l.lineId, l.quantity, l.unitPriceMinor])).toEqual([
      ['a', 4, 350],
      ['b', 1, 1280],
    ]);
  });

  it('starts a new line for a product whose line is discounted', () => {
    const first = addProduct(emptyCart('CNY'), cola, 'a');
    const cart = addProduct(
      value(setLineDiscount(first, 'a', { kind: 'percent', bp: 500 })),
      cola,
      'b',
    );
    expect(cart.lines.map((l) => [l.lineId, l.quantity, l.discount])).toEqual([
      ['a', 1, { kind: 'percent', bp: 500 }],
      ['b', 1, null],
    ]);
  });

  it('stops a merged quantity at 9999', () => {
    const cart = addProduct(addProduct(emptyCart('CNY'), cola, 'a', 9998), cola, 'b', 5);
    expect(cart.lines.map((l) => l.quantity)).toEqual([9999]);
  });

  it('never changes the cart it was given', () => {
    const before = addProduct(emptyCart('CNY'), cola, 'a');
    const snapshot = JSON.parse(JSON.stringify(before)) as Cart;
    addProduct(before, cola, 'b');
    addProduct(before, milk, 'c');
    value(setQuantity(before, 'a', 5));
    value(setLineDiscount(before, 'a', { kind: 'amount', minor: 10 }));
    value(setOrderDiscount(before, { kind: 'amount', minor: 10 }));
    value(removeLine(before, 'a'));
    expect(before).toEqual(snapshot);
  });

  it.each([0, -1, 1.5, 10_000, Number.NaN])('throws on the programming error quantity %s', (q) => {
    expect(() => addProduct(emptyCart('CNY'), cola, 'a', q)).toThrow(RangeError);
  });

  it('refuses a negative or fractional price', () => {
    expect(() => addProduct(emptyCart('CNY'), product('x', -1), 'a')).toThrow(RangeError);
    expect(() => addProduct(emptyCart('CNY'), product('x', 1.5), 'a')).toThrow(RangeError);
  });
});

describe('setQuantity and removeLine', () => {
  it.each([0, -1, 1.5, 10_000, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses quantity %s with invalid_quantity',
    (quantity) => {
      const cart = addProduct(emptyCart('CNY'), cola, 'a');
      expect(setQuantity(cart, 'a', quantity)).toMatchObject({
        ok: false,
        error: { code: 'invalid_quantity', params: { quantity } },
      });
    },
  );

  it('sets quantities 1 and 9999', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a', 3);
    expect(value(setQuantity(cart, 'a', 1)).lines[0]?.quantity).toBe(1);
    expect(value(setQuantity(cart, 'a', 9999)).lines[0]?.quantity).toBe(9999);
  });

  it('refuses unknown lines', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a');
    const notFound = { ok: false, error: { code: 'line_not_found', params: { lineId: 'zz' } } };
    expect(setQuantity(cart, 'zz', 2)).toMatchObject(notFound);
    expect(removeLine(cart, 'zz')).toMatchObject(notFound);
    expect(setLineDiscount(cart, 'zz', null)).toMatchObject(notFound);
  });

  it('removes only the named line', () => {
    const cart = addProduct(addProduct(emptyCart('CNY'), cola, 'a'), milk, 'b');
    expect(value(removeLine(cart, 'a')).lines.map((l) => l.lineId)).toEqual(['b']);
  });
});

describe('discounts', () => {
  it('validates a percent as whole basis points 0..10000', () => {
    for (const bp of [0, 1, 5000, 10_000])
      expect(validateDiscount({ kind: 'percent', bp }, 0)).toEqual({
        ok: true,
        value: { kind: 'percent', bp },
      });
    for (const bp of [-1, 10_001, 12.5, Number.NaN])
      expect(validateDiscount({ kind: 'percent', bp }, 100)).toMatchObject({
        ok: false,
        error: { code: 'invalid_discount' },
      });
  });

  it('validates an amount as whole minor units 0..max', () => {
    expect(validateDiscount({ kind: 'amount', minor: 0 }, 350)).toMatchObject({ ok: true });
    expect(validateDiscount({ kind: 'amount', minor: 350 }, 350)).toMatchObject({ ok: true });
    for (const minor of [351, -1, 0.5, Number.NaN])
      expect(validateDiscount({ kind: 'amount', minor }, 350)).toMatchObject({
        ok: false,
        error: { code: 'invalid_discount', params: { maxMinor: 350 } },
      });
  });

  it('checks a line discount against the line gross (price × quantity)', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a', 2); // gross 7.00
    expect(setLineDiscount(cart, 'a', { kind: 'amount', minor: 701 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_discount' },
    });
    const discounted = value(setLineDiscount(cart, 'a', { kind: 'amount', minor: 700 }));
    expect(discounted.lines[0]?.discount).toEqual({ kind: 'amount', minor: 700 });
    expect(value(setLineDiscount(discounted, 'a', null)).lines[0]?.discount).toBeNull();
  });

  it('checks an order discount against the subtotal after line discounts', () => {
    // 2 × 3.50 less 1.00 on the line, plus 12.80: 18.80 is the most the order may take off.
    let cart = addProduct(addProduct(emptyCart('CNY'), cola, 'a', 2), milk, 'b');
    cart = value(setLineDiscount(cart, 'a', { kind: 'amount', minor: 100 }));
    expect(setOrderDiscount(cart, { kind: 'amount', minor: 1881 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_discount', params: { maxMinor: 1880 } },
    });
    expect(value(setOrderDiscount(cart, { kind: 'amount', minor: 1880 })).orderDiscount).toEqual({
      kind: 'amount',
      minor: 1880,
    });
    expect(value(setOrderDiscount(cart, { kind: 'percent', bp: 10_000 })).orderDiscount).toEqual({
      kind: 'percent',
      bp: 10_000,
    });
    expect(setOrderDiscount(cart, { kind: 'percent', bp: 10_001 })).toMatchObject({ ok: false });
  });

  it('clamps an amount discount to the gross after the quantity drops', () => {
    const cart = addProduct(emptyCart('CNY'), cola, 'a', 3); // 10.50
    const discounted = value(setLineDiscount(cart, 'a', { kind: 'amount', minor: 1000 }));
    const reduced = value(setQuantity(discounted, 'a', 1)); // 3.50 now
    const line = reduced.lines[0]!;
    expect(lineDiscountOf(line)).toBe(350);
  });

  it('rounds a percent line discount half away from zero', () => {
    // 3 × 3.50 = 10.50; 12.5 % of it is 131.25 fen → 131. 15 % of 3.50 is 52.5 → 53.
    const cart = addProduct(emptyCart('CNY'), cola, 'a', 3);
    const line = value(setLineDiscount(cart, 'a', { kind: 'percent', bp: 1250 })).lines[0]!;
    expect(lineDiscountOf(line)).toBe(131);
    const one = value(
      setLineDiscount(value(setQuantity(cart, 'a', 1)), 'a', {
        kind: 'percent',
        bp: 1500,
      }),
    ).lines[0]!;
    expect(lineDiscountOf(one)).toBe(53);
  });
});
