import { z } from 'zod';
import { feeKinds, feeScheduleSchema } from '../fees/fee-schedule';
import { currencySchema as currency } from '../money/currency-schema';

/**
 * What an X report, a Z report and the owner's dashboard show, in integer minor units.
 * X, Z (from the ledger entries of the open batch) and the dashboard (from the summary
 * tables) fill the same `ReportFigures`, through the same accumulator (accumulator.ts), so
 * their numbers cannot drift apart.
 */
const minor = z.number().int();
const entryType = z.enum(['sale', 'void', 'refund', 'reversal']);

export const taxFigureSchema = z.object({
  taxClass: z.string(),
  rateBp: z.number().int(),
  baseMinor: minor,
  taxMinor: minor,
});

export const tenderFigureSchema = z.object({
  kind: z.enum(feeKinds),
  count: z.number().int(),
  amountMinor: minor,
  feeMinor: minor,
});

export const cashierFigureSchema = z.object({
  /** 'unknown' for entries without an operator (sales before staff login existed). */
  operatorId: z.string(),
  name: z.string(),
  salesCount: z.number().int(),
  salesMinor: minor,
  refundCount: z.number().int(),
  refundMinor: minor,
  voidCount: z.number().int(),
  voidMinor: minor,
});

export const hourFigureSchema = z.object({
  hour: z.number().int().min(0).max(23),
  salesCount: z.number().int(),
  netMinor: minor,
});

export const productFigureSchema = z.object({
  productId: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  quantity: z.number().int(),
  netMinor: minor,
});

export const correctionSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: entryType,
  /** Positive: what the void, refund or reversal gave back. */
  amountMinor: minor,
  operatorId: z.string(),
  operatorName: z.string(),
  refId: z.string().nullable(),
  reason: z.string(),
});

export const cashFigureSchema = z.object({
  /** Σ opening floats of the shifts opened. */
  floatMinor: minor,
  /** Cash the sales kept: tendered minus change. */
  cashSalesMinor: minor,
  /** Cash given back by voids, refunds and reversals (positive). */
  cashReturnsMinor: minor,
  payInCount: z.number().int(),
  payInMinor: minor,
  payOutCount: z.number().int(),
  /** Positive. */
  payOutMinor: minor,
  dropCount: z.number().int(),
  dropMinor: minor,
  noSaleCount: z.number().int(),
  /** float + cash sales − cash returns + pay-ins − pay-outs − drops. */
  expectedMinor: minor,
  shiftsOpened: z.number().int(),
  shiftsClosed: z.number().int(),
  /** Σ cash counted at shift close; null when no shift closed. */
  countedMinor: minor.nullable(),
  /** counted − expected (over +, short −); null unless every shift opened was closed. */
  differenceMinor: minor.nullable(),
});

export const reportFiguresSchema = z.object({
  currency,
  salesCount: z.number().int(),
  itemCount: z.number().int(),
  /** Σ sale subtotals before discounts (tax inside in tax-inclusive shops). */
  grossMinor: minor,
  discountMinor: minor,
  /** Σ cash rounding adjustments of sales (signed). */
  roundingMinor: minor,
  /** Σ what sales took (their ledger amounts). */
  salesMinor: minor,
  refundCount: z.number().int(),
  refundMinor: minor,
  voidCount: z.number().int(),
  voidMinor: minor,
  reversalCount: z.number().int(),
  reversalMinor: minor,
  /** salesMinor − refunds − voids − reversals. */
  netMinor: minor,
  /** Σ tax by rate, sales less what refunds and voids gave back. */
  taxes: z.array(taxFigureSchema),
  taxMinor: minor,
  /** netMinor − taxMinor. */
  netExTaxMinor: minor,
  tenders: z.array(tenderFigureSchema),
  feeMinor: minor,
  /** Σ non-cash tenders: what the payment host settles before fees. */
  nonCashMinor: minor,
  /** nonCashMinor − feeMinor: what should reach the bank account. */
  settlementMinor: minor,
  byHour: z.array(hourFigureSchema),
  byCashier: z.array(cashierFigureSchema),
  topProducts: z.array(productFigureSchema),
  corrections: z.array(correctionSchema),
  cash: cashFigureSchema,
});

export const zInfoSchema = z.object({
  zNo: z.number().int().min(1),
  businessDay: z.string(),
  batchNo: z.string(),
  zSeq: z.number().int(),
  closedAt: z.string(),
  /** The ledger chain head (hash of the last entry before the z_close) at the close. */
  chainHeadHash: z.string(),
});

export const shiftReportSchema = z.object({
  kind: z.enum(['x', 'z']),
  /** Set on a Z. */
  z: zInfoSchema.nullable(),
  batchNo: z.string(),
  businessDay: z.string(),
  generatedAt: z.string(),
  /** The first and last entry the report covers; null for an empty report. */
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  entryCount: z.number().int(),
  timeZone: z.string(),
  cutoffHour: z.number().int(),
  figures: reportFiguresSchema,
});

export const dayFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  figures: reportFiguresSchema,
});

export const dashboardSchema = z.object({
  timeZone: z.string(),
  cutoffHour: z.number().int(),
  range: dayFiguresSchema,
  /** Only for a one-day range: the day before and the same weekday a week before. */
  yesterday: dayFiguresSchema.nullable(),
  lastWeek: dayFiguresSchema.nullable(),
});

export const reportSettingsSchema = z.strictObject({
  /** IANA zone of the shop; reports and the business day use it. */
  timeZone: z.string().min(1).max(64),
  cutoffHour: z.number().int().min(0).max(12),
  fees: feeScheduleSchema,
});

export type TaxFigure = z.output<typeof taxFigureSchema>;
export type TenderFigure = z.output<typeof tenderFigureSchema>;
export type CashierFigure = z.output<typeof cashierFigureSchema>;
export type ProductFigure = z.output<typeof productFigureSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type CashFigures = z.output<typeof cashFigureSchema>;
export type ReportFigures = z.output<typeof reportFiguresSchema>;
export type ZInfo = z.output<typeof zInfoSchema>;
export type ShiftReport = z.output<typeof shiftReportSchema>;
export type DayFigures = z.output<typeof dayFiguresSchema>;
export type Dashboard = z.output<typeof dashboardSchema>;
export type ReportSettings = z.output<typeof reportSettingsSchema>;

export const zSummarySchema = z.object({
  zNo: z.number().int(),
  businessDay: z.string(),
  batchNo: z.string(),
  closedAt: z.string(),
  salesCount: z.number().int(),
  netMinor: minor,
  currency,
});
export type ZSummary = z.output<typeof zSummarySchema>;
