import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTotals } from './totals';
import { cartOf, pricing } from './test-carts';
import type { Discount } from './cart-types';

describe('computeTotals: rounding regressions from other POS systems (RELIABILITY.md)', () => {
  it('per-line tax 11.33 vs per-receipt 11.34 (odoo #6224): each mode gives its own exact figure', () => {
    // Exclusive 13 %: lines 29.10, 29.10, 29.00 → taxes 3.783, 3.783, 3.770.
    // Per line: 3.78 + 3.78 + 3.77 = 11.33. Per receipt: 87.20 × 13 % = 11.336 → 11.34.
    const cart = cartOf([
      [2910, 1],
      [2910, 1],
      [2900, 1],
    ]);
    expect(computeTotals(cart, pricing('exclusive', 'per-line')).taxMinor).toBe(1133);
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt')).taxMinor).toBe(1134);
    expect(computeTotals(cart, pricing('exclusive', 'per-line')).totalMinor).toBe(8720 + 1133);
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt')).totalMinor).toBe(8720 + 1134);
  });

  it('round(a + b) ≠ round(a) + round(b) (odoo #20349): 0.3 + 0.4 fen of tax', () => {
    // Exclusive 10 %: nets of 3 and 4 fen carry 0.3 and 0.4 fen of tax.
    const cart = cartOf([
      [3, 1],
      [4, 1],
    ]);
    expect(computeTotals(cart, pricing('exclusive', 'per-line', 1000)).taxMinor).toBe(0);
    expect(computeTotals(cart, pricing('exclusive', 'per-receipt', 1000)).taxMinor).toBe(1);
  });

  it('mixed rates with tax-inclusive prices (odoo #230726): the total is the shelf prices, 30.15', () => {
    // 9.99 at 13 % holds 1.149 → 1.15; 20.16 at 9 % holds 1.664 → 1.66.
    for (const rounding of ['per-line', 'per-receipt'] as const) {
      const totals = computeTotals(
        cartOf([
          [999, 1, 'standard'],
          [2016, 1, 'reduced'],
        ]),
        pricing('inclusive', rounding),
      );
      expect(totals.totalMinor).toBe(3015);
      expect(totals.taxes).toEqual([
        { taxClass: 'standard', rateBp: 1300, baseMinor: 999 - 115, taxMinor: 115 },
        { taxClass: 'reduced', rateBp: 900, baseMinor: 2016 - 166, taxMinor: 166 },
      ]);
    }
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

  it('a 100 % discount leaves exactly nothing to pay (erpnext #52001)', () => {
    const cart = cartOf(
      [
        [333, 3],
        [1999, 1, 'reduced'],
        [1, 7],
      ],
      { kind: 'percent', bp: 10_000 },
    );
    for (const mode of ['inclusive', 'exclusive'] as const) {
      const totals = computeTotals(cart, pricing(mode, 'per-receipt'));
      expect(totals.totalMinor).toBe(0);
      expect(totals.taxMinor).toBe(0);
      expect(totals.discountMinor).toBe(totals.subtotalMinor);
    }
  });
});

describe('computeTotals: discounts', () => {
  it('rounds a percent line discount once and spreads an order discount exactly', () => {
    // Line 1: 3 × 3.33 = 9.99, 10 % off = 0.999 → 1.00. Line 2: 5.01.
    // Order 1.00 over 8.99 and 5.01 → 0.64 and 0.36 (largest remainder).
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
    expect(totals.discountMinor).toBe(200);
    expect(totals.totalMinor).toBe(1300);
  });

  it('never lets a discount exceed its line after a quantity change', () => {
    const totals = computeTotals(
      cartOf([[100, 1, 'standard', { kind: 'amount', minor: 500 }]]),
      pricing('inclusive', 'per-line'),
    );
    expect(totals.lines[0]!.netMinor).toBe(0);
  });
});

const discountArb: fc.Arbitrary<Discount | undefined> = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('amount' as const), minor: fc.integer({ min: 0, max: 50_000 }) }),
  ),
  { nil: undefined },
);

describe('computeTotals: for any cart', () => {
  it('adds up exactly: Σ net (+ Σ tax when exclusive) = total, discounts reconcile, nothing negative', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 1_000_000 }),
            fc.integer({ min: 1, max: 9999 }),
            fc.constantFrom('standard' as const, 'reduced' as const),
            discountArb,
          ),
          { maxLength: 25 },
        ),
        discountArb,
        fc.constantFrom('inclusive' as const, 'exclusive' as const),
        fc.constantFrom('per-line' as const, 'per-receipt' as const),
        (lines, order, mode, rounding) => {
          const totals = computeTotals(cartOf(lines, order ?? null), pricing(mode, rounding));
          const net = totals.lines.reduce((s, l) => s + l.netMinor, 0);
          const tax = totals.taxes.reduce((s, t) => s + t.taxMinor, 0);
          expect(totals.totalMinor).toBe(mode === 'inclusive' ? net : net + tax);
          expect(totals.subtotalMinor - totals.discountMinor).toBe(net);
          for (const l of totals.lines) {
            expect(l.grossMinor - l.lineDiscountMinor - l.orderDiscountMinor).toBe(l.netMinor);
            expect(l.netMinor).toBeGreaterThanOrEqual(0);
          }
          const all = [totals.totalMinor, totals.taxMinor, ...totals.lines.map((l) => l.taxMinor)];
          expect(all.every(Number.isSafeInteger)).toBe(true);
          if (mode === 'inclusive') {
            for (const t of totals.taxes)
              expect(t.baseMinor + t.taxMinor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
