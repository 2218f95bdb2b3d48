import { z } from 'zod';
import { currencySchema as currency } from '../money/currency-schema';

// Hold and recall, customers and member points, stock (issue #7).
const minor = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');
const count = z.number().int().min(0).max(1_000_000_000);

export const heldSaleSchema = z.object({
  id: z.uuid(),
  heldAt: z.string(),
  note: z.string(),
  operatorName: z.string(),
  currency,
  totalMinor: minor,
  itemCount: z.number().int(),
});

/** Digits with an optional leading +: what a person types or a card reader sends. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d{5,20}$/);
/** A member card's barcode: letters and digits, never a card number's 15+ digit run. */
export const memberCardSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,14}$/);

export const customerViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Masked (138****1234) unless the person asking is the owner. */
  phone: z.string(),
  phoneMasked: z.boolean(),
  cardBarcode: z.string().nullable(),
  /** The balance, summed from the ledger's sale and refund entries. */
  points: z.number().int(),
});

export const pointsRuleSchema = z.object({
  earnMinorPerPoint: z.number().int().min(1).max(1_000_000),
  redeemPoints: z.number().int().min(1).max(1_000_000),
  redeemValueMinor: z.number().int().min(1).max(1_000_000),
});

export const memberCartSchema = z.object({
  customer: customerViewSchema.nullable(),
  pointsRedeemed: z.number().int(),
  redeemedValueMinor: minor,
  rule: pointsRuleSchema,
});

export const stockRowSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  unit: z.enum(['piece', 'kg']),
  /** Pieces, or grams for an item sold by weight; Σ of the stock movements. */
  onHand: z.number().int(),
  threshold: count,
  low: z.boolean(),
});
