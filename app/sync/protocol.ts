import { z } from 'zod';
import { currencySchema as currency } from '../money/currency-schema';
import { entryTypes } from '../ledger/entry';
import type { JsonValue } from '../ledger/entry';

/**
 * upstream-sync-v1 wire messages, as zod schemas shared by the terminal's client and the
 * test host. Every answer from a host is parsed with these: anything that does not parse
 * is an unknown outcome, never a success.
 */
const minor = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');
const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const merchantIdSchema = z.string().regex(/^\d{15}$/);
export const terminalIdSchema = z.string().regex(/^[A-Z0-9]{8}$/);
export const batchNoSchema = z.string().regex(/^\d{6}$/);
export const traceNoSchema = z.string().regex(/^\d{6}$/);

// "Identities"
export const bindRequestSchema = z.strictObject({
  merchantId: merchantIdSchema,
  terminalId: terminalIdSchema,
  bindingCode: z.string().regex(/^\d{6}$/),
  deviceName: z.string().min(1).max(64),
});
export const bindResponseSchema = z.object({
  // Base64 of exactly 32 bytes: 43 characters and one '='.
  terminalSecret: z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/),
  merchantName: z.string(),
  settlementAccount: z.string(),
});

// "Ledger entries"
export const tenderSchema = z.strictObject({
  method: z.enum(['cash', 'card', 'qr', 'other']),
  amount: minor,
});
export const wireEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  id: z.uuid(),
  type: z.enum(entryTypes),
  at: z.iso.datetime({ precision: 3 }),
  batchNo: batchNoSchema,
  currency,
  amount: minor,
  tenders: z.array(tenderSchema),
  refId: z.uuid().optional(),
  // Parsed from JSON, so JSON by construction; the host does not interpret it, and
  // checking it value by value (z.json) cost more than the rest of an upload.
  detail: z.custom<{ [key: string]: JsonValue }>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'detail must be an object',
  ),
  prevHash: hash,
  hash,
});

// "Uploading"
export const batchRequestSchema = z.strictObject({
  batchId: z.uuid(),
  terminalId: terminalIdSchema,
  fromSeq: z.number().int().positive(),
  toSeq: z.number().int().positive(),
  entries: z.array(wireEntrySchema).min(1).max(500),
  count: z.number().int().positive(),
  amountTotal: minor,
});
export const batchAcceptedSchema = z.object({
  batchId: z.uuid(),
  acceptedThroughSeq: z.number().int().nonnegative(),
  receivedAt: z.string(),
});

// "Cursor"
export const cursorSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  headHash: hash,
});

// "Settlement"
export const settlementRequestSchema = z.strictObject({
  batchNo: batchNoSchema,
  throughSeq: z.number().int().positive(),
  // Only the types and methods the batch has: zod's record over an enum would demand all.
  totals: z.partialRecord(
    z.enum(entryTypes),
    z.strictObject({ count: z.number().int(), amount: minor }),
  ),
  byMethod: z.partialRecord(z.enum(['cash', 'card', 'qr', 'other']), minor),
});
export const settlementResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('balanced') }),
  z.object({
    status: z.literal('unbalanced'),
    hostTotals: z.record(z.string(), z.object({ count: z.number().int(), amount: minor })),
    hostByMethod: z.record(z.string(), minor),
  }),
]);

// "Card and QR authorization"
export const authorizationRequestSchema = z.strictObject({
  authId: z.uuid(),
  kind: z.enum(['sale', 'refund']),
  amount: minor.positive(),
  currency,
  entryMode: z.enum(['swipe', 'qr']),
  track2: z.string().max(40).optional(),
  qrCode: z.string().max(64).optional(),
  batchNo: batchNoSchema,
  traceNo: traceNoSchema,
  refAuthId: z.uuid().optional(),
});
export const authorizationResponseSchema = z.discriminatedUnion('approved', [
  z.object({
    approved: z.literal(true),
    authCode: z.string().length(6),
    rrn: z.string().regex(/^\d{12}$/),
    cardMasked: z.string(),
    cardBrand: z.string(),
    cardType: z.enum(['credit', 'debit', 'wallet']),
  }),
  z.object({ approved: z.literal(false), responseCode: z.string().length(2), message: z.string() }),
]);
export const reversalResponseSchema = z.object({ reversed: z.boolean() });
export const voidResponseSchema = z.object({ voided: z.literal(true) });

/** Every `{"error": …}` body the spec names, with its extra fields. */
export const hostErrorSchema = z.discriminatedUnion('error', [
  z.object({ error: z.literal('binding_code_invalid') }),
  z.object({ error: z.literal('binding_locked'), retryAfter: z.number().int().nonnegative() }),
  z.object({ error: z.literal('bad_signature') }),
  z.object({ error: z.literal('clock_skew'), serverTime: z.number().int() }),
  z.object({ error: z.literal('too_large') }),
  z.object({ error: z.literal('seq_gap'), expectedSeq: z.number().int().positive() }),
  z.object({ error: z.literal('idempotency_conflict') }),
  z.object({ error: z.literal('chain_broken'), atSeq: z.number().int().positive() }),
  z.object({ error: z.literal('totals_mismatch') }),
  z.object({ error: z.literal('sensitive_data'), path: z.string() }),
  z.object({ error: z.literal('not_synced'), lastSeq: z.number().int().nonnegative() }),
  z.object({ error: z.literal('already_settled') }),
]);

export type BindRequest = z.output<typeof bindRequestSchema>;
export type BindResponse = z.output<typeof bindResponseSchema>;
export type WireEntry = z.output<typeof wireEntrySchema>;
export type BatchRequest = z.output<typeof batchRequestSchema>;
export type BatchAccepted = z.output<typeof batchAcceptedSchema>;
export type Cursor = z.output<typeof cursorSchema>;
export type SettlementRequest = z.output<typeof settlementRequestSchema>;
export type SettlementResponse = z.output<typeof settlementResponseSchema>;
export type AuthorizationRequest = z.output<typeof authorizationRequestSchema>;
export type AuthorizationResponse = z.output<typeof authorizationResponseSchema>;
export type HostError = z.output<typeof hostErrorSchema>;

/** upstream-sync-v1 "Uploading": at most 500 entries and 1 MiB per request. */
export const MAX_BATCH_ENTRIES = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
/** "Authentication": a request more than 300 s from the host's clock is refused. */
export const MAX_CLOCK_SKEW_S = 300;
/** "Card and QR authorization": no answer within 30 s is an unknown outcome. */
export const AUTHORIZATION_TIMEOUT_MS = 30_000;
