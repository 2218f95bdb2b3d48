import { z } from 'zod';
import { riskTenders } from '../payments/risk-rules';

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
});

/** What the owner edits; blocked cards are opaque keys, added by swiping and cleared whole. */
export const riskRulesInputSchema = riskSettingsSchema.omit({ blockedCardKeys: true });

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
