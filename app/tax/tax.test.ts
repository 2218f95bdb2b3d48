import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taxOf } from './tax';

describe('taxOf', () => {
  it.each([
    // amount, rate bp, expected, exact value
    [1000, 1300, 130], // 10.00 × 13 % = 1.30
    [2910, 1300, 378], // 378.3 → 378
    [2900, 1300, 377], // exactly 377
    [15, 1300, 2], // 1.95 → 2
    [5, 1000, 1], // 0.5 → 1: half away from zero
    [4, 1000, 0], // 0.4 → 0
    [-5, 1000, -1], // -0.5 → -1 (a refund mirrors a sale)
    [1999, 0, 0], // a zero rate
  ])('exclusive: %i at %i bp carries %i', (amount, rate, tax) => {
    expect(taxOf(amount, rate, 'exclusive')).toBe(tax);
  });

  it.each([
    // amount, rate bp, expected tax held inside the price
    [1130, 1300, 130], // 11.30 = 10.00 + 1.30 exactly
    [999, 1300, 115], // 999 × 13 / 113 = 114.93 → 115
    [100, 1300, 12], // 100 × 13 / 113 = 11.504 → 12
    [2016, 900, 166], // 2016 × 9 / 109 = 166.46 → 166
    [1, 10_000, 1], // 1 × 1 / 2 = 0.5 → 1
    [3, 10_000, 2], // 1.5 → 2
    [-3, 10_000, -2], // -1.5 → -2
    [1999, 0, 0],
  ])('inclusive: %i at %i bp holds %i', (amount, rate, tax) => {
    expect(taxOf(amount, rate, 'inclusive')).toBe(tax);
  });

  it('refuses float amounts and rates, and negative rates', () => {
    expect(() => taxOf(10.5, 1300, 'exclusive')).toThrow(RangeError);
    expect(() => taxOf(1000, 12.5, 'inclusive')).toThrow(RangeError);
    expect(() => taxOf(1000, -1300, 'exclusive')).toThrow(RangeError);
  });

  it('inclusive tax never exceeds the price, and base + exclusive tax recovers it within a unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (price, rate) => {
          const tax = taxOf(price, rate, 'inclusive');
          expect(tax).toBeGreaterThanOrEqual(0);
          expect(tax).toBeLessThanOrEqual(price);
          const base = price - tax;
          expect(Math.abs(base + taxOf(base, rate, 'exclusive') - price)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
