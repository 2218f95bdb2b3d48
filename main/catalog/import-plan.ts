import { readCsvRow, readHeader } from '@app/catalog/catalog-csv';
import type { CsvProductFields } from '@app/catalog/catalog-csv';
import { parseCsv } from '@app/catalog/csv';
import { barcodesOf, newProduct } from '@app/catalog/product';
import type { Category, Product } from '@app/catalog/product';
import { categoryPalette, categoryProblems, productProblems } from '@app/catalog/product-rules';
import type { ProductProblem } from '@app/catalog/product-rules';
import type { CurrencyCode } from '@app/money/currency';
import type { NamedTaxClass } from '@app/tax/tax-class';
import { DomainError } from '@app/result';
import type { CatalogStore } from './catalog-store';
import { decodeCsv } from './csv-decode';
import type { CsvEncoding } from './csv-decode';

export interface RefusedRow {
  /** The file's line the row starts on (the header is line 1). */
  line: number;
  sku: string;
  problems: ProductProblem[];
}

export interface PlannedChange {
  line: number;
  product: Product;
  /** Which fields differ from the catalog (for a change). */
  fields: (keyof Product)[];
}

/** What an import would do, worked out before anything is written (the dry run). */
export interface ImportPlan {
  encoding: CsvEncoding;
  rows: number;
  adds: PlannedChange[];
  changes: PlannedChange[];
  unchanged: number;
  refused: RefusedRow[];
  newCategories: Category[];
  ignoredColumns: string[];
}

export interface PlanDeps {
  catalog: CatalogStore;
  currency: CurrencyCode;
  taxClasses: readonly NamedTaxClass[];
  newId: () => string;
}

