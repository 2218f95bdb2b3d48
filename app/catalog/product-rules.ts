import type { ErrorCode } from '../errors';
import { defaultTaxClasses } from '../tax/tax-class';
import { containsCardData } from '../sync/sensitive-data';
import { isValidGtin } from './gtin';
import { barcodesOf, productUnits } from './product';
import type { Category, Product } from './product';

/** One thing wrong with a product, as an error code the screen translates. */
export interface ProductProblem {
  code: ErrorCode;
  params: Record<string, string | number>;
}

export const MAX_SKU = 32;
export const MAX_NAME = 120;
/** Scale item codes: 4 to 6 digits, as the shop's label layouts leave room for. */
const PLU = /^\d{4,6}$/;
const SKU = /^[^\s,"]{1,32}$/;

const problem = (
  code: ErrorCode,
  params: Record<string, string | number> = {},
): ProductProblem => ({ code, params });

/**
 * What is wrong with a product on its own (uniqueness against others is the store's job):
 * the owner's form and every CSV row go through here, so both refuse the same things.
 */
export function productProblems(product: Product): ProductProblem[] {
  const found: ProductProblem[] = [];
  if (product.sku.trim() === '') found.push(problem('missing_field', { field: 'sku' }));
  else if (!SKU.test(product.sku)) found.push(problem('invalid_input', { field: 'sku' }));
  for (const field of ['nameEn', 'nameZh'] as const) {
    const name = product[field].trim();
    if (name === '') found.push(problem('missing_field', { field }));
    else if (name.length > MAX_NAME) found.push(problem('invalid_input', { field }));
    // upstream-sync-v1 "Card data": a CSV row is not a command, so the API's check misses it.
    else if (containsCardData(name)) found.push(problem('card_data_in_text', { field }));
  }
  if (!Number.isSafeInteger(product.priceMinor) || product.priceMinor < 0) {
    found.push(problem('invalid_price', { price: String(product.priceMinor) }));
  }
  if (
    product.costMinor !== null &&
    (!Number.isSafeInteger(product.costMinor) || product.costMinor < 0)
  ) {
    found.push(problem('invalid_price', { price: String(product.costMinor) }));
  }
  if (!defaultTaxClasses.some((c) => c.id === product.taxClass)) {
    found.push(problem('invalid_tax_class', { taxClass: product.taxClass }));
  }
  if (!productUnits.includes(product.unit)) {
    found.push(problem('invalid_unit', { unit: product.unit }));
  }
  const codes = barcodesOf(product);
  for (const code of codes) {
    if (!isValidGtin(code)) found.push(problem('invalid_barcode', { barcode: code }));
  }
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated !== undefined) found.push(problem('duplicate_barcode', { barcode: repeated }));
  if (product.plu !== null && !PLU.test(product.plu)) {
    found.push(problem('invalid_plu', { plu: product.plu }));
  }
  return found;
}

const COLOUR = /^#[0-9a-f]{6}$/i;

export function categoryProblems(category: Category): ProductProblem[] {
  const found: ProductProblem[] = [];
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(category.id)) {
    found.push(problem('missing_field', { field: 'id' }));
  }
  if (category.nameEn.trim() === '') found.push(problem('missing_field', { field: 'nameEn' }));
  if (category.nameZh.trim() === '') found.push(problem('missing_field', { field: 'nameZh' }));
  if (!COLOUR.test(category.colour)) {
    found.push(problem('invalid_colour', { colour: category.colour }));
  }
  if (!Number.isInteger(category.sortOrder)) {
    found.push(problem('invalid_input', { field: 'sortOrder' }));
  }
  return found;
}

/** Colours new categories get in turn: light enough for dark text, distinct at a glance. */
export const categoryPalette = [
  '#ffd166',
  '#8ecae6',
  '#b7e4c7',
  '#f4a7b9',
  '#cdb4db',
  '#ffb4a2',
  '#a8dadc',
  '#e9c46a',
  '#c7f9cc',
  '#bde0fe',
] as const;
