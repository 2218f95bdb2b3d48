/**
 * An ISO 4217 currency code the runtime knows (`Intl.supportedValuesOf('currency')`): the
 * shop's currency, whichever it is, not a fixed list. Checked where it enters (the settings schema).
 */
export type CurrencyCode = string;

let supported: ReadonlySet<string> | null = null;

/** Every currency the runtime's Intl formats, sorted (about 300 in a full-ICU build). */
export function currencyCodes(): readonly CurrencyCode[] {
  return [...supportedSet()];
}

function supportedSet(): ReadonlySet<string> {
  supported ??= new Set(Intl.supportedValuesOf('currency').slice().sort());
  return supported;
}

export const isCurrencyCode = (code: string): code is CurrencyCode => supportedSet().has(code);

const exponents = new Map<string, number>();

/**
 * The currency's minor-unit exponent (2 for cents, 0 for JPY, 3 for KWD), as the runtime's
 * Intl formats it: the same number the screens and receipts print with, so an amount never
 * shows more or fewer decimals than the integer holds.
 */
export function minorUnits(currency: CurrencyCode): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    if (!supportedSet().has(currency)) throw new RangeError(`Unknown currency ${currency}`);
    const { maximumFractionDigits } = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
    }).resolvedOptions();
    exponent = maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}
