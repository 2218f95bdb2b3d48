import type { CurrencyCode } from './currency';

/**
 * An amount in integer minor units (fen, cents) with its currency. Money never passes
 * through a float: arithmetic is on safe integers, display goes through decimal strings.
 */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export const money = (minor: number, currency: CurrencyCode): Money => {
  assertMinor(minor);
  return { minor, currency };
};

/** Throws when a value is not a safe integer: a float reaching a money path is a bug. */
export function assertMinor(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} is not integer minor units: ${value}`);
}
