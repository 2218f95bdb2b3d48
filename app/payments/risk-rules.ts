/**
 * Issue #6 "Risk controls": owner-set rules every card, QR or other-tender request passes
 * before it leaves the terminal. Pure: the caller gathers the history (what this tender took
 * today and this month, the same card's recent uses) and the card's BIN and keyed hash; the
 * full number never reaches this module.
 */

import { defaultOfflineSettings } from './offline-rules';
import type { OfflineSettings } from './offline-rules';

export const riskTenders = ['card', 'qr', 'other'] as const;
export type RiskTender = (typeof riskTenders)[number];

export interface TenderLimits {
  /** Largest single payment; null for no limit. Minor units. */
  perTransactionMinor: number | null;
  dailyMinor: number | null;
  monthlyMinor: number | null;
}

export interface RiskSettings {
  limits: Record<RiskTender, TenderLimits>;
  /** Card ranges refused outright: BIN prefixes of 1 to 8 digits. */
  blockedBinPrefixes: string[];
  /** Individual cards refused: keyed hashes (the number itself is never stored). */
  blockedCardKeys: string[];
  /** The same card more than `maxUses` times within `withinMinutes` is refused. */
  velocity: { maxUses: number; withinMinutes: number } | null;
  /** Refunds only within this many days of the sale; null for any time. */
  refundWithinDays: number | null;
  /** Bounded offline card acceptance while the host is unreachable (offline-rules.ts). */
  offline: OfflineSettings;
}

export const NO_LIMITS: TenderLimits = {
  perTransactionMinor: null,
  dailyMinor: null,
  monthlyMinor: null,
};

export const defaultRiskSettings: RiskSettings = {
  limits: { card: NO_LIMITS, qr: NO_LIMITS, other: NO_LIMITS },
  blockedBinPrefixes: [],
  blockedCardKeys: [],
  velocity: null,
  refundWithinDays: null,
  offline: defaultOfflineSettings,
};

export interface RiskRequest {
  kind: 'sale' | 'refund';
  tender: RiskTender;
  amountMinor: number;
  /** The card's first digits (at most 8), when a card is presented. */
  bin: string | null;
  /** The card's keyed hash, when a card is presented. */
  cardKey: string | null;
  /** For a refund: when the sale was made. */
  saleAt: Date | null;
  now: Date;
}

export interface RiskHistory {
  /** What this tender already took today and this month (sales, before this one). */
  todayMinor: number;
  monthMinor: number;
  /** Times of this card's earlier payments, any order. */
  cardUses: Date[];
}

export type RiskRule =
  | 'per_transaction_limit'
  | 'daily_limit'
  | 'monthly_limit'
  | 'blocked_range'
  | 'blocked_card'
  | 'velocity'
  | 'refund_too_late';

export type RiskVerdict =
  { allowed: true } | { allowed: false; rule: RiskRule; params: Record<string, string | number> };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The first rule the request breaks, or allowed. Blocks come before limits. */
export function checkRisk(
  settings: RiskSettings,
  request: RiskRequest,
  history: RiskHistory,
): RiskVerdict {
  const refuse = (rule: RiskRule, params: Record<string, string | number> = {}): RiskVerdict => ({
    allowed: false,
    rule,
    params,
  });
  const { bin, cardKey } = request;
  if (bin !== null) {
    const prefix = settings.blockedBinPrefixes.find((p) => p !== '' && bin.startsWith(p));
    if (prefix !== undefined) return refuse('blocked_range', { prefix });
  }
  if (cardKey !== null && settings.blockedCardKeys.includes(cardKey)) return refuse('blocked_card');

  if (request.kind === 'refund') {
    const days = settings.refundWithinDays;
    if (days !== null && request.saleAt !== null) {
      if (request.now.getTime() - request.saleAt.getTime() > days * DAY_MS) {
        return refuse('refund_too_late', { days });
      }
    }
    // Limits and velocity guard what is taken, not what is given back.
    return { allowed: true };
  }

  const velocity = settings.velocity;
  if (velocity !== null && cardKey !== null) {
    const since = request.now.getTime() - velocity.withinMinutes * MINUTE_MS;
    const recent = history.cardUses.filter((at) => at.getTime() > since).length;
    if (recent >= velocity.maxUses) {
      return refuse('velocity', { max: velocity.maxUses, minutes: velocity.withinMinutes });
    }
  }
  const limits = settings.limits[request.tender];
  const amount = request.amountMinor;
  if (limits.perTransactionMinor !== null && amount > limits.perTransactionMinor) {
    return refuse('per_transaction_limit', { limitMinor: limits.perTransactionMinor });
  }
  if (limits.dailyMinor !== null && history.todayMinor + amount > limits.dailyMinor) {
    return refuse('daily_limit', {
      limitMinor: limits.dailyMinor,
      leftMinor: Math.max(0, limits.dailyMinor - history.todayMinor),
    });
  }
  if (limits.monthlyMinor !== null && history.monthMinor + amount > limits.monthlyMinor) {
    return refuse('monthly_limit', {
      limitMinor: limits.monthlyMinor,
      leftMinor: Math.max(0, limits.monthlyMinor - history.monthMinor),
    });
  }
  return { allowed: true };
}
