import { z } from 'zod';
import { errorCodes } from '../errors';
import { saleRecordSchema } from './schemas';

const minor = z.number().int();
const tenderMethod = z.enum(['cash', 'card', 'qr', 'other']);

/** One line of a sale: sold, already given back, still returnable. */
export const lineLeftSchema = z.object({
  lineId: z.string(),
  sold: z.number().int(),
  returned: z.number().int(),
  left: z.number().int(),
});

/** An earlier void or refund of the sale, as the ledger holds it. */
export const correctionSummarySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.enum(['void', 'refund']),
  amountMinor: minor,
  operatorName: z.string(),
  reason: z.string(),
});

/** A sale as the refund screen sees it: what is left to give back and whether it can be voided. */
export const correctionViewSchema = z.object({
  sale: saleRecordSchema,
  lines: z.array(lineLeftSchema),
  /** What each of the sale's tenders can still pay back (same order as sale.tenders). */
  tendersLeft: z.array(minor),
  corrections: z.array(correctionSummarySchema),
  /** Null when the sale can be voided now; otherwise why not (e.g. already_settled). */
  voidRefusal: z.enum(errorCodes).nullable(),
  /** Null when nothing is left to refund; otherwise why not (e.g. risk_refund_too_late). */
  refundRefusal: z.enum(errorCodes).nullable(),
  /** A refund above this needs a manager (the owner's staff rules). */
  refundLimitMinor: minor,
});
export type CorrectionView = z.output<typeof correctionViewSchema>;

export const requestedLinesSchema = z
  .array(z.strictObject({ lineId: z.string().max(64), quantity: z.number().int().min(0) }))
  .max(500);

/** One tender paying back, with how: host, terminal, drawer or by hand. */
export const correctionLegSchema = z.object({
  legIndex: z.number().int(),
  method: tenderMethod,
  amountMinor: minor,
  entryMode: z.enum(['swipe', 'qr', 'chip']).optional(),
  cardMasked: z.string().optional(),
  status: z.enum(['pending', 'done', 'failed']),
  /** Why the leg failed last time, for the screen. */
  error: z
    .object({
      code: z.enum(errorCodes),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable(),
});

/** What a refund would give back, before it is confirmed. */
export const refundPreviewSchema = z.object({
  amountMinor: minor,
  legs: z.array(correctionLegSchema),
  /** Above the owner's refund limit: a manager approves (or does it). */
  needsManager: z.boolean(),
});

/** A void or refund under way: legs paid back so far; committed when every leg is done. */
export const pendingCorrectionSchema = z.object({
  id: z.string(),
  kind: z.enum(['void', 'refund']),
  saleId: z.string(),
  saleSeq: z.number().int(),
  currency: z.string(),
  amountMinor: minor,
  reason: z.string(),
  legs: z.array(correctionLegSchema),
});
export type PendingCorrection = z.output<typeof pendingCorrectionSchema>;

/** A void or refund committed to the ledger. */
export const correctionDoneSchema = z.object({
  kind: z.enum(['void', 'refund']),
  seq: z.number().int(),
  saleId: z.string(),
  amountMinor: minor,
  /** Cash to hand back from the drawer. */
  cashMinor: minor,
});
