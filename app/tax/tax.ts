import { mulDivRound } from '../money/rounding';
import type { TaxMode } from './tax-class';

/**
 * The tax in an amount, rounded half away from zero to minor units.
 * Inclusive prices hold the tax: tax = amount × r / (1 + r). Exclusive prices get it added:
 * tax = amount × r. With r in basis points both stay integer arithmetic.
 */
export function taxOf(amountMinor: number, rateBp: number, mode: TaxMode): number {
  if (!Number.isSafeInteger(rateBp) || rateBp < 0)
    throw new RangeError(`tax rate must be whole basis points ≥ 0: ${rateBp}`);
  return mode === 'inclusive'
    ? mulDivRound(amountMinor, rateBp, 10_000 + rateBp)
    : mulDivRound(amountMinor, rateBp, 10_000);
}
