import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTotals } from './totals';
import { cartOf, pricing } from './test-carts';
import type { Discount } from './cart-types';
import { taxOf } from '../tax/tax';

const roundings = ['per-line', 'per-receipt'] as const;
const modes = ['inclusive', 'exclusive'] as const;

describe('computeTotals: rounding regressions from other POS systems (RELIABILITY.md "Money")', () => {
  it('per-line tax 11.33 vs per-receipt 11.34 (odoo #6224): each mode gives its own exact figure', () => {
    // Exclusive 13 %: lines 29.10, 29.10, 29.00 → taxes 3.783, 3.783, 3.770.
    // Per line: 3.78 + 3.78 + 3.77 = 11.33. Per receipt: 87.20 × 13 % = 11.336 → 11.34.
    const cart = cartOf([
      [2910, 1],
      [2910, 1],
      [2900, 1],
    ]);
    const perLine = computeTotals(cart, pricing('exclusive', 'per-line'));
    const perReceipt = computeTotals(cart, pricing('exclusive', 'per-receipt'));
    expect(perLine.taxMinor).toBe(1133);
    expect(perReceipt.taxMinor).toBe(1134);
    expect(perLine.totalMinor).toBe(8720 + 1133);
    expect(perReceipt.totalMinor).toBe(8720 + 1134);
    // Per receipt, each line still shows its own rounded tax; only the class total differs.
    expect(perReceipt.lines.map((l) => l.taxMinor)).toEqual([378, 378, 377]);
    expect(perReceipt.taxes).toEqual([
      { taxClass: 'standard', rateBp: 1300, baseMinor: 8720, taxMinor: 1134 },
    ]);
  });

  it('the same difference with a second rate: classes are rounded separately', () => {
    // As above plus 12.34 at 9 %: 111.06 → 1.11 in both modes.
    const cart = cartOf([
      [2910, 1],
      [1234, 1, 'reduced'],
      [2910, 1],
      [2900, 1],
    ]);
    expect(computeTotals(cart, pricing('exclusive', 'per-line'))).toMatchObject({
      taxes: [
        { taxClass: 'standard', rateBp: 1300, baseMinor: 8720, taxMinor: 1133 },
        { taxClass: 'reduced', rateBp: 900, baseMinor: 1234, taxMinor: 111 },
      ],
      taxMinor: 1244,
      totalMinor: 11_198,
    });
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt'))).toMatchObject({
      taxMinor: 1245,
      totalMinor: 11_199,
    });
  });

  it('round(a + b) ≠ round(a) + round(b) (odoo #20349): 0.3 + 0.4 fen of tax', () => {
    // Exclusive 10 %: nets of 3 and 4 fen carry 0.3 and 0.4 fen of tax.
    // Per line: round(0.3) + round(0.4) = 0. Per receipt: round(0.7) = 1.
    const cart = cartOf([
      [3, 1],
      [4, 1],
    ]);
    expect(computeTotals(cart, pricing('exclusive', 'per-line', 1000)).taxMinor).toBe(0);
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt', 1000)).taxMinor).toBe(1);
    expect(computeTotals(cart, pricing('exclusive', 'per-line', 1000)).totalMinor).toBe(7);
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt', 1000)).totalMinor).toBe(8);
  });

  it('mixed rates with tax-inclusive prices (odoo #230726): the total is the shelf prices, 30.15', () => {
    // 9.99 at 13 % holds 999 × 13/113 = 114.93 → 1.15; 20.16 at 9 % holds 2016 × 9/109 =
    // 166.46 → 1.66. One line per class, so both rounding modes agree.
    for (const rounding of roundings) {
      const totals = computeTotals(
        cartOf([
          [999, 1, 'standard'],
          [2016, 1, 'reduced'],
        ]),
        pricing('inclusive', rounding),
      );
      expect(totals.totalMinor).toBe(3015);
      expect(totals.taxes).toEqual([
        { taxClass: 'standard', rateBp: 1300, baseMinor: 884, taxMinor: 115 },
        { taxClass: 'reduced', rateBp: 900, baseMinor: 1850, taxMinor: 166 },
      ]);
      expect(totals.taxMinor).toBe(281);
    }
  });

  it('with inclusive prices the rounding mode moves tax and base, never the total', () => {
    // Three 1.00 lines at 13 %: per line 100 × 13/113 = 11.504 → 12 each, 36 in all;
    // per receipt 300 × 13/113 = 34.513 → 35. The customer pays 3.00 either way.
    const cart = cartOf([
      [100, 1],
      [100, 1],
      [100, 1],
    ]);
    const perLine = computeTotals(cart, pricing('inclusive', 'per-line'));
    const perReceipt = computeTotals(cart, pricing('inclusive', 'per-receipt'));
    expect(perLine.totalMinor).toBe(300);
    expect(perReceipt.totalMinor).toBe(300);
    expect(perLine.taxes).toEqual([
      { taxClass: 'standard', rateBp: 1300, baseMinor: 264, taxMinor: 36 },
    ]);
    expect(perReceipt.taxes).toEqual([
      { taxClass: 'standard', rateBp: 1300, baseMinor: 265, taxMinor: 35 },
    ]);
  });

  it('no double rounding of tax-inclusive discounts (erpnext #52236): tax taken once on the net', () => {
    // 1.05 less 0.05 = 1.00 inclusive 13 %: tax 100 × 13/113 = 11.504 → 12 fen. Taking tax on
    // the price (12.08 → 12) minus tax on the discount (0.575 → 1) would give 11.
    const totals = computeTotals(
      cartOf([[105, 1, 'standard', { kind: 'amount', minor: 5 }]]),
      pricing('inclusive', 'per-line'),
    );
    expect(totals.totalMinor).toBe(100);
    expect(totals.taxMinor).toBe(12);
  });

  it('a 100 % order discount leaves exactly nothing to pay (erpnext #52001)', () => {
    const cart = cartOf(
      [
        [333, 3],
        [1999, 1, 'reduced'],
        [1, 7],
      ],
      { kind: 'percent', bp: 10_000 },
    );
    for (const mode of modes) {
      for (const rounding of roundings) {
        const totals = computeTotals(cart, pricing(mode, rounding));
        expect(totals.totalMinor).toBe(0);
        expect(totals.taxMinor).toBe(0);
        expect(totals.subtotalMinor).toBe(999 + 1999 + 7);
        expect(totals.discountMinor).toBe(999 + 1999 + 7);
        expect(totals.lines.map((l) => l.netMinor)).toEqual([0, 0, 0]);
      }
    }
  });

  it('100 % line discounts, and an amount discount equal to the price, leave exactly 0', () => {
    const cart = cartOf([
      [333, 3, 'standard', { kind: 'percent', bp: 10_000 }],
      [1999, 1, 'reduced', { kind: 'amount', minor: 1999 }],
    ]);
    for (const mode of modes) {
      for (const rounding of roundings) {
        const totals = computeTotals(cart, pricing(mode, rounding));
        expect([totals.totalMinor, totals.taxMinor, totals.discountMinor]).toEqual([0, 0, 2998]);
      }
    }
  });
});

