import { gtinCheckDigit } from '../catalog/gtin';
import { expandUpcE } from './upc-e';

/** The symbologies a scan's text can be told apart by; everything else is 'other'. */
export type Symbology = 'ean13' | 'ean8' | 'upca' | 'upce' | 'other';
export type GtinSymbology = Exclude<Symbology, 'other'>;

export type ScannedCode =
  /** `gtin14`: the code zero-padded to 14 digits, the GS1 form one catalog key can use. */
  | { symbology: 'ean13' | 'ean8' | 'upca'; text: string; gtin14: string }
  /** `upcA`: the 12-digit code the UPC-E stands for; `gtin14` is that, padded. */
  | { symbology: 'upce'; text: string; upcA: string; gtin14: string }
  /** Code 128, QR text, ITF-14 …: passed through untouched. */
  | { symbology: 'other'; text: string };

export type SymbologyError =
  | {
      code: 'check_digit_mismatch';
      symbology: GtinSymbology;
      text: string;
      expected: number;
      found: number;
    }
  | { code: 'empty' };

export type ClassifyResult =
  { ok: true; value: ScannedCode } | { ok: false; error: SymbologyError };

export interface ClassifyOptions {
  /**
   * An 8-digit code starting with 0 or 1 can be EAN-8 or UPC-E, and for UPC-E with d6 ≥ 5
   * both check digits always agree. EAN-8 prefixes 0xx/1xx are restricted or rare (GS1-8
   * prefix 0 is for restricted circulation), so UPC-E is tried first unless told otherwise.
   */
  eightDigit: 'upce-first' | 'ean8-first';
}

export const defaultClassifyOptions: ClassifyOptions = { eightDigit: 'upce-first' };

/**
 * Tells which retail symbology a scanned text is and checks its check digit. Digit strings of
 * 8, 12 or 13 digits are taken as EAN/UPC (a scanner reading those symbologies sends exactly
 * that), so a wrong check digit is an error, not 'other'.
 */
export function classifyBarcode(
  text: string,
  options: ClassifyOptions = defaultClassifyOptions,
): ClassifyResult {
  if (text === '') return { ok: false, error: { code: 'empty' } };
  if (/^\d{13}$/.test(text)) return checked('ean13', text);
  if (/^\d{12}$/.test(text)) return checked('upca', text);
  if (/^\d{8}$/.test(text)) return classifyEightDigits(text, options);
  return { ok: true, value: { symbology: 'other', text } };
}

function classifyEightDigits(text: string, options: ClassifyOptions): ClassifyResult {
  const asEan8 = checked('ean8', text);
  if (!/^[01]/.test(text)) return asEan8;
  const asUpcE = checkedUpcE(text);
  const [first, second] = options.eightDigit === 'upce-first' ? [asUpcE, asEan8] : [asEan8, asUpcE];
  if (first.ok) return first;
  if (second.ok) return second;
  return first;
}

function checked(symbology: 'ean13' | 'ean8' | 'upca', text: string): ClassifyResult {
  const expected = gtinCheckDigit(text.slice(0, -1));
  const found = Number(text.at(-1));
  if (expected !== found) return mismatch(symbology, text, expected, found);
  return { ok: true, value: { symbology, text, gtin14: text.padStart(14, '0') } };
}

function checkedUpcE(text: string): ClassifyResult {
  const upcA = expandUpcE(text);
  const expected = Number(upcA.at(-1));
  const found = Number(text.at(-1));
  if (expected !== found) return mismatch('upce', text, expected, found);
  return { ok: true, value: { symbology: 'upce', text, upcA, gtin14: upcA.padStart(14, '0') } };
}

const mismatch = (
  symbology: GtinSymbology,
  text: string,
  expected: number,
  found: number,
): ClassifyResult => ({
  ok: false,
  error: { code: 'check_digit_mismatch', symbology, text, expected, found },
});
