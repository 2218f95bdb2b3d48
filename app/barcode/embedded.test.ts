import { describe, expect, it } from 'vitest';
import { decodeEmbeddedBarcode, defaultEmbeddedConfig, layoutProblem } from './embedded';
import type { EmbeddedConfig } from './embedded';
import { priceVerifierDigit } from './price-verifier';

// EAN-13 check digits worked by hand, weights 3,1,3,… from the right of the first 12 digits.
describe('decodeEmbeddedBarcode with the default layout', () => {
  it('reads a price code: 21 12345 00199 9 → item 12345, 1.99 (sum 71 → 9)', () => {
    expect(decodeEmbeddedBarcode('2112345001999')).toEqual({
      ok: true,
      value: { measure: 'price', prefix: '21', itemCode: '12345', priceMinor: 199 },
    });
  });

  it('reads a weight code: 25 12345 01234 → item 12345, 1234 g (sum 66 → 4)', () => {
    expect(decodeEmbeddedBarcode('2512345012344')).toEqual({
      ok: true,
      value: { measure: 'weight', prefix: '25', itemCode: '12345', grams: 1234 },
    });
  });

  it('reports a wrong check digit before anything else', () => {
    expect(decodeEmbeddedBarcode('2512345012345')).toEqual({
      ok: false,
      error: { code: 'check_digit_mismatch', text: '2512345012345', expected: 4, found: 5 },
    });
  });

  it('sends ordinary GTINs back to a plain lookup', () => {
    expect(decodeEmbeddedBarcode('6911001000019')).toEqual({
      ok: false,
      error: { code: 'not_restricted_circulation', text: '6911001000019' },
    });
  });

  it('refuses what is not 13 digits', () => {
    expect(decodeEmbeddedBarcode('211234500199')).toMatchObject({
      ok: false,
      error: { code: 'not_ean13' },
    });
  });
});

describe('price verifier digit (GS1 7.9.3: weights 2- 2- 3 5-, sum × 3)', () => {
  it.each([
    ['2875', 9], // GS1's example: 4 + 5 + 1 + 3 = 13, × 3 = 39
    ['0150', 1], // 0 + 2 + 5 + 0 = 7, × 3 = 21
    ['0000', 0],
    ['9999', 6], // 9×2 = 18 → 8−1 = 7, twice; 9×3 = 27 → 7; 9×5 = 45 → 5−4 = 1; 22 × 3 = 66
  ])('%s → %i', (value, digit) => {
    expect(priceVerifierDigit(value)).toBe(digit);
  });
});

describe('decodeEmbeddedBarcode with a verifier layout', () => {
  const config: EmbeddedConfig = {
    ...defaultEmbeddedConfig,
    '20': { measure: 'price', itemDigits: 5, verifierDigit: true },
  };

  it('reads 20 12345 1 0150 0 → item 12345, 1.50 (sum 40 → 0)', () => {
    expect(decodeEmbeddedBarcode('2012345101500', config)).toEqual({
      ok: true,
      value: { measure: 'price', prefix: '20', itemCode: '12345', priceMinor: 150 },
    });
  });

  it('reports a wrong verifier even when the check digit is right (sum 43 → 7)', () => {
    expect(decodeEmbeddedBarcode('2012345201507', config)).toEqual({
      ok: false,
      error: { code: 'price_check_mismatch', text: '2012345201507', expected: 1, found: 2 },
    });
  });

  it('reports prefixes the shop has no layout for', () => {
    expect(decodeEmbeddedBarcode('2512345012344', { '20': config['20'] })).toEqual({
      ok: false,
      error: { code: 'prefix_not_configured', text: '2512345012344', prefix: '25' },
    });
  });

  it('refuses layouts that do not fit 13 digits', () => {
    const bad = { measure: 'weight', itemDigits: 4, verifierDigit: true } as const;
    expect(layoutProblem(bad)).toMatch(/4-digit value/);
    expect(decodeEmbeddedBarcode('2512345012344', { '25': bad })).toMatchObject({
      ok: false,
      error: { code: 'invalid_layout', prefix: '25' },
    });
    expect(layoutProblem({ measure: 'price', itemDigits: 6, verifierDigit: false })).toBeNull();
    expect(layoutProblem({ measure: 'price', itemDigits: 7, verifierDigit: false })).toMatch(
      /4 or 5/,
    );
  });
});
