import { minorUnits } from '../money/currency';
import type { CurrencyCode } from '../money/currency';

/**
 * Notes and coins a drawer holds, in minor units, largest first: what the blind count at
 * shift close asks for. Currencies not listed get the 1-2-5 series from 100 down to the
 * smallest minor unit.
 */
const KNOWN: Partial<Record<CurrencyCode, readonly number[]>> = {
  // 100, 50, 20, 10, 5, 1 yuan notes; 1 yuan, 5 and 1 jiao coins.
  CNY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10],
  USD: [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1],
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  HKD: [100_000, 50_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10],
  JPY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1],
  GBP: [5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  AUD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5],
  INR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100],
  // 20, 10, 5, 1, ½ and ¼ dinar notes; 100, 50, 20, 10 and 5 fils coins.
  KWD: [20_000, 10_000, 5_000, 1_000, 500, 250, 100, 50, 20, 10, 5],
  BHD: [20_000, 10_000, 5_000, 1_000, 500, 100, 50, 25, 10, 5],
};

export function denominationsOf(currency: CurrencyCode): readonly number[] {
  return KNOWN[currency] ?? seriesOf(minorUnits(currency));
}

/** 100, 50, 20, 10, 5, 2, 1 major units, then 0.5, 0.2, 0.1 … down to one minor unit. */
function seriesOf(exponent: number): number[] {
  const values: number[] = [];
  for (let power = exponent + 2; power >= 0; power--) {
    const unit = 10 ** power;
    for (const step of [5, 2, 1]) {
      if (power === exponent + 2 && step !== 1) continue;
      values.push(step * unit);
    }
  }
  return values;
}

/**
 * The cash a count adds up to. Null when it names a denomination the currency does not have
 * or a count that is not a whole number from 0 to 100 000.
 */
export function countTotal(currency: CurrencyCode, counts: Record<string, number>): number | null {
  const known = denominationsOf(currency);
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const value = Number(key);
    if (!known.includes(value)) return null;
    if (!Number.isSafeInteger(count) || count < 0 || count > 100_000) return null;
    total += value * count;
  }
  return total;
}
