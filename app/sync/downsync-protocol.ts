import { z } from 'zod';
import { productUnitSchema } from '../api/catalog-schemas';
import { taxClassIdSchema } from '../tax/tax-class-schema';

/**
 * downsync-v1 (docs/downsync-v1.md) wire messages, shared by the back office and the till.
 * The till parses every answer with these after its signature verified; anything that does
 * not parse is refused like no answer.
 */
// zod's int() admits safe integers only; a refine per value would double the parse of a page.
const minor = z.number().int();

/** The answer signature's header, and what its HMAC covers. */
export const ANSWER_SIGNATURE_HEADER = 'x-pos-answer-signature';

export function answerSigningText(status: number, requestSig: string, bodySha256: string): string {
  return `downsync-v1\n${status}\n${requestSig}\n${bodySha256}`;
}

export const MAX_CATALOG_PAGE = 5000;
export const DEFAULT_CATALOG_PAGE = 2000;

export const syncedProductSchema = z.strictObject({
  id: z.string().min(1).max(64),
  deleted: z.literal(false),
  sku: z.string().max(64),
  barcode: z.string().max(32),
  extraBarcodes: z.array(z.string().max(32)).max(20),
  nameEn: z.string().max(200),
  nameZh: z.string().max(200),
  priceMinor: minor,
  taxClass: taxClassIdSchema,
  categoryId: z.string().max(16).nullable(),
  costMinor: minor.nullable(),
  unit: productUnitSchema,
  active: z.boolean(),
  trackStock: z.boolean(),
  plu: z.string().max(16).nullable(),
});
export const tombstoneSchema = z.strictObject({
  id: z.string().min(1).max(64),
  deleted: z.literal(true),
});
export const catalogChangeSchema = z.discriminatedUnion('deleted', [
  syncedProductSchema,
  tombstoneSchema,
]);

export const catalogPageSchema = z.union([
  z.strictObject({ managed: z.literal(false) }),
  z.strictObject({
    managed: z.literal(true),
    reload: z.literal(true),
    version: z.number().int().nonnegative(),
  }),
  z.strictObject({
    managed: z.literal(true),
    reload: z.literal(false),
    version: z.number().int().nonnegative(),
    snapshot: z.boolean(),
    cursor: z.string().min(1).max(200),
    hasMore: z.boolean(),
    products: z.array(catalogChangeSchema).max(MAX_CATALOG_PAGE),
  }),
]);

/** The owner's catalog change: one new version. */
export const catalogPutSchema = z.strictObject({
  merchantId: z.string().regex(/^\d{15}$/),
  products: z.array(syncedProductSchema.omit({ deleted: true })).max(20_000),
  deleted: z.array(z.string().min(1).max(64)).max(20_000).default([]),
});

export const memberViewSchema = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  balance: z.number().int(),
  offlineAllowance: z.number().int().nonnegative(),
});
export const memberLookupSchema = z.strictObject({ members: z.array(memberViewSchema).max(10) });

export const holdRequestSchema = z.strictObject({
  holdId: z.uuid(),
  points: z.number().int().positive().max(100_000_000),
});
export const holdAnswerSchema = z.strictObject({
  holdId: z.uuid(),
  points: z.number().int().positive(),
  balance: z.number().int(),
});

export const deliverySchema = z.strictObject({
  deliveryId: z.uuid(),
  shopId: z.string().min(1).max(64),
  receivedBy: z.string().min(1).max(100),
  receivedAt: z.iso.datetime({ offset: true }),
  lines: z
    .array(z.strictObject({ productId: z.string().min(1).max(64), quantity: z.number().int() }))
    .min(1)
    .max(2000),
});

export const stockLevelsSchema = z.strictObject({
  levels: z.array(
    z.strictObject({
      productId: z.string(),
      shops: z.array(z.strictObject({ shopId: z.string(), onHand: z.number().int() })),
    }),
  ),
});

export type SyncedProduct = z.output<typeof syncedProductSchema>;
export type CatalogChange = z.output<typeof catalogChangeSchema>;
export type CatalogPage = z.output<typeof catalogPageSchema>;
export type CatalogPut = z.output<typeof catalogPutSchema>;
export type MemberView = z.output<typeof memberViewSchema>;
export type HoldAnswer = z.output<typeof holdAnswerSchema>;
export type Delivery = z.output<typeof deliverySchema>;
export type StockLevels = z.output<typeof stockLevelsSchema>;
