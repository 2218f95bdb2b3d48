import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseDecimal, toDecimalString } from './format';

describe('toDecimalString', () => {
  it.each([
    [1234, 'CNY', '12.34'],
    [5, 'CNY', '0.05'],
    [-5, 'CNY', '-0.05'],
    [-1234, 'EUR', '-12.34'],
    [100, 'HKD', '1.00'],
    [0, 'USD', '0.00'],
    [500, 'JPY', '500'],
    [-7, 'JPY', '-7'],
    [Number.MAX_SAFE_INTEGER, 'CNY', '90071992547409.91'],
  ] as const)('%i %s is "%s"', (minor, currency, text) => {
    expect(toDecimalString(minor, currency)).toBe(text);
  });

  it('refuses a float', () => {
    expect(() => toDecimalString(0.1, 'CNY')).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['12.3', 'CNY', 1230],
    ['12', 'CNY', 1200],
    [' 0.05 ', 'CNY', 5],
    ['0.1', 'CNY', 10],
    ['12.', 'CNY', 1200], // as the keypad shows it mid-entry
    ['007', 'CNY', 700],
    ['500', 'JPY', 500],
    ['90071992547409.91', 'CNY', Number.MAX_SAFE_INTEGER],
  ] as const)('"%s" %s is %i', (text, currency, minor) => {
    expect(parseDecimal(text, currency)).toBe(minor);
  });

  it.each([
    ['', 'CNY'],
    ['   ', 'CNY'],
    ['abc', 'CNY'],
    ['1.234', 'CNY'], // more decimals than fen
    ['1.5', 'JPY'], // yen has none
    ['-1', 'CNY'],
    ['+1', 'CNY'],
    ['1e3', 'CNY'],
    ['1,000', 'CNY'],
    ['.5', 'CNY'],
    ['.5.', 'CNY'],
    ['1.2.3', 'CNY'],
    ['１２', 'CNY'], // full-width digits are not ASCII digits
    ['Infinity', 'CNY'],
    ['90071992547409.92', 'CNY'], // one fen past MAX_SAFE_INTEGER
    ['99999999999999999', 'CNY'],
  ] as const)('refuses "%s" %s', (text, currency) => {
    expect(parseDecimal(text, currency)).toBeNull();
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('CNY' as const, 'USD' as const, 'JPY' as const),
        (minor, currency) => {
          expect(parseDecimal(toDecimalString(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe('formatMoney', () => {
  it('formats per locale from the decimal string', () => {
    expect(formatMoney(1234, 'CNY', 'zh-CN')).toBe('¥12.34');
    expect(formatMoney(123456789, 'USD', 'en')).toBe('$1,234,567.89');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    // 0.1 + 0.2 in floats is 0.30000000000000004; in fen it is 30.
    expect(formatMoney(10 + 20, 'CNY', 'zh-CN')).toBe('¥0.30');
  });

  it('prints what the integer says where a float would not', () => {
    // MAX_SAFE_INTEGER / 100 as a double is 90071992547409.90625…, which Intl shows as .90.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });
});
