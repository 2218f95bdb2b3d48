import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, makeEan13 } from './gtin';

describe('GTIN check digits', () => {
  it.each(['4006381333931', '73513537', '036000291452', '9780306406157'])(
    'accepts the real code %s',
    (code) => {
      expect(isValidGtin(code)).toBe(true);
    },
  );

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('400638133393')).toBe(false);
    expect(isValidGtin('40063813339a1')).toBe(false);
    expect(isValidGtin('')).toBe(false);
  });

  it('makes EAN-13s whose check digit verifies', () => {
    expect(makeEan13('400638133393')).toBe('4006381333931');
    expect(gtinCheckDigit('690123456789')).toBe(Number(makeEan13('690123456789').at(-1)));
    expect(isValidGtin(makeEan13('690000000001'))).toBe(true);
  });
});