describe('computeTotals: discounts', () => {
  it('rounds a percent line discount once and spreads an order discount exactly', () => {
    // Line 1: 3 × 3.33 = 9.99, 10 % off = 0.999 → 1.00. Line 2: 5.01.
    // Order 1.00 over 8.99 and 5.01 → 0.6421 and 0.3579: floors 0.64 + 0.35, the spare
    // fen to the larger remainder → 0.64 and 0.36.
    const totals = computeTotals(
      cartOf(
        [
          [333, 3, 'standard', { kind: 'percent', bp: 1000 }],
          [501, 1],
        ],
        { kind: 'amount', minor: 100 },
      ),
      pricing('inclusive', 'per-line'),
    );
    expect(
      totals.lines.map((l) => [l.lineDiscountMinor, l.orderDiscountMinor, l.netMinor]),
    ).toEqual([
      [100, 64, 835],
      [0, 36, 465],
    ]);
    expect(totals.subtotalMinor).toBe(1500);
    expect(totals.discountMinor).toBe(200);
    expect(totals.totalMinor).toBe(1300);
  });

  it('rounds an order percent once on the subtotal, not once per line', () => {
    // Two 1.01 lines, 50 % off the order: 202 × 50 % = 1.01 off. Per line it would be
    // 50.5 → 51 twice = 1.02. The 1.01 splits 51 + 50 (a tie goes to the first line).
    const totals = computeTotals(
      cartOf(
        [
          [101, 1],
          [101, 1],
        ],
        { kind: 'percent', bp: 5000 },
      ),
      pricing('inclusive', 'per-line'),
    );
    expect(totals.discountMinor).toBe(101);
    expect(totals.lines.map((l) => l.orderDiscountMinor)).toEqual([51, 50]);
    expect(totals.totalMinor).toBe(101);
  });

  it('takes exclusive tax on the discounted net', () => {
    // 10.00 less 10 % = 9.00; 13 % of 9.00 = 1.17; the customer pays 10.17.
    const totals = computeTotals(
      cartOf([[1000, 1]], { kind: 'percent', bp: 1000 }),
      pricing('exclusive', 'per-line'),
    );
    expect(totals.taxes).toEqual([
      { taxClass: 'standard', rateBp: 1300, baseMinor: 900, taxMinor: 117 },
    ]);
    expect(totals.totalMinor).toBe(1017);
  });

  it('never lets a discount exceed its line after a quantity change', () => {
    const totals = computeTotals(
      cartOf([[100, 1, 'standard', { kind: 'amount', minor: 500 }]]),
      pricing('inclusive', 'per-line'),
    );
    expect(totals.lines[0]).toMatchObject({ grossMinor: 100, lineDiscountMinor: 100, netMinor: 0 });
  });

  it('clamps an order amount to what is left after line discounts', () => {
    const totals = computeTotals(
      cartOf([[100, 2, 'standard', { kind: 'amount', minor: 150 }]], { kind: 'amount', minor: 99 }),
      pricing('exclusive', 'per-receipt'),
    );
    expect(totals.discountMinor).toBe(200);
    expect(totals.totalMinor).toBe(0);
  });
});

