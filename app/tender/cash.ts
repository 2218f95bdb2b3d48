import { currencies } from '../money/currency';
import type { CurrencyCode } from '../money/currency';
import { divRound } from '../money/rounding';
import { fail, ok } from '../result';
import type { Result } from '../result';

/** Cash rounding step in minor units (5 = to 0.05); 0 and 1 mean no rounding. */
export type CashRoundingStep = 0 | 1 | 5 | 10 | 50 | 100;

/**
 * The cash due after rounding to the nearest step (ties away from zero), and the signed
 * adjustment. Applies to the cash tender only: a card pays the exact total.
 */
export function roundCash(
  totalMinor: number,
  step: CashRoundingStep,
): { dueMinor: number; adjustmentMinor: number } {
  if (step <= 1) return { dueMinor: totalMinor, adjustmentMinor: 0 };
  const dueMinor = divRound(BigInt(totalMinor), BigInt(step)) * step;
  return { dueMinor, adjustmentMinor: dueMinor - totalMinor };
}

/** Change for a cash tender; refuses anything short of what is due. */
export function changeFor(dueMinor: number, tenderedMinor: number): Result<number> {
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

/** Notes a customer hands over (in major units); 1s are left to the keypad. */
const NOTES = [5, 10, 20, 50, 100];

/**
 * Quick-cash buttons: the exact amount, then the amounts a customer is likely to hand
 * over: the next whole multiple of each note (in major units) above the amount due.
 */
export function quickCashSuggestions(dueMinor: number, currency: CurrencyCode): number[] {
  const major = 10 ** currencies[currency].exponent;
  const suggestions = new Set<number>([dueMinor]);
  for (const note of NOTES) {
    const unit = note * major;
    const next = dueMinor - (dueMinor % unit) + unit;
    suggestions.add(next);
  }
  return [...suggestions].sort((a, b) => a - b).slice(0, 6);
}
