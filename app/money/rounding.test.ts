import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, divRound, mulDivRound } from './rounding';

describe('mulDivRound: a × b / c, half away from zero', () => {
  it.each([
    // a, b, c, expected (exact quotient in the comment)
    [10, 1, 4, 3], // 2.5 → 3
    [-10, 1, 4, -3], // -2.5 → -3
    [10, -1, 4, -3], // -2.5 → -3 (sign from b)
    [9, 1, 4, 2], // 2.25 → 2
    [-9, 1, 4, -2], // -2.25 → -2
    [11, 1, 4, 3], // 2.75 → 3
    [-11, 1, 4, -3], // -2.75 → -3
    [1, 1, 2, 1], // 0.5 → 1
    [-1, 1, 2, -1], // -0.5 → -1
    [1, 1, 3, 0], // 0.333 → 0
    [2, 1, 3, 1], // 0.667 → 1
    [1130, 1300, 11_300, 130], // 13 % inside 11.30: exactly 1.30
    [999, 1300, 11_300, 115], // 1 298 700 / 11 300 = 114.93 → 115
    [2910, 1300, 10_000, 378], // 3 783 000 / 10 000 = 378.3 → 378
    [50, 1000, 10_000, 5], // exactly 5
    [5, 1000, 10_000, 1], // 0.5 → 1
    [0, 1300, 11_300, 0],
  ])('%i × %i / %i = %i', (a, b, c, expected) => {
    expect(mulDivRound(a, b, c)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(mulDivRound(-1, 1, 3), 0)).toBe(true);
  });

  it('is exact where a float product would not be', () => {
    // MAX_SAFE_INTEGER × 3 passes 2^53: as a double it would lose its last digit.
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    // 9 007 199 254 740 991 × 10 000 / 20 000 = 4 503 599 627 370 495.5 → …496.
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 10_000, 20_000)).toBe(4_503_599_627_370_496);
  });

  it('refuses floats, a non-positive divisor and an unsafe result', () => {
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, -2)).toThrow(RangeError);
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });

  it('agrees with the definition for any safe inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, c) => {
          const product = BigInt(a) * BigInt(b);
          // A result past 2^53 is refused, never rounded into a float.
          const magnitude = (product < 0n ? -product : product) / BigInt(c);
          if (magnitude >= BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => mulDivRound(a, b, c)).toThrow(RangeError);
            return;
          }
          const q = mulDivRound(a, b, c);
          // |a×b − q×c| ≤ c/2, and an exact half goes away from zero.
          const over = BigInt(q) * BigInt(c) - product;
          const twice = 2n * (over < 0n ? -over : over);
          expect(twice <= BigInt(c)).toBe(true);
          // On a tie q overshoots in the direction of the sign: away from zero.
          if (twice === BigInt(c)) expect(over > 0n).toBe(product > 0n);
        },
      ),
    );
  });
});

describe('divRound', () => {
  it('rounds a BigInt quotient half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3);
    expect(divRound(-5n, 2n)).toBe(-3);
    expect(divRound(7n, 2n)).toBe(4);
    expect(divRound(-31_775n, 10n)).toBe(-3178);
  });
});

describe('allocate: largest remainder', () => {
  it.each([
    // total, weights, parts (hand-checked)
    [100, [1, 1, 1], [34, 33, 33]], // 33.3 each; the first tie wins the spare unit
    [-100, [1, 1, 1], [-34, -33, -33]], // mirror image
    [10, [3, 7], [3, 7]], // exact
    [5, [0, 0], [3, 2]], // all-zero weights: even spread
    [100, [899, 501], [64, 36]], // 64.21 and 35.79: the larger remainder takes the unit
    [1, [1, 0, 1], [1, 0, 0]], // a zero weight never takes a unit while others can
    [7, [0, 5], [0, 7]],
    [0, [3, 4], [0, 0]],
    [0, [], []],
  ])('%i over %j is %j', (total, weights, parts) => {
    expect(allocate(total, weights)).toEqual(parts);
  });

  it('refuses a non-zero total over no weights, negative or fractional weights', () => {
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(1, [1, -1])).toThrow(RangeError);
    expect(() => allocate(1, [0.5])).toThrow(RangeError);
    expect(() => allocate(0.5, [1])).toThrow(RangeError);
  });

  it('handles weights whose sum passes 2^53', () => {
    const parts = allocate(3, [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1]);
    // Shares: 1.4999…, 1.4999…, ~0: floors 1, 1, 0; the spare unit to the first big remainder.
    expect(parts).toEqual([2, 1, 0]);
  });

  it('always sums to the total exactly, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.every(Number.isSafeInteger)).toBe(true);
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

  it('is symmetric for negative totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          expect(allocate(-total, weights)).toEqual(allocate(total, weights).map((p) => 0 - p));
        },
      ),
    );
  });
});
