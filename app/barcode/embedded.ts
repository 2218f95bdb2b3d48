import { gtinCheckDigit } from '../catalog/gtin';
import { priceVerifierDigit } from './price-verifier';

/**
 * Restricted-circulation EAN-13 (GS1 prefixes 20–29): a scale or the shop prints the item
 * and its price or weight into the barcode. GS1 leaves the layout to each country or shop, so
 * it is configured per prefix. The common one, and the default here:
 *
 *   2 p | i i i i i | [v] | n n n n (n) | c
 *   prefix, item reference, optional price verifier, value (5 digits, or 4 after a verifier),
 *   EAN-13 check digit.
 */
export type RcnPrefix = '20' | '21' | '22' | '23' | '24' | '25' | '26' | '27' | '28' | '29';

export interface EmbeddedLayout {
  /** price: the value is an amount in minor units; weight: grams. */
  measure: 'price' | 'weight';
  /** Digits of the item reference after the 2-digit prefix. */
  itemDigits: number;
  /** A GS1 verifier digit (7.9.3) before the value; the value is then 4 digits. */
  verifierDigit: boolean;
}

/** Prefixes without a layout are not read as embedded codes. */
export type EmbeddedConfig = Partial<Record<RcnPrefix, EmbeddedLayout>>;

const priceLayout: EmbeddedLayout = { measure: 'price', itemDigits: 5, verifierDigit: false };
const weightLayout: EmbeddedLayout = { measure: 'weight', itemDigits: 5, verifierDigit: false };

/** 20–24: 5-digit item, price 0–99999 minor units; 25–29: 5-digit item, weight 0–99999 g. */
export const defaultEmbeddedConfig: EmbeddedConfig = {
  '20': priceLayout,
  '21': priceLayout,
  '22': priceLayout,
  '23': priceLayout,
  '24': priceLayout,
  '25': weightLayout,
  '26': weightLayout,
  '27': weightLayout,
  '28': weightLayout,
  '29': weightLayout,
};

export type EmbeddedCode =
  | { measure: 'price'; prefix: RcnPrefix; itemCode: string; priceMinor: number }
  | { measure: 'weight'; prefix: RcnPrefix; itemCode: string; grams: number };

export type EmbeddedError =
  /** Not 13 digits. */
  | { code: 'not_ean13'; text: string }
  | { code: 'check_digit_mismatch'; text: string; expected: number; found: number }
  /** A valid EAN-13 outside 20–29: an ordinary GTIN, look it up as it is. */
  | { code: 'not_restricted_circulation'; text: string }
  /** A 20–29 prefix this shop has no layout for. */
  | { code: 'prefix_not_configured'; text: string; prefix: RcnPrefix }
  | { code: 'price_check_mismatch'; text: string; expected: number; found: number }
  | { code: 'invalid_layout'; prefix: RcnPrefix; message: string };

export type EmbeddedResult =
  { ok: true; value: EmbeddedCode } | { ok: false; error: EmbeddedError };

const isRcnPrefix = (text: string): text is RcnPrefix => /^2\d$/.test(text);

/** Value digits a layout leaves: 13 − prefix 2 − item − verifier − check digit 1. */
export const valueDigitsOf = (layout: EmbeddedLayout): number =>
  10 - layout.itemDigits - (layout.verifierDigit ? 1 : 0);

/** Why a layout cannot be used, or null when it can. */
export function layoutProblem(layout: EmbeddedLayout): string | null {
  if (!Number.isInteger(layout.itemDigits) || layout.itemDigits < 1) {
    return `itemDigits must be a positive integer, not ${layout.itemDigits}`;
  }
  const valueDigits = valueDigitsOf(layout);
  if (layout.verifierDigit && valueDigits !== 4) {
    return `a verifier digit needs a 4-digit value, this layout leaves ${valueDigits}`;
  }
  if (valueDigits < 4 || valueDigits > 5) {
    return `the value must be 4 or 5 digits, this layout leaves ${valueDigits}`;
  }
  return null;
}

/** Reads the item and its price or weight out of a restricted-circulation EAN-13. */
export function decodeEmbeddedBarcode(
  text: string,
  config: EmbeddedConfig = defaultEmbeddedConfig,
): EmbeddedResult {
  if (!/^\d{13}$/.test(text)) return failure({ code: 'not_ean13', text });
  const expected = gtinCheckDigit(text.slice(0, 12));
  const found = Number(text[12]);
  if (expected !== found) return failure({ code: 'check_digit_mismatch', text, expected, found });
  const prefix = text.slice(0, 2);
  if (!isRcnPrefix(prefix)) return failure({ code: 'not_restricted_circulation', text });
  const layout = config[prefix];
  if (layout === undefined) return failure({ code: 'prefix_not_configured', text, prefix });
  const problem = layoutProblem(layout);
  if (problem !== null) return failure({ code: 'invalid_layout', prefix, message: problem });

  const itemEnd = 2 + layout.itemDigits;
  const itemCode = text.slice(2, itemEnd);
  const valueText = text.slice(itemEnd + (layout.verifierDigit ? 1 : 0), 12);
  if (layout.verifierDigit) {
    const verifierExpected = priceVerifierDigit(valueText);
    const verifierFound = Number(text[itemEnd]);
    if (verifierExpected !== verifierFound) {
      return failure({
        code: 'price_check_mismatch',
        text,
        expected: verifierExpected,
        found: verifierFound,
      });
    }
  }
  const value = Number(valueText);
  return {
    ok: true,
    value:
      layout.measure === 'price'
        ? { measure: 'price', prefix, itemCode, priceMinor: value }
        : { measure: 'weight', prefix, itemCode, grams: value },
  };
}

const failure = (error: EmbeddedError): EmbeddedResult => ({ ok: false, error });
