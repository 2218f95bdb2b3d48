import { describe, expect, it } from 'vitest';
import { checkBarcode, ean13CheckDigit, qrCommands } from './symbol-commands';

describe('symbol commands', () => {
  it('computes the EAN-13 check digit (GS1 example 400638133393 → 1)', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(checkBarcode('4006381333931', 'ean13')).toBe('4006381333931');
  });

  it('selects code set B and doubles { for CODE128', () => {
    expect(checkBarcode('A{1', 'code128')).toBe('{BA{{1');
  });

  it('stores QR data with its length in pL pH (GS ( k cn 49 fn 80)', () => {
    const bytes = qrCommands('合');
    // "合" is e5 90 88 in UTF-8: pL = 3 + 3 = 6, pH = 0, then cn 49, fn 80, m 48.
    expect(Buffer.from(bytes).toString('hex')).toContain('1d286b0600315030e59088');
    expect(() => qrCommands('x'.repeat(3000))).toThrow(RangeError);
  });
});
