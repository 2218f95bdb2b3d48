import { assertMinor } from './money';

/**
 * a × b / c rounded half away from zero, exactly: the product is taken in BigInt so a large
 * price times a quantity times a rate never loses a digit to floating point.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  assertMinor(a, 'a');
  assertMinor(b, 'b');
  assertMinor(c, 'c');
  if (c <= 0) throw new RangeError(`divisor must be positive: ${c}`);
  return divRound(BigInt(a) * BigInt(b), BigInt(c));
}

/** n / d (d > 0) rounded half away from zero, as a safe integer. */
export function divRound(n: bigint, d: bigint): number {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const q = magnitude / d;
  const rounded = (magnitude % d) * 2n >= d ? q + 1n : q;
  const result = Number(negative ? -rounded : rounded);
  assertMinor(result, 'result');
  return result === 0 ? 0 : result;
}

/**
 * Splits `total` over `weights` in proportion, by the largest-remainder method: the parts
 * always sum to `total` exactly (ties go to the earlier index). With all weights zero the
 * total is spread evenly. Negative totals split symmetrically.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total, 'total');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero total over no weights');
    return [];
  }
  if (total < 0) return allocate(-total, weights).map((part) => (part === 0 ? 0 : -part));
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers: ${w}`);
  }
  // All-zero weights carry no proportion: spread evenly rather than divide by zero.
  const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  // BigInt throughout: Σ weights and total × weight can pass 2^53 even when each is safe.
  const sum = effective.reduce((s, w) => s + BigInt(w), 0n);
  const big = BigInt(total);
  const parts = effective.map((w) => (big * BigInt(w)) / sum);
  const remainders = effective.map((w, i) => ({ i, r: (big * BigInt(w)) % sum }));
  // Fewer than weights.length units are left over, so each part gains at most one.
  let left = Number(big - parts.reduce((s, p) => s + p, 0n));
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1;
  }
  return parts.map(Number);
}