describe('computeTotals: shape', () => {
  it('is all zeros for an empty cart, even with an order discount', () => {
    expect(
      computeTotals(cartOf([], { kind: 'amount', minor: 0 }), pricing('exclusive', 'per-line')),
    ).toEqual({
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      taxes: [],
      taxMinor: 0,
      totalMinor: 0,
      itemCount: 0,
    });
  });

  it('lists taxes in the settings order, only for classes in the cart, and counts items', () => {
    const reducedOnly = computeTotals(
      cartOf([[1090, 2, 'reduced']]),
      pricing('inclusive', 'per-line'),
    );
    // 21.80 at 9 % inclusive: 2180 × 9/109 = 180 exactly.
    expect(reducedOnly.taxes).toEqual([
      { taxClass: 'reduced', rateBp: 900, baseMinor: 2000, taxMinor: 180 },
    ]);
    const both = computeTotals(
      cartOf([
        [1090, 2, 'reduced'],
        [1130, 3, 'standard'],
      ]),
      pricing('inclusive', 'per-line'),
    );
    expect(both.taxes.map((t) => t.taxClass)).toEqual(['standard', 'reduced']);
    expect(both.itemCount).toBe(5);
    expect(both.subtotalMinor).toBe(2180 + 3390);
  });
});

const discountArb: fc.Arbitrary<Discount | undefined> = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('amount' as const), minor: fc.integer({ min: 0, max: 50_000 }) }),
  ),
  { nil: undefined },
);

const linesArb = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 1, max: 9999 }),
    fc.constantFrom('standard' as const, 'reduced' as const),
    discountArb,
  ),
  { maxLength: 25 },
);

