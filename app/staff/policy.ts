import type { Discount } from '../cart/cart-types';

/** The owner's staff rules. */
export interface StaffPolicy {
  /** A discount above this share of what it applies to needs `discount.overLimit` (bp). */
  discountLimitBp: number;
  /** Minutes without a command before the till locks (PCI DSS v4 8.2.8: at most 15). */
  idleLockMinutes: number;
  /** An over/short at shift close beyond this (minor units) needs an owner's approval. */
  cashToleranceMinor: number;
  /** A refund above this (minor units) needs `sale.refund`: a manager approves a cashier's. */
  refundLimitMinor: number;
}

export const defaultStaffPolicy: StaffPolicy = {
  discountLimitBp: 1_000,
  idleLockMinutes: 5,
  cashToleranceMinor: 500,
  refundLimitMinor: 10_000,
};

/**
 * Whether a discount on `baseMinor` (a line's gross, or the order after line discounts)
 * goes beyond the owner's limit. Integer arithmetic only: minor × 10 000 > base × limit.
 */
export function isOverDiscountLimit(
  discount: Discount,
  baseMinor: number,
  policy: Pick<StaffPolicy, 'discountLimitBp'>,
): boolean {
  if (discount.kind === 'percent') return discount.bp > policy.discountLimitBp;
  return BigInt(discount.minor) * 10_000n > BigInt(baseMinor) * BigInt(policy.discountLimitBp);
}
