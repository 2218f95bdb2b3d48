/**
 * The shared shape of what staff and shift entries carry in `detail` (upstream-sync-v1
 * leaves `detail` free-form; the host does not read it). Writers (staff and shifts) and
 * readers (X/Z reports, dashboard) both go through these types, so a report never guesses.
 *
 * Entry types and their effect on takings (the spec's sign rules):
 * - `shift_open`: amount 0, no tenders; detail.floatMinor is the counted opening float.
 * - `pay_in`: amount > 0, tenders [{cash, amount}]; detail.reason.
 * - `pay_out`: amount < 0, tenders [{cash, amount}]; detail.reason.
 * - `no_sale`: amount 0, no tenders. A plain drawer open (`kind: 'drawer_open'`), or a cash
 *   drop to the safe (`kind: 'cash_drop'`, detail.dropMinor > 0): a drop moves cash out of
 *   the drawer without changing takings, so it is not a pay_out.
 * - `shift_close`: amount 0, no tenders; the blind count and the reconciliation.
 * Every one of them, and every sale, void and refund, carries detail.operator.
 */

/** Who did it: recorded on every entry a person causes. */
export interface OperatorRef {
  id: string;
  name: string;
  role: StaffRole;
}

export const staffRoles = ['cashier', 'manager', 'owner', 'technician'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A manager's PIN that unlocked one action for the operator (recorded beside it). */
export interface OverrideRef {
  by: OperatorRef;
  permission: string;
}

export interface ShiftOpenDetail {
  operator: OperatorRef;
  shiftId: string;
  floatMinor: number;
}

export interface CashMovementDetail {
  operator: OperatorRef;
  shiftId: string;
  reason: string;
  override?: OverrideRef;
}

export interface NoSaleDetail {
  operator: OperatorRef;
  shiftId: string;
  kind: 'drawer_open' | 'cash_drop';
  /** Cash taken to the safe; only for a cash drop. */
  dropMinor?: number;
  reason?: string;
  override?: OverrideRef;
}

/** Expected, counted and over (+) / short (−) for one tender method, minor units. */
export interface TenderReconciliation {
  expectedMinor: number;
  countedMinor: number;
  differenceMinor: number;
}

export interface ShiftCloseDetail {
  operator: OperatorRef;
  shiftId: string;
  /** Denomination value in minor units → how many were counted (cash only). */
  denominations: Record<string, number>;
  byMethod: Record<string, TenderReconciliation>;
  /** Set when the difference was beyond the owner's tolerance and an owner approved it. */
  approvedBy?: OperatorRef;
}
