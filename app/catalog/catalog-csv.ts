import type { CurrencyCode } from '../money/currency';
import { parseDecimal, toDecimalString } from '../money/format';
import type { NamedTaxClass, TaxClassId } from '../tax/tax-class';
import { csvLine } from './csv';
import type { CsvRecord } from './csv';
import type { Product, ProductUnit } from './product';
import type { ProductProblem } from './product-rules';

/**
 * The catalog's CSV columns (docs/catalog-csv.md). A file names the columns it has in its
 * first row, in any order; sku, name_en, name_zh and price are required. A column the file
 * leaves out keeps each existing product's value (a new product gets the default).
 */
export const csvColumns = [
  'sku',
  'barcode',
  'extra_barcodes',
  'name_en',
  'name_zh',
  'price',
  'unit',
  'tax_class',
  'category',
  'cost',
  'plu',
  'active',
  'track_stock',
  'favourite',
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export const requiredColumns: readonly CsvColumn[] = ['sku', 'name_en', 'name_zh', 'price'];

/** Where each known column is in the file; unknown columns are ignored (and reported). */
export type CsvHeader = Partial<Record<CsvColumn, number>>;

export type HeaderResult =
  | { ok: true; header: CsvHeader; ignored: string[] }
  | { ok: false; missing: CsvColumn[]; duplicated: string[] };

export function readHeader(fields: readonly string[]): HeaderResult {
  const header: CsvHeader = {};
  const ignored: string[] = [];
  const duplicated: string[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = csvColumns.find((c) => c === name);
    if (column === undefined) {
      if (name !== '') ignored.push(raw.trim());
    } else if (header[column] !== undefined) duplicated.push(column);
    else header[column] = i;
  });
  const missing = requiredColumns.filter((c) => header[c] === undefined);
  return missing.length > 0 || duplicated.length > 0
    ? { ok: false, missing, duplicated }
    : { ok: true, header, ignored };
}

/** A CSV row read into product fields; only the columns the file has are present. */
export interface CsvProductFields {
  sku: string;
  nameEn: string;
  nameZh: string;
  priceMinor: number;
  barcode?: string;
  extraBarcodes?: string[];
  unit?: ProductUnit;
  taxClass?: TaxClassId;
  /** A category code; '' for none. */
  category?: string;
  costMinor?: number | null;
  plu?: string | null;
  active?: boolean;
  trackStock?: boolean;
  favourite?: boolean;
}

export type CsvRowResult =
  { ok: true; fields: CsvProductFields } | { ok: false; problems: ProductProblem[] };

const TRUE = new Set(['1', 'y', 'yes', 'true', '是']);
const FALSE = new Set(['0', 'n', 'no', 'false', '否']);
const UNITS: Record<string, ProductUnit> = {
  piece: 'piece',
  pc: 'piece',
  pcs: 'piece',
  件: 'piece',
  个: 'piece',
  kg: 'kg',
  千克: 'kg',
  公斤: 'kg',
};

/**
 * Reads one data row. Every problem of the row is reported, not just the first. A tax class
 * is given by its id or its name (either case); an empty cell means the shop's first class.
 */
export function readCsvRow(
  record: CsvRecord,
  header: CsvHeader,
  currency: CurrencyCode,
  taxClasses: readonly NamedTaxClass[],
): CsvRowResult {
  const problems: ProductProblem[] = [];
  const cell = (column: CsvColumn): string | undefined => {
    const at = header[column];
    return at === undefined ? undefined : (record.fields[at] ?? '').trim();
  };
  const money = (column: 'price' | 'cost', text: string): number | null => {
    const minor = parseDecimal(text, currency);
    if (minor === null) problems.push({ code: 'invalid_price', params: { price: text } });
    return minor;
  };
  const flag = (column: 'active' | 'track_stock' | 'favourite'): boolean | undefined => {
    const text = cell(column);
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    if (lower === '') return column === 'active';
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    problems.push({ code: 'invalid_flag', params: { field: column, value: text } });
    return undefined;
  };

  const priceText = cell('price') ?? '';
  let priceMinor = 0;
  if (priceText === '') problems.push({ code: 'price_required', params: {} });
  else priceMinor = money('price', priceText) ?? 0;
  const fields: CsvProductFields = {
    sku: cell('sku') ?? '',
    nameEn: cell('name_en') ?? '',
    nameZh: cell('name_zh') ?? '',
    priceMinor,
  };
  const barcode = cell('barcode');
  if (barcode !== undefined) fields.barcode = barcode;
  const extra = cell('extra_barcodes');
  if (extra !== undefined) fields.extraBarcodes = extra.split(/[\s|;]+/).filter(Boolean);
  const unit = cell('unit');
  if (unit !== undefined) {
    const known = UNITS[unit.toLowerCase() === '' ? 'piece' : unit.toLowerCase()];
    if (known === undefined) problems.push({ code: 'invalid_unit', params: { unit } });
    else fields.unit = known;
  }
  const taxClass = cell('tax_class');
  if (taxClass !== undefined) {
    const known = taxClassNamed(taxClasses, taxClass);
    if (known === undefined) problems.push({ code: 'invalid_tax_class', params: { taxClass } });
    else fields.taxClass = known;
  }
  const category = cell('category');
  if (category !== undefined) fields.category = category;
  const cost = cell('cost');
  if (cost !== undefined) fields.costMinor = cost === '' ? null : money('cost', cost);
  const plu = cell('plu');
  if (plu !== undefined) fields.plu = plu === '' ? null : plu;
  const active = flag('active');
  if (active !== undefined) fields.active = active;
  const trackStock = flag('track_stock');
  if (trackStock !== undefined) fields.trackStock = trackStock;
  const favourite = flag('favourite');
  if (favourite !== undefined) fields.favourite = favourite;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}

const yes = (value: boolean): string => (value ? '1' : '0');

/** The header line of an export: every column, in the documented order. */
export const csvHeaderLine = (): string => csvLine(csvColumns);

/** A product as an export line the import reads back to the same product. */
export function productCsvLine(product: Product, currency: CurrencyCode): string {
  const values: Record<CsvColumn, string> = {
    sku: product.sku,
    barcode: product.barcode,
    extra_barcodes: product.extraBarcodes.join('|'),
    name_en: product.nameEn,
    name_zh: product.nameZh,
    price: toDecimalString(product.priceMinor, currency),
    unit: product.unit,
    tax_class: product.taxClass,
    category: product.categoryId ?? '',
    cost: product.costMinor === null ? '' : toDecimalString(product.costMinor, currency),
    plu: product.plu ?? '',
    active: yes(product.active),
    track_stock: yes(product.trackStock),
    favourite: yes(product.favourite),
  };
  return csvLine(csvColumns.map((c) => values[c]));
}

function taxClassNamed(classes: readonly NamedTaxClass[], text: string): TaxClassId | undefined {
  if (text === '') return classes[0]?.id;
  const wanted = text.toLowerCase();
  return classes.find((c) => c.id === wanted || c.name.toLowerCase() === wanted)?.id;
}
