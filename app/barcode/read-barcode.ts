import type { AppError } from '../result';
import { decodeEmbeddedBarcode, defaultEmbeddedConfig } from './embedded';
import type { EmbeddedCode, EmbeddedConfig, EmbeddedError } from './embedded';
import { classifyBarcode, defaultClassifyOptions } from './symbology';
import type { ClassifyOptions, ScannedCode, SymbologyError } from './symbology';

/**
 * One scan, read the way the till needs it: an item with its price or weight printed in the
 * code (restricted circulation 20–29 with a layout), or a code to look a product up by.
 */
export type ReadBarcode =
  | { kind: 'embedded'; text: string; embedded: EmbeddedCode }
  | { kind: 'lookup'; code: ScannedCode };

export type ReadBarcodeError =
  SymbologyError | Extract<EmbeddedError, { code: 'price_check_mismatch' | 'invalid_layout' }>;

export type ReadBarcodeResult =
  { ok: true; value: ReadBarcode } | { ok: false; error: ReadBarcodeError };

export interface ReadBarcodeOptions {
  classify: ClassifyOptions;
  embedded: EmbeddedConfig;
}

export const defaultReadBarcodeOptions: ReadBarcodeOptions = {
  classify: defaultClassifyOptions,
  embedded: defaultEmbeddedConfig,
};

export function readBarcode(
  text: string,
  options: ReadBarcodeOptions = defaultReadBarcodeOptions,
): ReadBarcodeResult {
  const classified = classifyBarcode(text, options.classify);
  if (!classified.ok) return classified;
  const code = classified.value;
  if (code.symbology !== 'ean13') return { ok: true, value: { kind: 'lookup', code } };
  const embedded = decodeEmbeddedBarcode(text, options.embedded);
  if (embedded.ok) return { ok: true, value: { kind: 'embedded', text, embedded: embedded.value } };
  switch (embedded.error.code) {
    case 'price_check_mismatch':
    case 'invalid_layout':
      return { ok: false, error: embedded.error };
    // Outside 20–29, or a 2x prefix the shop uses for plain in-store codes: look it up.
    default:
      return { ok: true, value: { kind: 'lookup', code } };
  }
}

/**
 * The spellings a catalog may hold one product under, best first: as scanned, then the UPC-A
 * a UPC-E stands for, then UPC-A and its EAN-13 form (0 + UPC-A) for each other.
 */
export function lookupKeys(code: ScannedCode): string[] {
  switch (code.symbology) {
    case 'upce':
      return [code.text, code.upcA, `0${code.upcA}`];
    case 'upca':
      return [code.text, `0${code.text}`];
    case 'ean13':
      return code.text.startsWith('0') ? [code.text, code.text.slice(1)] : [code.text];
    case 'ean8':
    case 'other':
      return [code.text];
  }
}

/**
 * The app's error for a scan that cannot be used: `invalid_barcode`, whose translated message
 * interpolates {{barcode}}; `reason` is the typed error's code, for logs and the technician.
 */
export function toAppError(text: string, error: ReadBarcodeError): AppError {
  const detail =
    error.code === 'check_digit_mismatch' || error.code === 'price_check_mismatch'
      ? `: expected ${error.expected}, found ${error.found}`
      : error.code === 'invalid_layout'
        ? `: ${error.message}`
        : '';
  return {
    code: 'invalid_barcode',
    params: { barcode: text, reason: error.code },
    message: `Not a usable barcode ${text} (${error.code}${detail})`,
  };
}
