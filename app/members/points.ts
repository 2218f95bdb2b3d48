import type { LedgerEntry } from '../ledger/entry';

/**
 * The owner's member points rule (会员积分), all in integers:
 * - earn: 1 point per `earnMinorPerPoint` of the sale's net total, rounded down
 *   (100 = 1 point per 1.00);
 * - redeem: `redeemPoints` points are worth `redeemValueMinor` off a sale (100 points = 1.00);
 *   points are redeemed in whole blocks of `redeemPoints`, so no fraction of a cent appears.
 */
export interface PointsRule {
  earnMinorPerPoint: number;
  redeemPoints: number;
  redeemValueMinor: number;
}

export const defaultPointsRule: PointsRule = {
  earnMinorPerPoint: 100,
  redeemPoints: 100,
  redeemValueMinor: 100,
};

/** Points a sale earns on its net total (never negative, floor). */
export function pointsEarned(netMinor: number, rule: PointsRule): number {
  if (netMinor <= 0) return 0;
  return Math.floor(netMinor / rule.earnMinorPerPoint);
}

/** What `points` are worth off a sale, or null when they are not whole blocks. */
export function redemptionValue(points: number, rule: PointsRule): number | null {
  if (!Number.isSafeInteger(points) || points <= 0 || points % rule.redeemPoints !== 0) return null;
  return (points / rule.redeemPoints) * rule.redeemValueMinor;
}

const intOf = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;

/**
 * How one ledger entry moves a customer's points, or null when it does not:
 * - sale: + detail.pointsEarned − detail.pointsRedeemed;
 * - refund or void (main/corrections/correction-entry.ts): − detail.pointsReversed (what
 *   the returned share had earned) + detail.pointsRestored (its redemption given back).
 * The balance is the sum of these over the ledger; nothing else changes it.
 */
export function pointsMovementOf(
  entry: Pick<LedgerEntry, 'type' | 'detail'>,
): { customerId: string; delta: number } | null {
  const { detail } = entry;
  const customerId = detail.customerId;
  if (typeof customerId !== 'string' || customerId === '') return null;
  let delta: number;
  if (entry.type === 'sale') {
    delta = intOf(detail.pointsEarned) - intOf(detail.pointsRedeemed);
  } else if (entry.type === 'refund' || entry.type === 'void') {
    delta = intOf(detail.pointsRestored) - intOf(detail.pointsReversed);
  } else {
    return null;
  }
  return delta === 0 ? null : { customerId, delta };
}

/** A phone number as cashiers and receipts see it: first 3 and last 4 digits (138****1234). */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
