import { saleRecordSchema } from '@app/api/schemas';
import type { Discount } from '@app/cart/cart-types';
import type { JsonValue, LedgerEntry, NewEntry } from '@app/ledger/entry';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import { DomainError } from '@app/result';
import type { SaleLine, SaleRecord, SaleTender } from '@app/sale/sale';
import type { TenderDetail } from '@app/api/payment-schemas';

export type UncommittedSale = Omit<SaleRecord, 'seq' | 'hash'>;

/** Who made the sale, in which shift, and a manager's override if one was used (issue #5). */
export interface SaleStaffDetail {
  operator: OperatorRef;
  shiftId: string;
  /** Every override used on the sale (e.g. a discount beyond the limit), oldest first. */
  overrides: OverrideRef[];
}

const operatorJson = (o: OperatorRef): JsonObject => ({ id: o.id, name: o.name, role: o.role });
const overrideJson = (o: OverrideRef): JsonObject => ({
  by: operatorJson(o.by),
  permission: o.permission,
});

type JsonObject = { [key: string]: JsonValue };

const discountJson = (discount: Discount | null): JsonValue =>
  discount === null
    ? null
    : discount.kind === 'percent'
      ? { kind: 'percent', bp: discount.bp }
      : { kind: 'amount', minor: discount.minor };

// Every field is copied by name: only what a receipt needs reaches the ledger, which the
// host stores forever (upstream-sync-v1 "Card data": never a card number, track or PIN).
/** A weighed or label-priced line says so; a line sold by the piece carries no measure. */
const measureJson = (line: SaleLine): JsonObject =>
  line.measure === undefined
    ? {}
    : {
        measure:
          line.measure.kind === 'weight'
            ? { kind: 'weight', grams: line.measure.grams }
            : { kind: 'labelPrice' },
      };

const lineJson = (line: SaleLine): JsonObject => ({
  lineId: line.lineId,
  productId: line.productId,
  sku: line.sku,
  barcode: line.barcode,
  nameEn: line.nameEn,
  nameZh: line.nameZh,
  unitPriceMinor: line.unitPriceMinor,
  taxClass: line.taxClass,
  quantity: line.quantity,
  discount: discountJson(line.discount),
  grossMinor: line.grossMinor,
  lineDiscountMinor: line.lineDiscountMinor,
  orderDiscountMinor: line.orderDiscountMinor,
  netMinor: line.netMinor,
  taxMinor: line.taxMinor,
  ...measureJson(line),
});

/** Issue #6: how a card, QR, chip or "other" tender was paid; masked card only. */
export const tenderDetailKeys = [
  'entryMode',
  'authId',
  'terminalReceiptNo',
  'batchNo',
  'traceNo',
  'authCode',
  'rrn',
  'cardMasked',
  'cardBrand',
  'cardType',
  'qrScheme',
  'merchantName',
  'merchantId',
  'acquirerTerminalId',
  'authorizedAt',
  'signatureRequired',
  'feeKind',
  'feeMinor',
  'otherKind',
  'reference',
  'offline',
] as const satisfies readonly (keyof TenderDetail)[];

const tenderJson = (tender: SaleTender): JsonObject => {
  const json: JsonObject = {
    method: tender.method,
    amountMinor: tender.amountMinor,
    tenderedMinor: tender.tenderedMinor,
    changeMinor: tender.changeMinor,
  };
  for (const key of tenderDetailKeys) {
    const value = tender[key];
    if (value !== undefined) json[key] = value;
  }
  return json;
};

/**
 * A member's points (issue #7): customerId, pointsEarned and pointsRedeemed are what the
 * balance is summed from (app/members/points.ts); `member` is what the receipt prints.
 */
const memberJson = (sale: UncommittedSale): JsonObject =>
  sale.member === undefined
    ? {}
    : {
        customerId: sale.member.customerId,
        pointsEarned: sale.member.pointsEarned,
        pointsRedeemed: sale.member.pointsRedeemed,
        member: {
          customerId: sale.member.customerId,
          name: sale.member.name,
          phoneMasked: sale.member.phoneMasked,
          pointsEarned: sale.member.pointsEarned,
          pointsRedeemed: sale.member.pointsRedeemed,
          balanceAfter: sale.member.balanceAfter,
        },
      };

