import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMoney, parseDecimal, toDecimalString } from './format';

describe('money text', () => {
  it.each([
    [1234, 'CNY', '12.34'],
    [5, 'CNY', '0.05'],
    [-5, 'CNY', '-0.05'],
    [0, 'USD', '0.00'],
    [500, 'JPY', '500'],
  ] as const)('%i %s is "%s"', (minor, currency, text) => {
    expect(toDecimalString(minor, currency)).toBe(text);
  });

  it('parses what a cashier types, exactly', () => {
    expect(parseDecimal('12.3', 'CNY')).toBe(1230);
    expect(parseDecimal('12', 'CNY')).toBe(1200);
    expect(parseDecimal(' 0.05 ', 'CNY')).toBe(5);
    expect(parseDecimal('0.1', 'CNY')).toBe(10);
    expect(parseDecimal('500', 'JPY')).toBe(500);
  });

  it.each(['', 'abc', '1.234', '-1', '1e3', '1,000', '.5.', '99999999999999999'])(
    'refuses "%s"',
    (text) => {
      expect(parseDecimal(text, 'CNY')).toBeNull();
    },
  );

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        expect(parseDecimal(toDecimalString(minor, 'CNY'), 'CNY')).toBe(minor);
      }),
    );
  });

  it('formats per locale from the decimal string', () => {
    expect(formatMoney(1234, 'CNY', 'zh-CN')).toBe('¥12.34');
    expect(formatMoney(123456789, 'USD', 'en')).toBe('$1,234,567.89');
    // A value a float would show as 0.30000000000000004 after adding 0.1 and 0.2.
    expect(formatMoney(10 + 20, 'CNY', 'zh-CN')).toBe('¥0.30');
  });
});
