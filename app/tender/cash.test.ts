import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeFor, quickCashSuggestions, roundCash } from './cash';
import type { CashRoundingStep } from './cash';

describe('roundCash', () => {
  it.each([
    // total, step, due, adjustment (hand-checked)
    [31772, 10, 31770, -2], // 317.72 → 317.70
    [31775, 10, 31780, 5], // 317.75 → 317.80: a tie goes away from zero
    [31774, 10, 31770, -4],
    [31776, 10, 31780, 4],
    [31772, 5, 31770, -2], // 317.72 → 317.70 to the nearest 0.05
    [31773, 5, 31775, 2], // 317.73 → 317.75
    [31771, 5, 31770, -1],
    [31750, 100, 31800, 50], // 317.50 → 318: tie away from zero
    [31749, 100, 31700, -49],
    [31725, 50, 31750, 25], // 317.25 → 317.50: tie
    [31772, 0, 31772, 0], // off
    [31772, 1, 31772, 0], // off
    [0, 5, 0, 0],
  ] as const)('%i to step %i is %i (%i)', (total, step, due, adjustment) => {
    expect(roundCash(total, step)).toEqual({ dueMinor: due, adjustmentMinor: adjustment });
  });

  it('rounds a refund in integers, the mirror image of a sale (odoo #113500 got −317.71500000000003)', () => {
    expect(roundCash(-31772, 5)).toEqual({ dueMinor: -31770, adjustmentMinor: 2 });
    expect(roundCash(-31775, 10)).toEqual({ dueMinor: -31780, adjustmentMinor: -5 });
    expect(roundCash(-31771, 5)).toEqual({ dueMinor: -31770, adjustmentMinor: 1 });
  });

  it('refuses a float total', () => {
    expect(() => roundCash(317.72, 5)).toThrow(RangeError);
  });

  it('reconciles to the minor unit for any total: due − adjustment = total (odoo #257600)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom<CashRoundingStep>(0, 1, 5, 10, 50, 100),
        (total, step) => {
          const { dueMinor, adjustmentMinor } = roundCash(total, step);
          expect(dueMinor - adjustmentMinor).toBe(total);
          expect(Number.isSafeInteger(dueMinor)).toBe(true);
          const unit = step <= 1 ? 1 : step;
          expect(dueMinor % unit === 0).toBe(true);
          expect(2 * Math.abs(adjustmentMinor)).toBeLessThanOrEqual(unit);
          // Symmetric: a refund rounds as the sale would, with the sign flipped.
          expect(roundCash(-total, step).dueMinor).toBe(0 - dueMinor);
        },
      ),
    );
  });
});

describe('changeFor', () => {
  it('gives change', () => {
    expect(changeFor(3740, 5000)).toEqual({ ok: true, value: 1260 });
    expect(changeFor(3740, 3740)).toEqual({ ok: true, value: 0 });
    expect(changeFor(0, 0)).toEqual({ ok: true, value: 0 });
  });

  it('refuses a short tender with both amounts for the message', () => {
    expect(changeFor(3740, 3739)).toMatchObject({
      ok: false,
      error: { code: 'tender_insufficient', params: { dueMinor: 3740, tenderedMinor: 3739 } },
    });
  });

  it.each([50.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses %s as invalid_amount',
    (tendered) => {
      expect(changeFor(3740, tendered)).toMatchObject({
        ok: false,
        error: { code: 'invalid_amount' },
      });
    },
  );
});

describe('quickCashSuggestions', () => {
  it.each([
    // due, suggestions: exact, then the next multiple of 100, 50, 20, 10, 5 yuan notes
    [3740, [3740, 4000, 5000, 10_000]], // 20, 10 and 5 all give 40.00
    [5000, [5000, 5500, 6000, 10_000]], // 50.00 is a multiple: the next 50 is 100
    [2100, [2100, 3000, 4000, 5000, 10_000]], // 25.00 (by 5s) loses to bigger notes
    [12_345, [12_345, 13_000, 14_000, 15_000, 20_000]], // 123.45: 200, 150, 140, 130; 125 dropped
    [1, [1, 1000, 2000, 5000, 10_000]], // 0.01: one note of 100, 50, 20 or 10; 5 dropped
  ] as const)('%i CNY → %j', (due, expected) => {
    expect(quickCashSuggestions(due, 'CNY')).toEqual(expected);
  });

  it('uses yen notes for JPY, which has no minor unit', () => {
    expect(quickCashSuggestions(3740, 'JPY')).toEqual([3740, 4000, 5000, 10_000]);
    expect(quickCashSuggestions(10_000, 'JPY')).toEqual([10_000, 11_000, 15_000, 20_000]);
  });

  it('offers only the exact amount when nothing is due', () => {
    expect(quickCashSuggestions(0, 'CNY')).toEqual([0]);
  });

  it('starts with the exact amount, then distinct amounts above it, ascending, at most 5', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.constantFrom('CNY' as const, 'USD' as const, 'EUR' as const, 'HKD' as const),
        (due, currency) => {
          const s = quickCashSuggestions(due, currency);
          expect(s[0]).toBe(due);
          expect(s.length).toBeLessThanOrEqual(5);
          for (let i = 1; i < s.length; i++) {
            expect(s[i]!).toBeGreaterThan(s[i - 1]!);
            expect(s[i]! % 500).toBe(0); // a whole number of 5-unit notes
          }
        },
      ),
    );
  });
});
