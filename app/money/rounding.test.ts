import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, mulDivRound } from './rounding';

describe('mulDivRound', () => {
  it.each([
    // a, b, c, expected: a*b/c half away from zero
    [10, 1, 4, 3], // 2.5 → 3
    [-10, 1, 4, -3], // -2.5 → -3
    [9, 1, 4, 2], // 2.25 → 2
    [11, 1, 4, 3], // 2.75 → 3
    [1130, 1300, 11_300, 130], // 13 % inside 11.30
    [1, 1, 3, 0],
    [2, 1, 3, 1],
  ])('%i × %i / %i = %i', (a, b, c, expected) => {
    expect(mulDivRound(a, b, c)).toBe(expected);
  });

  it('is exact where a float product would not be', () => {
    // 9,007,199,254,740,991 × 3 / 3 overflows a double's integer range in the middle.
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses floats', () => {
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier index', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(0, [])).toEqual([]);
  });

  it('always sums to the total exactly, with no part beyond its share by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum > 0) {
            parts.forEach((p, i) =>
              expect(Math.abs(p * sum - total * weights[i]!)).toBeLessThan(sum),
            );
          }
        },
      ),
    );
  });
});
