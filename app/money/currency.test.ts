import { describe, expect, it } from 'vitest';
import { feeOf } from '../fees/fee-schedule';
import { countTotal, denominationsOf } from '../staff/denominations';
import { quickCashSuggestions, roundCash } from '../tender/cash';
import { currencyCodes, isCurrencyCode, minorUnits } from './currency';
import { currencySchema } from './currency-schema';
import { formatMoney, parseDecimal, toDecimalString } from './format';

describe('currencies from Intl', () => {
  it.each([
    ['CNY', 2],
    ['GBP', 2],
    ['AUD', 2],
    ['INR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i decimals', (code, exponent) => {
    expect(minorUnits(code)).toBe(exponent);
  });

  it('knows every currency a shop set-up needs, and no made-up one', () => {
    for (const code of ['GBP', 'AUD', 'INR', 'JPY', 'KWD', 'CNY']) {
      expect(currencyCodes()).toContain(code);
      expect(currencySchema.safeParse(code).success).toBe(true);
    }
    expect(isCurrencyCode('ZZZ')).toBe(false);
    expect(currencySchema.safeParse('ZZZ').success).toBe(false);
    expect(currencySchema.safeParse('gbp').success).toBe(false);
    expect(() => minorUnits('ZZZ')).toThrow(RangeError);
  });

  it('writes and reads amounts with the currency’s own decimals', () => {
    expect(toDecimalString(1234, 'JPY')).toBe('1234');
    expect(toDecimalString(1234, 'KWD')).toBe('1.234');
    expect(toDecimalString(-5, 'BHD')).toBe('-0.005');
    expect(toDecimalString(1999, 'GBP')).toBe('19.99');
    expect(parseDecimal('12.345', 'KWD')).toBe(12_345);
    expect(parseDecimal('12.3456', 'KWD')).toBeNull();
    expect(parseDecimal('500', 'JPY')).toBe(500);
    expect(parseDecimal('500.5', 'JPY')).toBeNull();
    expect(formatMoney(1234, 'KWD', 'en')).toBe('KWD\u00a01.234');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1999, 'GBP', 'en')).toBe('£19.99');
  });
});

describe('cash with zero- and three-decimal currencies', () => {
  it('rounds cash to the step in the currency’s minor units', () => {
    // JPY: 1,233 yen to the nearest 5 and 10 yen.
    expect(roundCash(1233, 5)).toEqual({ dueMinor: 1235, adjustmentMinor: 2 });
    expect(roundCash(1235, 10)).toEqual({ dueMinor: 1240, adjustmentMinor: 5 });
    // KWD: 1.232 dinar to the nearest 5 fils.
    expect(roundCash(1232, 5)).toEqual({ dueMinor: 1230, adjustmentMinor: -2 });
  });

  it('suggests notes in major units whatever the decimals', () => {
    expect(quickCashSuggestions(3740, 'JPY')).toEqual([3740, 4000, 5000, 10_000]);
    // 12.345 KWD: the next 5, 10, 20 … dinar.
    expect(quickCashSuggestions(12_345, 'KWD')).toEqual([12_345, 15_000, 20_000, 50_000, 100_000]);
    expect(quickCashSuggestions(1999, 'GBP')).toEqual([1999, 2000, 5000]);
  });

  it('counts a drawer in any currency: listed ones by their notes, others by 1-2-5', () => {
    expect(denominationsOf('KWD')).toContain(250);
    expect(countTotal('KWD', { '20000': 1, '250': 2, '5': 3 })).toBe(20_515);
    expect(countTotal('KWD', { '3': 1 })).toBeNull();
    // Swiss francs are not listed: 100 francs down to one rappen.
    const chf = denominationsOf('CHF');
    expect(chf[0]).toBe(10_000);
    expect(chf.at(-1)).toBe(1);
    expect(chf).toEqual([...chf].sort((a, b) => b - a));
    expect(denominationsOf('ISK').at(-1)).toBe(1);
  });

  it('takes a card fee on minor units alike in yen and fils', () => {
    // 0.60 % of ¥1,000 is ¥6; of 12.345 KWD is 74.07 fils → 74.
    expect(feeOf(1000, { ppm: 6000, capMinor: null })).toBe(6);
    expect(feeOf(12_345, { ppm: 6000, capMinor: null })).toBe(74);
    // ¥83 at 0.60 % is ¥0.498: no fee; 0.083 KWD the same in fils.
    expect(feeOf(83, { ppm: 6000, capMinor: null })).toBe(0);
  });
});