interface Candidate {
  line: number;
  fields: CsvProductFields;
  product: Product;
  existing: Product | null;
  problems: ProductProblem[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function changedFields(before: Product, after: Product): (keyof Product)[] {
  return (Object.keys(after) as (keyof Product)[]).filter((key) => {
    const a = before[key];
    const b = after[key];
    return Array.isArray(a) && Array.isArray(b) ? !sameList(a, b) : a !== b;
  });
}

/** The product a row makes: the catalog's product with the row's columns laid over it. */
function merge(base: Product, fields: CsvProductFields): Product {
  const { category, ...rest } = fields;
  const product: Product = { ...base, ...rest };
  if (category !== undefined) product.categoryId = category === '' ? null : category;
  return product;
}

/**
 * Reads a CSV file and works out, row by row, what importing it would add, change, leave
 * alone and refuse, with every reason a row is refused. Nothing is written. A row is matched
 * to the catalog by SKU, so importing the same file twice changes nothing the second time.
 */
export function planImport(bytes: Uint8Array, deps: PlanDeps): ImportPlan {
  const { catalog, currency } = deps;
  const decoded = decodeCsv(bytes);
  const parsed = parseCsv(decoded.text);
  const [headerRecord, ...records] = parsed.records;
  if (headerRecord === undefined) {
    throw new DomainError('csv_header', 'empty file', { missing: 'sku, name_en, name_zh, price' });
  }
  if (decoded.badLines.has(headerRecord.line)) {
    throw new DomainError('wrong_encoding', 'the header is not UTF-8 or GB18030');
  }
  const header = readHeader(headerRecord.fields);
  if (!header.ok) {
    throw new DomainError('csv_header', 'bad header', {
      missing: [...header.missing, ...header.duplicated].join(', '),
    });
  }
  const refused: RefusedRow[] = [];
  const candidates: Candidate[] = [];
  const starts = records.map((r) => r.line);
  records.forEach((record, i) => {
    const end = (starts[i + 1] ?? Number.MAX_SAFE_INTEGER) - 1;
    const sku = (record.fields[header.header.sku ?? 0] ?? '').trim();
    const refuse = (problems: ProductProblem[]) =>
      refused.push({ line: record.line, sku, problems });
    for (const bad of decoded.badLines) {
      if (bad >= record.line && bad <= end) return refuse([{ code: 'wrong_encoding', params: {} }]);
    }
    if (record.fields.length !== headerRecord.fields.length) {
      return refuse([
        {
          code: 'csv_row',
          params: { found: record.fields.length, expected: headerRecord.fields.length },
        },
      ]);
    }
    const read = readCsvRow(record, header.header, currency, deps.taxClasses);
    if (!read.ok) return refuse(read.problems);
    const existing = catalog.bySku(read.fields.sku);
    const base =
      existing ??
      newProduct({
        id: deps.newId(),
        sku: read.fields.sku,
        barcode: '',
        nameEn: '',
        nameZh: '',
        priceMinor: 0,
        taxClass: deps.taxClasses[0]?.id ?? 'standard',
      });
    const product = merge(base, read.fields);
    candidates.push({
      line: record.line,
      fields: read.fields,
      product,
      existing,
      problems: productProblems(
        product,
        deps.taxClasses.map((c) => c.id),
      ),
    });
  });
  if (parsed.unterminatedAt !== null) {
    refused.push({
      line: parsed.unterminatedAt,
      sku: '',
      problems: [{ code: 'invalid_input', params: {} }],
    });
  }

  // Categories the file names that the catalog lacks are added, named by their code.
  const known = new Map(catalog.categories().map((c) => [c.id, c]));
  const newCategories: Category[] = [];
  let nextOrder = Math.max(0, ...[...known.values()].map((c) => c.sortOrder)) + 10;
  for (const candidate of candidates) {
    const id = candidate.product.categoryId;
    if (id === null || known.has(id)) continue;
    const category: Category = {
      id,
      nameEn: id,
      nameZh: id,
      colour: categoryPalette[newCategories.length % categoryPalette.length] ?? '#e5e5e5',
      sortOrder: nextOrder,
    };
    if (categoryProblems(category).length > 0) {
      candidate.problems.push({ code: 'category_not_found', params: { category: id } });
      continue;
    }
    nextOrder += 10;
    known.set(id, category);
    newCategories.push(category);
  }

  // Uniqueness: within the file (the first row keeps a code), then against the catalog. A
  // code another product holds is free when the file gives that product other codes.
  const fileSkus = new Map<string, Candidate>();
  const fileBarcodes = new Map<string, number>();
  const filePlus = new Map<string, number>();
  for (const c of candidates) {
    if (c.problems.length > 0) continue;
    const firstSku = fileSkus.get(c.product.sku);
    if (firstSku) {
      c.problems.push({
        code: 'duplicate_sku_in_file',
        params: { sku: c.product.sku, line: firstSku.line },
      });
      continue;
    }
    fileSkus.set(c.product.sku, c);
  }
  for (const c of candidates) {
    if (c.problems.length > 0) continue;
    for (const code of barcodesOf(c.product)) {
      const first = fileBarcodes.get(code);
      if (first !== undefined) {
        c.problems.push({
          code: 'duplicate_barcode_in_file',
          params: { barcode: code, line: first },
        });
      }
    }
    const plu = c.product.plu;
    const firstPlu = plu === null ? undefined : filePlus.get(plu);
    if (plu !== null && firstPlu !== undefined) {
      c.problems.push({ code: 'duplicate_plu_in_file', params: { plu, line: firstPlu } });
    }
    if (c.problems.length > 0) continue;
    for (const code of barcodesOf(c.product)) fileBarcodes.set(code, c.line);
    if (plu !== null) filePlus.set(plu, c.line);
  }
  const releases = (sku: string, holds: (p: Product) => boolean): boolean => {
    const other = fileSkus.get(sku);
    return other !== undefined && other.problems.length === 0 && !holds(other.product);
  };
  for (const c of candidates) {
    if (c.problems.length > 0) continue;
    for (const code of barcodesOf(c.product)) {
      const owner = catalog.barcodeOwner(code);
      if (
        owner &&
        owner.sku !== c.product.sku &&
        !releases(owner.sku, (p) => barcodesOf(p).includes(code))
      ) {
        c.problems.push({ code: 'duplicate_barcode', params: { barcode: code, sku: owner.sku } });
      }
    }
    const plu = c.product.plu;
    const pluOwner = plu === null ? null : catalog.byPlu(plu);
    if (
      plu !== null &&
      pluOwner &&
      pluOwner.sku !== c.product.sku &&
      !releases(pluOwner.sku, (p) => p.plu === plu)
    ) {
      c.problems.push({ code: 'duplicate_plu', params: { plu, sku: pluOwner.sku } });
    }
  }

  const plan: ImportPlan = {
    encoding: decoded.encoding,
    rows: records.length,
    adds: [],
    changes: [],
    unchanged: 0,
    refused,
    newCategories: [],
    ignoredColumns: header.ignored,
  };
  const usedCategories = new Set<string>();
  for (const c of candidates) {
    if (c.problems.length > 0) {
      refused.push({ line: c.line, sku: c.product.sku, problems: c.problems });
    } else if (c.existing === null) {
      plan.adds.push({ line: c.line, product: c.product, fields: [] });
    } else {
      const fields = changedFields(c.existing, c.product);
      if (fields.length === 0) plan.unchanged += 1;
      else plan.changes.push({ line: c.line, product: c.product, fields });
    }
    if (c.problems.length === 0 && c.product.categoryId !== null)
      usedCategories.add(c.product.categoryId);
  }
  plan.newCategories = newCategories.filter((category) => usedCategories.has(category.id));
  refused.sort((a, b) => a.line - b.line);
  return plan;
}

/**
 * Writes a plan in one transaction: its new categories, then its products. Codes that move
 * from one product to another are released first, so the order of rows never matters.
 */
export function applyPlan(
  catalog: CatalogStore,
  plan: Pick<ImportPlan, 'adds' | 'changes' | 'newCategories'>,
  onProgress: (done: number) => void,
): number {
  return catalog.inTransaction(() => {
    if (plan.newCategories.length > 0) catalog.saveCategories(plan.newCategories);
    catalog.releaseCodes(plan.changes.map((c) => c.product.id));
    const products = [...plan.adds, ...plan.changes].map((c) => c.product);
    return catalog.upsertMany(products, onProgress);
  });
}
