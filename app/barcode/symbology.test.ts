import { describe, expect, it } from 'vitest';
import { classifyBarcode } from './symbology';
import { expandUpcE } from './upc-e';

// Check digits below were worked by hand (weights 3,1,3,… from the right); the published
// examples are the ones the symbology articles and GS1 material use.
describe('classifyBarcode', () => {
  it('reads EAN-13 (4006381333931, the common worked example; the demo Coca-Cola)', () => {
    expect(classifyBarcode('4006381333931')).toEqual({
      ok: true,
      value: { symbology: 'ean13', text: '4006381333931', gtin14: '04006381333931' },
    });
    expect(classifyBarcode('6911001000019')).toMatchObject({
      ok: true,
      value: { symbology: 'ean13' },
    });
  });

  it('reads EAN-8 (96385074: 9×3+6+3×3+8+5×3+0+7×3 = 86 → 4)', () => {
    expect(classifyBarcode('96385074')).toEqual({
      ok: true,
      value: { symbology: 'ean8', text: '96385074', gtin14: '00000096385074' },
    });
  });

  it('reads UPC-A (036000291452: 3×(0+6+0+2+1+5)+(3+0+0+9+4) = 58 → 2)', () => {
    expect(classifyBarcode('036000291452')).toEqual({
      ok: true,
      value: { symbology: 'upca', text: '036000291452', gtin14: '00036000291452' },
    });
  });

  it('reads UPC-E and gives the UPC-A it stands for (04252614 → 042100005264)', () => {
    expect(classifyBarcode('04252614')).toEqual({
      ok: true,
      value: {
        symbology: 'upce',
        text: '04252614',
        upcA: '042100005264',
        gtin14: '00042100005264',
      },
    });
  });

  it('passes Code 128 and other text through', () => {
    for (const text of ['ABC-123', '12345', '00012345678905', 'http://x.cn/?a=1', '2112 345']) {
      expect(classifyBarcode(text)).toEqual({ ok: true, value: { symbology: 'other', text } });
    }
  });

  it('refuses an empty scan', () => {
    expect(classifyBarcode('')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it.each([
    ['4006381333932', 'ean13', 1, 2],
    ['96385075', 'ean8', 4, 5],
    ['036000291453', 'upca', 2, 3],
    ['04252615', 'upce', 4, 5],
  ] as const)('reports a wrong check digit in %s (%s)', (text, symbology, expected, found) => {
    expect(classifyBarcode(text)).toEqual({
      ok: false,
      error: { code: 'check_digit_mismatch', symbology, text, expected, found },
    });
  });

  it('takes 8 digits valid both ways as UPC-E by default, as EAN-8 when told', () => {
    // EAN-8 body 0123455 and UPC-A 012345000058 both weigh to 42 → check digit 8.
    expect(classifyBarcode('01234558')).toMatchObject({ ok: true, value: { symbology: 'upce' } });
    expect(classifyBarcode('01234558', { eightDigit: 'ean8-first' })).toMatchObject({
      ok: true,
      value: { symbology: 'ean8' },
    });
    // Valid only as EAN-8 (0123450 → 3), whatever the preference.
    expect(classifyBarcode('01234503')).toMatchObject({ ok: true, value: { symbology: 'ean8' } });
  });
});

describe('expandUpcE', () => {
  // NS 0, d1–d5 = 12345, every d6: where the zeros go, with the UPC-A check digit by hand.
  it.each([
    ['01234505', '012000003455'], // d6 0–2: NS d1 d2 d6 0000 d3 d4 d5
    ['01234514', '012100003454'],
    ['01234523', '012200003453'],
    ['01234531', '012300000451'], // d6 3: NS d1 d2 d3 00000 d4 d5
    ['01234543', '012340000053'], // d6 4: NS d1 d2 d3 d4 00000 d5
    ['01234558', '012345000058'], // d6 5–9: NS d1 d2 d3 d4 d5 0000 d6
    ['01234565', '012345000065'],
    ['01234572', '012345000072'],
    ['01234589', '012345000089'],
    ['01234596', '012345000096'],
  ])('%s → %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
    expect(classifyBarcode(upcE)).toMatchObject({ ok: true, value: { symbology: 'upce', upcA } });
  });

  it('keeps number system 1', () => {
    // 1 12 1 0000 345: 3×(1+2+0+0+3+5)+(1+1+0+0+4) = 39 → 1
    expect(expandUpcE('11234511')).toBe('112100003451');
  });

  it('refuses what is not UPC-E', () => {
    expect(() => expandUpcE('21234505')).toThrow(RangeError);
    expect(() => expandUpcE('0123450')).toThrow(RangeError);
  });
});
