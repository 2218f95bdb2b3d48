import { z } from 'zod';
import { errorCodes } from '../errors';
import { taxClassIdSchema as taxClass } from '../tax/tax-class-schema';

/** The catalog: the owner's products, categories, CSV import and export, scale labels. */

const minor = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');

export const productUnitSchema = z.enum(['piece', 'kg']);

export const productSchema = z.object({
  id: z.string(),
  sku: z.string(),
  /** The main barcode; '' when the product has none (a weighed item known by its PLU). */
  barcode: z.string(),
  extraBarcodes: z.array(z.string()),
  nameEn: z.string(),
  nameZh: z.string(),
  /** Per item, or per kg for unit 'kg'. */
  priceMinor: minor,
  taxClass,
  categoryId: z.string().nullable(),
  costMinor: minor.nullable(),
  unit: productUnitSchema,
  active: z.boolean(),
  trackStock: z.boolean(),
  favourite: z.boolean(),
  /** Scale item code printed into price- or weight-embedded labels. */
  plu: z.string().nullable(),
});

/** What the owner's form sends: a new product has no id yet; the price may be missing. */
export const productInputSchema = z.strictObject({
  id: z.string().max(64).nullable(),
  sku: z.string().max(64),
  barcode: z.string().max(32),
  extraBarcodes: z.array(z.string().max(32)).max(20),
  nameEn: z.string().max(200),
  nameZh: z.string().max(200),
  priceMinor: minor.min(0).nullable(),
  taxClass: z.string().max(32),
  categoryId: z.string().max(16).nullable(),
  costMinor: minor.min(0).nullable(),
  unit: z.string().max(16),
  active: z.boolean(),
  trackStock: z.boolean(),
  favourite: z.boolean(),
  plu: z.string().max(16).nullable(),
});

export const categorySchema = z.object({
  id: z.string().min(1).max(16),
  nameEn: z.string().max(60),
  nameZh: z.string().max(60),
  colour: z.string().max(16),
  sortOrder: z.number().int(),
});

export const productPageSchema = z.object({
  products: z.array(productSchema),
  hasMore: z.boolean(),
});

const problemSchema = z.object({
  code: z.enum(errorCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const plannedSchema = z.object({
  line: z.number().int(),
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  priceMinor: minor,
  /** For a change: the fields that differ from the catalog. */
  fields: z.array(z.string()),
});

/** The dry run: what the import would do, nothing written yet. */
export const importPreviewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'gb18030']),
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  refusedCount: z.number().int(),
  newCategories: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  /** The first 100 of each. */
  addSample: z.array(plannedSchema),
  changeSample: z.array(plannedSchema),
  /** The first 500 refused rows, each with every reason. */
  refused: z.array(
    z.object({ line: z.number().int(), sku: z.string(), problems: z.array(problemSchema) }),
  ),
});

export const importResultSchema = z.object({
  importId: z.string(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  categoriesAdded: z.number().int(),
});

export const importProgressSchema = z.object({
  importId: z.string(),
  state: z.enum(['applying', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
});

export const catalogExportSchema = z.object({
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'gb18030']),
  products: z.number().int(),
  dataBase64: z.string(),
});

const rcnPrefix = z.enum(['20', '21', '22', '23', '24', '25', '26', '27', '28', '29']);

/** The shop's scale label layouts (GS1 prefixes 20–29); a prefix left out is a plain code. */
export const scaleLabelsSchema = z.partialRecord(
  rcnPrefix,
  z.strictObject({
    measure: z.enum(['price', 'weight']),
    itemDigits: z.number().int().min(1).max(8),
    verifierDigit: z.boolean(),
  }),
);

/** The catalog as the back office sends it (downsync-v1): whether it manages it, and which version the till has. */
export const catalogSyncViewSchema = z.object({
  managed: z.boolean(),
  /** The last catalog version applied in full; null before the first. */
  version: z.number().int().nullable(),
  syncedAt: z.string().nullable(),
  /** Why the last try failed (an error code with a message in both languages); null after a success. */
  lastError: z.object({ code: z.enum(errorCodes), at: z.string() }).nullable(),
});