describe('computeTotals: for any cart', () => {
  it('adds up exactly: Σ net (+ Σ tax when exclusive) = total, discounts reconcile, nothing negative', () => {
    fc.assert(
      fc.property(
        linesArb,
        discountArb,
        fc.constantFrom(...modes),
        fc.constantFrom(...roundings),
        (lines, order, mode, rounding) => {
          const totals = computeTotals(cartOf(lines, order ?? null), pricing(mode, rounding));
          const net = totals.lines.reduce((s, l) => s + l.netMinor, 0);
          const tax = totals.taxes.reduce((s, t) => s + t.taxMinor, 0);
          expect(totals.taxMinor).toBe(tax);
          expect(totals.totalMinor).toBe(mode === 'inclusive' ? net : net + tax);
          const discountParts = totals.lines.reduce(
            (s, l) => s + l.lineDiscountMinor + l.orderDiscountMinor,
            0,
          );
          expect(discountParts).toBe(totals.discountMinor);
          expect(totals.subtotalMinor - totals.discountMinor).toBe(net);
          expect(totals.itemCount).toBe(lines.reduce((s, [, q]) => s + q, 0));
          totals.lines.forEach((l, i) => {
            const [price, quantity] = lines[i]!;
            expect(l.grossMinor).toBe(price * quantity);
            expect(l.grossMinor - l.lineDiscountMinor - l.orderDiscountMinor).toBe(l.netMinor);
            expect(l.netMinor).toBeGreaterThanOrEqual(0);
            expect(l.lineDiscountMinor).toBeGreaterThanOrEqual(0);
            expect(l.orderDiscountMinor).toBeGreaterThanOrEqual(0);
          });
          for (const t of totals.taxes) {
            expect(t.baseMinor).toBeGreaterThanOrEqual(0);
            expect(t.taxMinor).toBeGreaterThanOrEqual(0);
          }
          const all = [
            totals.subtotalMinor,
            totals.discountMinor,
            totals.totalMinor,
            totals.taxMinor,
            ...totals.taxes.flatMap((t) => [t.baseMinor, t.taxMinor]),
            ...totals.lines.flatMap((l) => [
              l.grossMinor,
              l.lineDiscountMinor,
              l.orderDiscountMinor,
              l.netMinor,
              l.taxMinor,
            ]),
          ];
          expect(all.every(Number.isSafeInteger)).toBe(true);
        },
      ),
    );
  });

  it('rounds each class as its mode says: Σ rounded line taxes, or one rounding of Σ nets', () => {
    fc.assert(
      fc.property(
        linesArb,
        discountArb,
        fc.constantFrom(...modes),
        fc.constantFrom(...roundings),
        (lines, order, mode, rounding) => {
          const settings = pricing(mode, rounding);
          const cart = cartOf(lines, order ?? null);
          const totals = computeTotals(cart, settings);
          for (const t of totals.taxes) {
            const inClass = totals.lines.filter((_, i) => cart.lines[i]?.taxClass === t.taxClass);
            const classNet = inClass.reduce((s, l) => s + l.netMinor, 0);
            expect(t.baseMinor).toBe(mode === 'inclusive' ? classNet - t.taxMinor : classNet);
            expect(t.taxMinor).toBe(
              rounding === 'per-line'
                ? inClass.reduce((s, l) => s + taxOf(l.netMinor, t.rateBp, mode), 0)
                : taxOf(classNet, t.rateBp, mode),
            );
          }
        },
      ),
    );
  });

  it('with inclusive prices the total is the same whichever tax rounding the shop picks', () => {
    fc.assert(
      fc.property(linesArb, discountArb, (lines, order) => {
        const cart = cartOf(lines, order ?? null);
        expect(computeTotals(cart, pricing('inclusive', 'per-line')).totalMinor).toBe(
          computeTotals(cart, pricing('inclusive', 'per-receipt')).totalMinor,
        );
      }),
    );
  });
});
