import { describe, expect, it } from 'vitest';
import { barcodeText } from './barcode-data';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('barcodeText', () => {
  it('reads function A/B data as ASCII', () => {
    expect(barcodeText(2, bytes('4006381333931'))).toBe('4006381333931');
  });

  it('strips CODE128 code set selectors and unescapes {{', () => {
    // As esc-pos-encoder sends code128: "{B" + data.
    expect(barcodeText(73, bytes('{BSALE-0042'))).toBe('SALE-0042');
    expect(barcodeText(73, bytes('{Ba{{b'))).toBe('a{b');
  });

  it('reads CODE128 code set C bytes as digit pairs', () => {
    // "{C" then 12, 34, 05 as byte values, then back to B for "X".
    expect(barcodeText(73, Uint8Array.of(0x7b, 0x43, 12, 34, 5, 0x7b, 0x42, 0x58))).toBe('123405X');
  });
});
