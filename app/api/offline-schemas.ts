import { z } from 'zod';
import { defaultOfflineSettings } from '../payments/offline-rules';

/** Bounded offline card acceptance (app/payments/offline-rules.ts), as stored and edited. */
export const offlineSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  perSaleCapMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  totalCapMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  countCap: z.number().int().min(0).max(10_000),
});

/** Stored risk settings from before offline acceptance existed read as "off". */
export const storedOfflineSettingsSchema = offlineSettingsSchema.default(defaultOfflineSettings);

/**
 * Where an offline approval stands. `pending`: sealed, waiting for the host. `approved`:
 * forwarded and approved. `declined` / `expired`: on the owner's worklist (collect from the
 * customer). `cancelled`: its sale was cancelled before it was forwarded; never sent.
 */
export const offlineStatuses = ['pending', 'approved', 'declined', 'expired', 'cancelled'] as const;

export const offlineWorkItemSchema = z.object({
  authId: z.string(),
  status: z.enum(['declined', 'expired']),
  /** The sale's receipt number (ledger seq), once the sale is committed. */
  saleSeq: z.number().int().nullable(),
  acceptedAt: z.string(),
  cardMasked: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  /** The host's answer: response code and message; null for an expired one. */
  responseCode: z.string().nullable(),
  message: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

/** The owner's view: the bounds, what waits for the host, and what was declined or expired. */
export const offlineViewSchema = z.object({
  settings: offlineSettingsSchema,
  pending: z.object({
    count: z.number().int(),
    totalMinor: z.number().int(),
    oldestAt: z.string().nullable(),
  }),
  /** Open items first, then the latest resolved ones. */
  worklist: z.array(offlineWorkItemSchema),
});

export const offlineResolveInputSchema = z.strictObject({
  authId: z.uuid(),
  /** What was done: collected in cash, written off, … */
  note: z.string().trim().min(1).max(200),
});
