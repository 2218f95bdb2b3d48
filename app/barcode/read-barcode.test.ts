import { describe, expect, it } from 'vitest';
import { defaultEmbeddedConfig } from './embedded';
import { defaultReadBarcodeOptions, lookupKeys, readBarcode, toAppError } from './read-barcode';

describe('readBarcode', () => {
  it('reads a price-embedded EAN-13 as an embedded item', () => {
    expect(readBarcode('2112345001999')).toEqual({
      ok: true,
      value: {
        kind: 'embedded',
        text: '2112345001999',
        embedded: { measure: 'price', prefix: '21', itemCode: '12345', priceMinor: 199 },
      },
    });
  });

  it('looks up ordinary GTINs, Code 128 text, and 2x codes without a layout', () => {
    expect(readBarcode('6911001000019')).toMatchObject({
      ok: true,
      value: { kind: 'lookup', code: { symbology: 'ean13' } },
    });
    expect(readBarcode('SKU-77')).toMatchObject({
      ok: true,
      value: { kind: 'lookup', code: { symbology: 'other', text: 'SKU-77' } },
    });
    const onlyPrices = {
      ...defaultReadBarcodeOptions,
      embedded: { '21': defaultEmbeddedConfig['21'] },
    };
    expect(readBarcode('2512345012344', onlyPrices)).toMatchObject({
      ok: true,
      value: { kind: 'lookup', code: { symbology: 'ean13', text: '2512345012344' } },
    });
  });

  it('refuses a wrong check digit and a wrong price verifier', () => {
    expect(readBarcode('2112345001998')).toMatchObject({
      ok: false,
      error: { code: 'check_digit_mismatch', expected: 9, found: 8 },
    });
    const verified = {
      ...defaultReadBarcodeOptions,
      embedded: { '20': { measure: 'price', itemDigits: 5, verifierDigit: true } as const },
    };
    expect(readBarcode('2012345201507', verified)).toMatchObject({
      ok: false,
      error: { code: 'price_check_mismatch', expected: 1, found: 2 },
    });
  });

  it('turns a typed error into the app error the cashier sees', () => {
    const result = readBarcode('4006381333932');
    if (result.ok) throw new Error('expected an error');
    expect(toAppError('4006381333932', result.error)).toEqual({
      code: 'invalid_barcode',
      params: { barcode: '4006381333932', reason: 'check_digit_mismatch' },
      message: 'Not a usable barcode 4006381333932 (check_digit_mismatch: expected 1, found 2)',
    });
  });
});

describe('lookupKeys', () => {
  it('lists the spellings a catalog may hold', () => {
    const keys = (text: string): string[] => {
      const read = readBarcode(text);
      if (!read.ok || read.value.kind !== 'lookup') throw new Error(`not a lookup: ${text}`);
      return lookupKeys(read.value.code);
    };
    expect(keys('04252614')).toEqual(['04252614', '042100005264', '0042100005264']);
    expect(keys('036000291452')).toEqual(['036000291452', '0036000291452']);
    expect(keys('0036000291452')).toEqual(['0036000291452', '036000291452']);
    expect(keys('6911001000019')).toEqual(['6911001000019']);
    expect(keys('96385074')).toEqual(['96385074']);
  });
});
