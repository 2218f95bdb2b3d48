import { z } from 'zod';
import { riskTenders } from '../payments/risk-rules';
import { feeKinds } from '../fees/fee-schedule';
import { currencySchema } from '../money/currency-schema';
import { offlineSettingsSchema, storedOfflineSettingsSchema } from './offline-schemas';

const minor = z.number().int().min(0);
const limits = z.strictObject({
  perTransactionMinor: minor.nullable(),
  dailyMinor: minor.nullable(),
  monthlyMinor: minor.nullable(),
});

/** The owner's risk rules (app/payments/risk-rules.ts), as stored and edited. */
export const riskSettingsSchema = z.strictObject({
  limits: z.strictObject(
    Object.fromEntries(riskTenders.map((tender) => [tender, limits])) as Record<
      (typeof riskTenders)[number],
      typeof limits
    >,
  ),
  blockedBinPrefixes: z.array(z.string().regex(/^\d{1,8}$/)).max(1_000),
  blockedCardKeys: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000),
  velocity: z
    .strictObject({
      maxUses: z.number().int().min(1).max(100),
      withinMinutes: z.number().int().min(1).max(1_440),
    })
    .nullable(),
  refundWithinDays: z.number().int().min(0).max(3_650).nullable(),
  offline: storedOfflineSettingsSchema,
});

/**
 * What the owner edits; blocked cards are opaque keys, added by swiping and cleared whole.
 * Offline acceptance has its own command (offline.setSettings): absent here, it is kept.
 */
export const riskRulesInputSchema = riskSettingsSchema
  .omit({ blockedCardKeys: true })
  .extend({ offline: offlineSettingsSchema.optional() });

export const riskEventSchema = z.object({
  at: z.string(),
  rule: z.enum([
    'per_transaction_limit',
    'daily_limit',
    'monthly_limit',
    'blocked_range',
    'blocked_card',
    'velocity',
    'refund_too_late',
  ]),
  kind: z.enum(['sale', 'refund']),
  tender: z.enum(riskTenders),
  amountMinor: z.number().int(),
  cardMasked: z.string().nullable(),
});

/** The owner's risk screen: the rules, how many cards are blocked, the latest refusals. */
export const riskViewSchema = z.object({
  rules: riskRulesInputSchema,
  blockedCards: z.number().int(),
  events: z.array(riskEventSchema),
});
/**
 * How a card, QR, chip or "other" tender was paid (issue #6), kept flat on the tender in the
 * sale's detail: reports read `cardType` and `qrScheme` there (app/reports/entry-detail.ts).
 * Only masked card numbers: upstream-sync-v1 "Card data".
 */
export const tenderDetailSchema = z.object({
  entryMode: z.enum(['swipe', 'qr', 'chip']).optional(),
  /** Host legs: the authorization's id (its void and reversal name it). */
  authId: z.string().optional(),
  /** Chip legs: the payment terminal's receipt number (its reversal names it). */
  terminalReceiptNo: z.number().int().optional(),
  batchNo: z.string().optional(),
  traceNo: z.string().optional(),
  authCode: z.string().optional(),
  rrn: z.string().optional(),
  cardMasked: z.string().optional(),
  cardBrand: z.string().optional(),
  cardType: z.enum(['credit', 'debit', 'wallet']).optional(),
  qrScheme: z.enum(['wallet', 'unionpay']).optional(),
  merchantName: z.string().optional(),
  merchantId: z.string().optional(),
  /** The acquirer's terminal ID: the host binding's, or the ZVT terminal's TID. */
  acquirerTerminalId: z.string().optional(),
  authorizedAt: z.string().optional(),
  /** A swipe: the merchant copy carries a signature line. */
  signatureRequired: z.boolean().optional(),
  feeKind: z.enum(feeKinds).optional(),
  feeMinor: z.number().int().optional(),
  /** "other": a voucher or a bank transfer, with its reference. */
  otherKind: z.enum(['voucher', 'bank_transfer']).optional(),
  reference: z.string().optional(),
  /** A swipe the till approved itself while the host was unreachable (issue #6 "Offline"). */
  offline: z.boolean().optional(),
});
export type TenderDetail = z.output<typeof tenderDetailSchema>;

const paymentLegSchema = tenderDetailSchema.extend({
  method: z.enum(['cash', 'card', 'qr', 'other']),
  amountMinor: z.number().int(),
  tenderedMinor: z.number().int(),
  changeMinor: z.number().int(),
});

/** The payment of the cart in progress: tenders taken, what is left, what is running. */
export const paymentViewSchema = z.object({
  currency: currencySchema,
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  remainingMinor: z.number().int(),
  tenders: z.array(paymentLegSchema),
  /** A tender running now: waiting for a swipe, the terminal, or the host. */
  waiting: z.enum(['swipe', 'terminal', 'host']).nullable(),
  /** The payment terminal's latest status text (ZVT intermediate status), both languages. */
  terminalText: z.object({ en: z.string(), zh: z.string() }).nullable(),
  /** The sale, once fully paid and committed. */
  saleId: z.string().nullable(),
});
export type PaymentView = z.output<typeof paymentViewSchema>;
