import { mulDivRound } from '../money/rounding';
import type { TaxMode } from './tax-class';

/**
 * The tax in an amount, rounded half away from zero to minor units.
 * Inclusive prices hold the tax: tax = amount × r / (1 + r). Exclusive prices get it added:
 * tax = amount × r. With r in basis points both stay integer arithmetic.
 */
export function taxOf(amountMinor: number, rateBp: number, mode: TaxMode): number {
  return mode === 'inclusive'
    ? mulDivRound(amountMinor, rateBp, 10_000 + rateBp)
    : mulDivRound(amountMinor, rateBp, 10_000);
}
