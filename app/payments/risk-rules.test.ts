import { describe, expect, it } from 'vitest';
import { riskSettingsSchema } from '../api/payment-schemas';
import { checkRisk, defaultRiskSettings, NO_LIMITS } from './risk-rules';
import type { RiskHistory, RiskRequest, RiskSettings } from './risk-rules';

const now = new Date('2026-11-23T10:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const sale = (extra: Partial<RiskRequest> = {}): RiskRequest => ({
  kind: 'sale',
  tender: 'card',
  amountMinor: 10_000,
  bin: '62220212',
  cardKey: 'k-1',
  saleAt: null,
  now,
  ...extra,
});
const quiet: RiskHistory = { todayMinor: 0, monthMinor: 0, cardUses: [] };
const settings = (extra: Partial<RiskSettings>): RiskSettings => ({
  ...defaultRiskSettings,
  ...extra,
});

describe('risk rules, checked before a request leaves the terminal', () => {
  it('allows everything with the defaults', () => {
    expect(checkRisk(defaultRiskSettings, sale({ amountMinor: 99_999_999 }), quiet)).toEqual({
      allowed: true,
    });
  });

  it('refuses a blocked card range by BIN prefix, and a blocked card by its keyed hash', () => {
    const rules = settings({ blockedBinPrefixes: ['4000', '622202'], blockedCardKeys: ['k-9'] });
    expect(checkRisk(rules, sale(), quiet)).toEqual({
      allowed: false,
      rule: 'blocked_range',
      params: { prefix: '622202' },
    });
    expect(checkRisk(rules, sale({ bin: '41111111', cardKey: 'k-9' }), quiet)).toMatchObject({
      rule: 'blocked_card',
    });
    expect(checkRisk(rules, sale({ bin: '41111111' }), quiet)).toEqual({ allowed: true });
    // A QR payment has no card: range and card blocks do not apply.
    expect(checkRisk(rules, sale({ tender: 'qr', bin: null, cardKey: null }), quiet)).toEqual({
      allowed: true,
    });
  });

  it('applies per-transaction, daily and monthly limits of the tender, at the boundary', () => {
    const rules = settings({
      limits: {
        card: { perTransactionMinor: 50_000, dailyMinor: 100_000, monthlyMinor: 300_000 },
        qr: NO_LIMITS,
        other: NO_LIMITS,
      },
    });
    expect(checkRisk(rules, sale({ amountMinor: 50_000 }), quiet)).toEqual({ allowed: true });
    expect(checkRisk(rules, sale({ amountMinor: 50_001 }), quiet)).toMatchObject({
      rule: 'per_transaction_limit',
      params: { limitMinor: 50_000 },
    });
    const today = { ...quiet, todayMinor: 60_000, monthMinor: 60_000 };
    expect(checkRisk(rules, sale({ amountMinor: 40_000 }), today)).toEqual({ allowed: true });
    expect(checkRisk(rules, sale({ amountMinor: 40_001 }), today)).toMatchObject({
      rule: 'daily_limit',
      params: { leftMinor: 40_000 },
    });
    const month = { ...quiet, monthMinor: 280_000 };
    expect(checkRisk(rules, sale({ amountMinor: 20_001 }), month)).toMatchObject({
      rule: 'monthly_limit',
      params: { leftMinor: 20_000 },
    });
    // Another tender's limits are its own.
    expect(checkRisk(rules, sale({ tender: 'qr', amountMinor: 900_000 }), today)).toEqual({
      allowed: true,
    });
  });

  it('refuses the same card more than N times in M minutes', () => {
    const rules = settings({ velocity: { maxUses: 3, withinMinutes: 10 } });
    const uses = (...ago: number[]) => ({ ...quiet, cardUses: ago.map(minutesAgo) });
    expect(checkRisk(rules, sale(), uses(1, 5))).toEqual({ allowed: true });
    expect(checkRisk(rules, sale(), uses(1, 5, 9))).toMatchObject({
      rule: 'velocity',
      params: { max: 3, minutes: 10 },
    });
    // A use older than the window no longer counts.
    expect(checkRisk(rules, sale(), uses(1, 5, 11))).toEqual({ allowed: true });
  });

  it('takes refunds only within the set days, and never counts them against limits', () => {
    const rules = settings({
      refundWithinDays: 7,
      limits: {
        card: { perTransactionMinor: 1, dailyMinor: 1, monthlyMinor: 1 },
        qr: NO_LIMITS,
        other: NO_LIMITS,
      },
    });
    const refund = (daysAgo: number) =>
      sale({ kind: 'refund', saleAt: minutesAgo(daysAgo * 24 * 60) });
    expect(checkRisk(rules, refund(7), quiet)).toEqual({ allowed: true });
    expect(checkRisk(rules, refund(7.01), quiet)).toMatchObject({
      rule: 'refund_too_late',
      params: { days: 7 },
    });
  });

  it('stores and edits settings through a schema that takes the defaults and refuses nonsense', () => {
    expect(riskSettingsSchema.parse(defaultRiskSettings)).toEqual(defaultRiskSettings);
    const bad = { ...defaultRiskSettings, blockedBinPrefixes: ['62x'] };
    expect(riskSettingsSchema.safeParse(bad).success).toBe(false);
    const negative = {
      ...defaultRiskSettings,
      limits: { ...defaultRiskSettings.limits, card: { ...NO_LIMITS, dailyMinor: -1 } },
    };
    expect(riskSettingsSchema.safeParse(negative).success).toBe(false);
  });
});
