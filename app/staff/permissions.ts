import type { StaffRole } from '../ledger/staff-detail';

/**
 * What a person may do at the till. Main checks these before a command runs
 * (main/staff/command-access.ts); the renderer only uses them to hide what a role cannot use.
 */
export const permissions = [
  /** Sell: cart, cash payment, reprint a receipt, the own shift. */
  'sale.sell',
  /** Sales history and single receipts. */
  'sale.history',
  /** A line or order discount beyond the owner's limit. */
  'discount.overLimit',
  'sale.refund',
  'sale.void',
  /** Open the cash drawer with no sale. */
  'drawer.noSale',
  'cash.payInOut',
  'cash.drop',
  /** Close a shift whose count differs from the expected by more than the tolerance. */
  'shift.approveDifference',
  /** Close the business day (Z, settlement batch). */
  'day.close',
  'reports.view',
  'settings.change',
  'staff.manage',
  'audit.view',
  'catalog.manage',
  /** Printer, devices and their tests. */
  'devices.manage',
  'diagnostics.run',
  /** Upload now, clear an alarm once fixed. */
  'sync.operate',
  /** Bind or unbind the till to an upstream host. */
  'sync.bind',
  /** Back the ledger up, and restore a backup (the owner's alone). */
  'data.backup',
] as const;
export type Permission = (typeof permissions)[number];

const cashier: readonly Permission[] = ['sale.sell', 'sale.history', 'cash.drop'];
const manager: readonly Permission[] = [
  ...cashier,
  'discount.overLimit',
  'sale.refund',
  'sale.void',
  'drawer.noSale',
  'cash.payInOut',
  'day.close',
  'reports.view',
  'catalog.manage',
  'sync.operate',
];
const technician: readonly Permission[] = [
  'devices.manage',
  'diagnostics.run',
  'sync.operate',
  // Testing a drawer opens it: recorded like any no-sale.
  'drawer.noSale',
];

/** The permission table: who may do what. The owner may do everything. */
export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  cashier,
  manager,
  technician,
  owner: permissions,
};

export const can = (role: StaffRole, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);

export const isPermission = (value: string): value is Permission =>
  (permissions as readonly string[]).includes(value);