/** Refuses a sale whose amounts do not add up: it would be in the ledger forever. */
function checkSale(sale: UncommittedSale): void {
  if (sale.paidMinor !== sale.totals.totalMinor + sale.roundingMinor) {
    throw new DomainError(
      'invalid_amount',
      `paid ${sale.paidMinor} is not total ${sale.totals.totalMinor} + rounding ${sale.roundingMinor}`,
    );
  }
  for (const tender of sale.tenders) {
    if (tender.tenderedMinor - tender.changeMinor !== tender.amountMinor) {
      throw new DomainError(
        'invalid_amount',
        `${tender.method} tender: tendered ${tender.tenderedMinor} - change ${tender.changeMinor} is not ${tender.amountMinor}`,
      );
    }
  }
}

/**
 * The ledger entry of a sale. Its detail carries everything needed to rebuild the
 * SaleRecord (saleFromEntry); the receipt number is the entry's seq.
 */
export function saleToNewEntry(sale: UncommittedSale, staff: SaleStaffDetail): NewEntry {
  checkSale(sale);
  const { totals } = sale;
  return {
    id: sale.id,
    type: 'sale',
    at: sale.at,
    batchNo: sale.batchNo,
    currency: sale.currency,
    amount: sale.paidMinor,
    tenders: sale.tenders.map((t) => ({ method: t.method, amount: t.amountMinor })),
    detail: {
      terminalId: sale.terminalId,
      lines: sale.lines.map(lineJson),
      orderDiscount: discountJson(sale.orderDiscount),
      totals: {
        subtotalMinor: totals.subtotalMinor,
        discountMinor: totals.discountMinor,
        taxes: totals.taxes.map((t) => ({
          taxClass: t.taxClass,
          rateBp: t.rateBp,
          baseMinor: t.baseMinor,
          taxMinor: t.taxMinor,
        })),
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        itemCount: totals.itemCount,
      },
      roundingMinor: sale.roundingMinor,
      tenders: sale.tenders.map(tenderJson),
      operator: operatorJson(staff.operator),
      shiftId: staff.shiftId,
      // staff-detail.ts: detail.override names the approver; more than one goes in overrides.
      ...(staff.overrides[0] ? { override: overrideJson(staff.overrides[0]) } : {}),
      ...(staff.overrides.length > 1 ? { overrides: staff.overrides.map(overrideJson) } : {}),
      ...memberJson(sale),
    },
  };
}

/**
 * Sales already read from these very entry objects: a committed sale is read by its receipt
 * in the transaction and again by what reacts to it, and checking it each time is not free.
 */
const readSales = new WeakMap<LedgerEntry, SaleRecord>();

/** The sale a 'sale' entry records; throws when the entry is not one or its detail is bad. */
export function saleFromEntry(entry: LedgerEntry): SaleRecord {
  let sale = readSales.get(entry);
  if (!sale) {
    sale = readSale(entry);
    readSales.set(entry, sale);
  }
  return sale;
}

function readSale(entry: LedgerEntry): SaleRecord {
  if (entry.type !== 'sale') {
    throw new DomainError('sale_not_found', `entry ${entry.id} is a ${entry.type}, not a sale`);
  }
  const { detail } = entry;
  const parsed = saleRecordSchema.safeParse({
    id: entry.id,
    seq: entry.seq,
    at: entry.at,
    batchNo: entry.batchNo,
    terminalId: detail.terminalId,
    currency: entry.currency,
    lines: detail.lines,
    orderDiscount: detail.orderDiscount,
    totals: detail.totals,
    roundingMinor: detail.roundingMinor,
    paidMinor: entry.amount,
    tenders: detail.tenders,
    hash: entry.hash,
    ...(detail.member ? { member: detail.member } : {}),
  });
  if (!parsed.success) {
    throw new Error(`ledger entry ${entry.seq} does not hold a sale: ${parsed.error.message}`);
  }
  return parsed.data;
}
