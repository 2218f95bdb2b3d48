import { minorUnits } from './currency';
import type { CurrencyCode } from './currency';
import { assertMinor } from './money';

/** 1234 CNY → "12.34", -5 → "-0.05", JPY 500 → "500": exact, from the integer's digits. */
export function toDecimalString(minor: number, currency: CurrencyCode): string {
  assertMinor(minor);
  const exponent = minorUnits(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * "12.3" → 1230 minor units. Null for anything that is not a plain non-negative decimal
 * with at most the currency's number of decimals (no signs, separators or exponents).
 * A trailing point ("12.") is accepted because the keypad shows it mid-entry.
 */
export function parseDecimal(text: string, currency: CurrencyCode): number | null {
  const exponent = minorUnits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const value = BigInt(whole + fraction.padEnd(exponent, '0'));
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/**
 * Locale-formatted money (¥12.34, CN¥12.34, $1,234.00). Intl is given the exact decimal
 * string, never a float, so what prints is what the integer says.
 */
export function formatMoney(minor: number, currency: CurrencyCode, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // ES2023 Intl formats a decimal string exactly; a float would misprint amounts past 2^53 / 100.
  return format.format(toDecimalString(minor, currency) as Intl.StringNumericLiteral);
}
