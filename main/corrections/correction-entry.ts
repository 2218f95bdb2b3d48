import type { CorrectionPlan, ReturnedLine } from '@app/corrections/correction-plan';
import type { JsonValue, NewEntry, TenderMethod } from '@app/ledger/entry';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import type { TenderDetail } from '@app/api/payment-schemas';
import type { SaleRecord } from '@app/sale/sale';
import { tenderDetailKeys } from '../sales/sale-entry';

type JsonObject = { [key: string]: JsonValue };

/** One tender paying back, as recorded: the sale's tender it returns to (legIndex) and how. */
export interface PaidBackLeg {
  legIndex: number;
  /** 'cash' when a failed card leg was paid back from the drawer instead. */
  method: TenderMethod;
  amountMinor: number;
  /** The refund's own authorization or terminal receipt (masked card only); none for cash. */
  detail: TenderDetail & { refAuthId?: string };
}

export interface CorrectionRecord {
  id: string;
  at: string;
  batchNo: string;
  terminalId: string;
  sale: SaleRecord;
  plan: CorrectionPlan;
  legs: PaidBackLeg[];
  reason: string;
  /** Refunds: whether the goods go back on the shelf (a void always restocks). */
  restock: boolean;
  operator: OperatorRef;
  shiftId: string;
  override: OverrideRef | null;
}

const operatorJson = (o: OperatorRef): JsonObject => ({ id: o.id, name: o.name, role: o.role });

const lineJson = (line: ReturnedLine): JsonObject => ({
  lineId: line.lineId,
  productId: line.productId,
  sku: line.sku,
  nameEn: line.nameEn,
  nameZh: line.nameZh,
  taxClass: line.taxClass,
  quantity: line.quantity,
  ...(line.measure?.kind === 'weight'
    ? { measure: { kind: 'weight', grams: line.measure.grams } }
    : {}),
  amountMinor: line.amountMinor,
  netMinor: line.netMinor,
  taxMinor: line.taxMinor,
});

// Copied by name, as a sale's tenders are: only masked card data and ids reach the ledger.
const detailKeys = [...tenderDetailKeys, 'refAuthId'] as const;

const legJson = (leg: PaidBackLeg): JsonObject => {
  const json: JsonObject = {
    legIndex: leg.legIndex,
    method: leg.method,
    amountMinor: leg.amountMinor,
  };
  for (const key of detailKeys) {
    const value = leg.detail[key];
    if (value !== undefined) json[key] = value;
  }
  return json;
};

/**
 * The ledger entry of a void (撤销) or refund (退货): negative amount and tenders (the
 * spec's sign rule), refId the sale. Reports read its lines, taxes and tenders
 * (app/reports/entry-detail.ts CorrectionDetail), points and stock follow its detail, and
 * the next correction of the same sale reads what it took back (correction-ledger.ts).
 */
export function correctionToNewEntry(record: CorrectionRecord): NewEntry {
  const { plan, sale } = record;
  const member = sale.member;
  return {
    id: record.id,
    type: plan.kind,
    at: record.at,
    batchNo: record.batchNo,
    currency: sale.currency,
    amount: -plan.amountMinor,
    tenders: record.legs.map((leg) => ({ method: leg.method, amount: -leg.amountMinor })),
    refId: sale.id,
    detail: {
      terminalId: record.terminalId,
      saleSeq: sale.seq,
      operator: operatorJson(record.operator),
      shiftId: record.shiftId,
      ...(record.override
        ? {
            override: {
              by: operatorJson(record.override.by),
              permission: record.override.permission,
            },
          }
        : {}),
      reason: record.reason,
      restock: plan.kind === 'void' || record.restock,
      lines: plan.lines.map(lineJson),
      taxes: plan.taxes.map((t) => ({ ...t })),
      roundingMinor: plan.roundingMinor,
      tenders: record.legs.map(legJson),
      ...(member === undefined
        ? {}
        : {
            customerId: member.customerId,
            pointsReversed: plan.pointsReversed,
            pointsRestored: plan.pointsRestored,
          }),
    },
  };
}
