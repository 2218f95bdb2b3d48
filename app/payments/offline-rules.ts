/**
 * Issue #6 "Offline": with the host unreachable, a swipe may be approved by the till itself,
 * within the owner's bounds. Pure: the caller says what is already waiting to be forwarded.
 * QR payment codes are one-time and online-only, so they never come here.
 */

export interface OfflineSettings {
  /** Off by default: without the host, cards are refused and the cashier takes cash. */
  enabled: boolean;
  /** Largest single offline payment. Minor units. */
  perSaleCapMinor: number;
  /** Sum of offline approvals not yet forwarded to the host, this one included. */
  totalCapMinor: number;
  /** Number of offline approvals not yet forwarded, this one included. */
  countCap: number;
}

/** Off; once the owner turns it on, modest caps (300.00 a sale, 2,000.00 and 20 waiting). */
export const defaultOfflineSettings: OfflineSettings = {
  enabled: false,
  perSaleCapMinor: 30_000,
  totalCapMinor: 200_000,
  countCap: 20,
};

/** The host must see an offline request within 24 h of its acceptance. */
export const OFFLINE_FORWARD_WITHIN_MS = 24 * 60 * 60_000;
/** New acceptance stops once a waiting one is this old: it might not make its 24 h. */
export const OFFLINE_STOP_ACCEPTING_AFTER_MS = 23 * 60 * 60_000;

/** What waits to be forwarded right now. */
export interface OfflinePending {
  count: number;
  totalMinor: number;
  /** When the oldest waiting one was accepted; null when none waits. */
  oldestAt: Date | null;
}

export type OfflineRule = 'disabled' | 'per_sale_cap' | 'total_cap' | 'count_cap' | 'too_old';

export type OfflineVerdict =
  | { allowed: true }
  | { allowed: false; rule: OfflineRule; params: Record<string, string | number> };

/** Whether one more swipe of `amountMinor` may be approved offline, or the first bound it breaks. */
export function checkOffline(
  settings: OfflineSettings,
  amountMinor: number,
  pending: OfflinePending,
  now: Date,
): OfflineVerdict {
  const refuse = (rule: OfflineRule, params: Record<string, string | number> = {}) => ({
    allowed: false as const,
    rule,
    params,
  });
  if (!settings.enabled) return refuse('disabled');
  if (
    pending.oldestAt !== null &&
    now.getTime() - pending.oldestAt.getTime() >= OFFLINE_STOP_ACCEPTING_AFTER_MS
  ) {
    return refuse('too_old');
  }
  if (amountMinor > settings.perSaleCapMinor) {
    return refuse('per_sale_cap', { limitMinor: settings.perSaleCapMinor });
  }
  if (pending.count + 1 > settings.countCap) {
    return refuse('count_cap', { max: settings.countCap });
  }
  if (pending.totalMinor + amountMinor > settings.totalCapMinor) {
    return refuse('total_cap', {
      limitMinor: settings.totalCapMinor,
      leftMinor: Math.max(0, settings.totalCapMinor - pending.totalMinor),
    });
  }
  return { allowed: true };
}
