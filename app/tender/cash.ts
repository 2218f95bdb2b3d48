import { minorUnits } from '../money/currency';
import type { CurrencyCode } from '../money/currency';
import { assertMinor } from '../money/money';
import { divRound } from '../money/rounding';
import { fail, ok } from '../result';
import type { Result } from '../result';

/** Cash rounding step in minor units (5 = to 0.05); 0 and 1 mean no rounding. */
export type CashRoundingStep = 0 | 1 | 5 | 10 | 50 | 100;

/**
 * The cash due after rounding to the nearest step (ties away from zero), and the signed
 * adjustment: due = total + adjustment. Integers only, so 317.715 never appears (odoo
 * #113500). Applies to the cash tender only: a card pays the exact total.
 */
export function roundCash(
  totalMinor: number,
  step: CashRoundingStep,
): { dueMinor: number; adjustmentMinor: number } {
  assertMinor(totalMinor, 'total');
  // -0 (a refund of nothing) comes back as 0: no signed zero leaves a money function.
  if (step <= 1) return { dueMinor: totalMinor === 0 ? 0 : totalMinor, adjustmentMinor: 0 };
  const dueMinor = divRound(BigInt(totalMinor), BigInt(step)) * step;
  assertMinor(dueMinor, 'cash due');
  return { dueMinor, adjustmentMinor: dueMinor - totalMinor };
}

/** Change for a cash tender; refuses anything short of what is due. */
export function changeFor(dueMinor: number, tenderedMinor: number): Result<number> {
  assertMinor(dueMinor, 'amount due');
  if (!Number.isSafeInteger(tenderedMinor) || tenderedMinor < 0) {
    return fail('invalid_amount', `Not an amount of money: ${tenderedMinor}`);
  }
  if (tenderedMinor < dueMinor) {
    return fail('tender_insufficient', 'Tendered amount is less than due', {
      dueMinor,
      tenderedMinor,
    });
  }
  return ok(tenderedMinor - dueMinor);
}

/**
 * Notes a customer hands over, in major units, largest first. Ones are left to the keypad:
 * a 1-yuan "next amount" (38.00 for 37.40) is rarely what a customer gives.
 */
const NOTES: Partial<Record<CurrencyCode, readonly number[]>> = {
  CNY: [100, 50, 20, 10, 5],
  USD: [100, 50, 20, 10, 5],
  EUR: [100, 50, 20, 10, 5],
  HKD: [100, 50, 20, 10, 5],
  GBP: [50, 20, 10, 5],
  AUD: [100, 50, 20, 10, 5],
  INR: [500, 200, 100, 50, 20],
  JPY: [10_000, 5000, 1000],
};
/** A currency without its own list: the 1-2-5 series most note issues follow. */
const COMMON_NOTES: readonly number[] = [100, 50, 20, 10, 5];

export const MAX_QUICK_CASH = 5;

/**
 * Quick-cash buttons: the exact amount first, then for each note the next multiple of it
 * above the amount due (a customer paying 37.40 with notes gives 40, 50 or 100). When there
 * are more than fit, the multiples of bigger notes win (one 100 note is likelier than
 * 20 + 5), so 21.00 suggests 21, 30, 40, 50, 100 and not 25. Distinct, ascending, at most 5.
 */
export function quickCashSuggestions(dueMinor: number, currency: CurrencyCode): number[] {
  assertMinor(dueMinor, 'amount due');
  if (dueMinor <= 0) return [dueMinor];
  const major = 10 ** minorUnits(currency);
  const chosen = new Set<number>();
  for (const note of NOTES[currency] ?? COMMON_NOTES) {
    if (chosen.size === MAX_QUICK_CASH - 1) break;
    const unit = note * major;
    // Strictly above: an amount that is already a multiple of the note is the exact button.
    // `%` on safe integers is exact, unlike Math.floor of a float quotient.
    chosen.add(dueMinor - (dueMinor % unit) + unit);
  }
  return [dueMinor, ...[...chosen].sort((a, b) => a - b)];
}
