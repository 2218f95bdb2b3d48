import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gtinCheckDigit, isValidGtin, makeEan13 } from './gtin';

describe('gtinCheckDigit', () => {
  it.each([
    // body, check digit, worked by hand: Σ digit × (3, 1, 3, … from the right), then 10 − Σ mod 10
    ['400638133393', 1], // EAN-13 4006381333931
    ['690123456789', 2], // 27+8+21+6+15+4+9+2+3+0+27+6 = 128 → 2
    ['7351353', 7], // EAN-8 73513537: 9+5+9+1+15+3+21 = 63 → 7
    ['03600029145', 2], // UPC-A 036000291452: 15+4+3+9+6+0+0+0+18+3+0 = 58 → 2
    ['978030640615', 7], // ISBN-13 9780306406157
    ['000000000000', 0], // Σ = 0 → 0, not 10
  ])('%s → %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });

  it('refuses anything but digits', () => {
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('isValidGtin', () => {
  it.each(['4006381333931', '6901234567892', '73513537', '036000291452', '9780306406157'])(
    'accepts the real code %s',
    (code) => {
      expect(isValidGtin(code)).toBe(true);
    },
  );

  it.each([
    ['4006381333932', 'wrong check digit'],
    ['4006381333391', 'two digits swapped'],
    ['73513538', 'EAN-8 wrong check digit'],
    ['036000291453', 'UPC-A wrong check digit'],
    ['400638133393', 'twelve digits that are not a UPC-A'],
    ['04006381333931', 'GTIN-14 is not sold at a till'],
    ['1234567', 'seven digits'],
    ['40063813339a1', 'a letter'],
    [' 4006381333931', 'white space'],
    ['４００６３８１３３３９３１', 'full-width digits'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidGtin(code)).toBe(false);
  });

  it('catches every single wrong digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const code = makeEan13(body);
          const wrong = String((Number(code[position]) + shift) % 10);
          const mutated = code.slice(0, position) + wrong + code.slice(position + 1);
          expect(isValidGtin(code)).toBe(true);
          expect(isValidGtin(mutated)).toBe(false);
        },
      ),
    );
  });
});

describe('makeEan13', () => {
  it('appends the check digit', () => {
    expect(makeEan13('400638133393')).toBe('4006381333931');
    expect(makeEan13('690123456789')).toBe('6901234567892');
  });

  it('needs exactly twelve digits', () => {
    expect(() => makeEan13('40063813339')).toThrow(RangeError);
    expect(() => makeEan13('4006381333931')).toThrow(RangeError);
    expect(() => makeEan13('40063813339x')).toThrow(RangeError);
  });
});
