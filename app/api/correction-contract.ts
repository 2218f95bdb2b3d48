import { z } from 'zod';
import { command } from './command';
import {
  correctionDoneSchema,
  correctionViewSchema,
  pendingCorrectionSchema,
  refundPreviewSchema,
  requestedLinesSchema,
} from './correction-schemas';

const none = z.strictObject({});
const saleId = z.strictObject({ saleId: z.uuid() });
const reason = z.string().trim().min(1).max(120);

/** Voids (撤销) and refunds (退货) of committed sales (issue #6); part of contract.ts. */
export const correctionCommands = {
  'correction.get': command(
    'A sale with what is left to give back, its earlier voids and refunds, and whether it can be voided.',
    saleId,
    correctionViewSchema,
  ),
  'correction.find': command(
    'Finds a sale by its scanned receipt code (the sale id) or its receipt number.',
    z.strictObject({ query: z.string().trim().min(1).max(64) }),
    correctionViewSchema,
  ),
  'correction.preview': command(
    'What a refund of these units would give back, to which tenders, and whether a manager must approve.',
    z.strictObject({ saleId: z.uuid(), lines: requestedLinesSchema }),
    refundPreviewSchema,
  ),
  'sale.void': command(
    'Voids a sale of the open batch (撤销): card and QR legs cancelled at the host, chip legs at the terminal, cash from the drawer.',
    z.strictObject({ saleId: z.uuid(), reason }),
    correctionDoneSchema,
  ),
  'sale.refund': command(
    'Refunds units of a sale (退货) back to its tenders; above the refund limit a manager approves.',
    z.strictObject({
      saleId: z.uuid(),
      lines: requestedLinesSchema,
      reason,
      restock: z.boolean(),
    }),
    correctionDoneSchema,
  ),
  'correction.pending': command(
    'A void or refund that could not finish (a card leg unanswered), or null.',
    none,
    pendingCorrectionSchema.nullable(),
  ),
  'correction.retry': command(
    'Tries the unfinished legs of the pending void or refund again.',
    none,
    correctionDoneSchema,
  ),
  'correction.cashInstead': command(
    'Pays the failed legs of the pending refund back in cash from the drawer instead.',
    none,
    correctionDoneSchema,
  ),
  'correction.abandon': command(
    'Drops the pending void or refund; refused once any leg has paid back.',
    none,
    z.object({}),
  ),
} as const;

export const correctionEvents = {
  'correction.changed': {
    summary: 'The pending void or refund changed (a leg done or failed, committed, dropped).',
    payload: pendingCorrectionSchema.nullable(),
  },
} as const;
