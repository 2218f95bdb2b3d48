import { z } from 'zod';
import { staffRoles } from '../ledger/staff-detail';
import { currencySchema } from '../money/currency-schema';
import { permissions } from '../staff/permissions';
import { taxClassesSchema } from '../tax/tax-class-schema';

// Staff, sessions, the audit log and shifts (issue #5).
export const staffRoleSchema = z.enum(staffRoles);
export const permissionSchema = z.enum(permissions);
export const localeSchema = z.enum(['en', 'zh-CN']);
/** 4–8 digits; checked again in main, never logged. */
export const pinSchema = z.string().regex(/^\d{4,8}$/);
const minor = z.number().int();

export const operatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: staffRoleSchema,
});

export const sessionViewSchema = z.object({
  state: z.enum(['setup', 'signedOut', 'locked', 'active']),
  user: operatorSchema.nullable(),
  permissions: z.array(permissionSchema),
  /** The signed-in person's screen language; null: not chosen (the shop's), or nobody in. */
  language: localeSchema.nullable(),
});

export const staffUserSchema = operatorSchema.extend({
  active: z.boolean(),
  failedPins: z.number().int(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const staffPolicySchema = z.object({
  discountLimitBp: z.number().int().min(0).max(10_000),
  idleLockMinutes: z.number().int().min(1).max(15),
  cashToleranceMinor: z.number().int().min(0).max(1_000_000),
  refundLimitMinor: z.number().int().min(0).max(100_000_000),
});

export const auditRecordSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: operatorSchema.nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  object: z.string().nullable(),
  origin: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const shiftTotalsSchema = z.object({
  saleCount: z.number().int(),
  salesMinor: minor,
  payInsMinor: minor,
  payOutsMinor: minor,
  dropsMinor: minor,
  noSaleCount: z.number().int(),
});

/** The open shift as anyone may see it; totals only for its own cashier. */
export const shiftViewSchema = z.object({
  open: z
    .object({
      id: z.string(),
      operatorName: z.string(),
      openedAt: z.string(),
      own: z.boolean(),
    })
    .nullable(),
  totals: shiftTotalsSchema.nullable(),
});

export const tenderReconciliationSchema = z.object({
  expectedMinor: minor,
  countedMinor: minor,
  differenceMinor: minor,
});

export const shiftCloseSchema = z.object({
  shiftId: z.string(),
  seq: z.number().int(),
  byMethod: z.record(z.string(), tenderReconciliationSchema),
  approvedBy: operatorSchema.nullable(),
});

export const setupSchema = z.strictObject({
  ownerName: z.string().trim().min(1).max(40),
  pin: pinSchema,
  shopName: z.string().trim().min(1).max(64),
  shopAddress: z.string().max(200),
  currency: currencySchema,
  taxClasses: taxClassesSchema,
  receiptHeader: z.string().max(200),
  receiptFooter: z.string().max(200),
  locale: localeSchema,
});
