import { describe, expect, it } from 'vitest';
import { formatKg, parseKg } from './weight';

describe('kilograms as text, grams as integers', () => {
  it.each([
    [532, '0.532'],
    [1500, '1.500'],
    [5, '0.005'],
    [99_999, '99.999'],
  ])('%i g shows as %s kg and reads back', (grams, text) => {
    expect(formatKg(grams)).toBe(text);
    expect(parseKg(text)).toBe(grams);
  });

  it('reads what a cashier types and refuses the rest', () => {
    expect(parseKg('1.5')).toBe(1500);
    expect(parseKg('2')).toBe(2000);
    expect(parseKg('2.')).toBe(2000);
    expect(parseKg('0.0005')).toBeNull();
    expect(parseKg('100')).toBeNull();
    expect(parseKg('-1')).toBeNull();
    expect(parseKg('1,5')).toBeNull();
  });
});
