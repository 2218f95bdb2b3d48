import { mulDivRound, allocate } from '../money/rounding';
import { DomainError } from '../result';
import type { SaleLine, SaleRecord, SaleTender } from '../sale/sale';

/**
 * Voids (撤销) and refunds (退货) of a committed sale (issue #6 "Corrections"): what goes
 * back, line by line and tender by tender, in integer minor units. Pure: the caller reads
 * the earlier corrections of the sale from the ledger.
 *
 * Each line's share of what the sale took is fixed once (largest remainder over the sale's
 * total), and k of n units give back share × (returned + k) / n − share × returned / n,
 * rounded half away from zero. The differences telescope: however a line is returned, in
 * one go or unit by unit, the refunds add up to its share exactly, never a cent more.
 */

/** What an earlier void or refund of the sale took back, as its ledger entry records it. */
export interface PriorCorrection {
  type: 'void' | 'refund';
  /** Units of each sale line that went back. */
  lines: { lineId: string; quantity: number }[];
  /** What each of the sale's tenders (by index) paid back, positive. */
  legs: { legIndex: number; amountMinor: number }[];
  /** The cash rounding given back (only the correction that emptied the sale has one). */
  roundingMinor: number;
}

/** One line of the sale: sold, already returned, still returnable. */
export interface LineLeft {
  lineId: string;
  sold: number;
  returned: number;
  left: number;
}

/** A line as it goes back: units and their money, positive. */
export interface ReturnedLine {
  lineId: string;
  productId: string;
  sku: string;
  nameEn: string;
  nameZh: string;
  taxClass: string;
  quantity: number;
  measure?: SaleLine['measure'];
  /** What is paid back for these units (tax included). */
  amountMinor: number;
  /** Their net value, as the sale's line records net (tax included in inclusive mode). */
  netMinor: number;
  taxMinor: number;
}

/** Tax given back for one class, positive, as reports read it (app/reports/entry-detail.ts). */
export interface ReturnedTax {
  taxClass: string;
  rateBp: number;
  baseMinor: number;
  taxMinor: number;
}

/** What one of the sale's tenders pays back. */
export interface ReturnedLeg {
  legIndex: number;
  tender: SaleTender;
  amountMinor: number;
}

export interface CorrectionPlan {
  kind: 'void' | 'refund';
  lines: ReturnedLine[];
  taxes: ReturnedTax[];
  roundingMinor: number;
  /** Σ lines + rounding = Σ legs: what goes back to the customer. */
  amountMinor: number;
  legs: ReturnedLeg[];
  pointsReversed: number;
  pointsRestored: number;
  /** After this, nothing of the sale is left to give back. */
  completes: boolean;
}

export interface RequestedLine {
  lineId: string;
  quantity: number;
}

/** Units of each line still returnable after the earlier corrections. */
export function linesLeft(sale: SaleRecord, prior: readonly PriorCorrection[]): LineLeft[] {
  const returned = returnedUnits(prior);
  return sale.lines.map((line) => {
    const back = returned.get(line.lineId) ?? 0;
    return { lineId: line.lineId, sold: line.quantity, returned: back, left: line.quantity - back };
  });
}

/** What each tender can still pay back (its amount less what earlier corrections took). */
export function legsLeft(sale: SaleRecord, prior: readonly PriorCorrection[]): number[] {
  const left = sale.tenders.map((tender) => tender.amountMinor);
  for (const correction of prior) {
    for (const leg of correction.legs) {
      left[leg.legIndex] = (left[leg.legIndex] ?? 0) - leg.amountMinor;
    }
  }
  return left;
}

/** A refund of the requested units; refuses more than is left, or nothing at all. */
export function planRefund(
  sale: SaleRecord,
  prior: readonly PriorCorrection[],
  requested: readonly RequestedLine[],
): CorrectionPlan {
  if (prior.some((c) => c.type === 'void')) {
    throw new DomainError('sale_already_voided', `Sale ${sale.id} was voided`);
  }
  const left = new Map(linesLeft(sale, prior).map((l) => [l.lineId, l]));
  const units = new Map<string, number>();
  for (const { lineId, quantity } of requested) {
    const line = left.get(lineId);
    if (!line) throw new DomainError('line_not_found', `No line ${lineId} in the sale`);
    if (!Number.isSafeInteger(quantity) || quantity < 0) {
      throw new DomainError('invalid_quantity', `Not a quantity: ${String(quantity)}`);
    }
    const total = (units.get(lineId) ?? 0) + quantity;
    if (total > line.left) {
      const saleLine = sale.lines.find((l) => l.lineId === lineId);
      throw new DomainError('refund_exceeds_left', `Only ${String(line.left)} left to refund`, {
        name: saleLine?.nameEn ?? lineId,
        nameZh: saleLine?.nameZh ?? lineId,
        left: line.left,
      });
    }
    if (quantity > 0) units.set(lineId, total);
  }
  if (units.size === 0) throw new DomainError('refund_nothing', 'Choose what goes back');
  return plan('refund', sale, prior, units);
}

/** The whole sale given back (撤销): only a sale nothing was given back from yet. */
export function planVoid(sale: SaleRecord, prior: readonly PriorCorrection[]): CorrectionPlan {
  if (prior.some((c) => c.type === 'void')) {
    throw new DomainError('sale_already_voided', `Sale ${sale.id} was voided`);
  }
  if (prior.length > 0) {
    throw new DomainError('sale_partly_refunded', `Sale ${sale.id} was partly refunded`);
  }
  return plan('void', sale, prior, new Map(sale.lines.map((l) => [l.lineId, l.quantity])));
}

function plan(
  kind: 'void' | 'refund',
  sale: SaleRecord,
  prior: readonly PriorCorrection[],
  units: ReadonlyMap<string, number>,
): CorrectionPlan {
  const returned = returnedUnits(prior);
  const shares = lineShares(sale);
  const inclusive = isInclusive(sale);
  const lines: ReturnedLine[] = [];
  let valueBefore = 0;
  let valueAfter = 0;
  let emptied = true;
  for (const [i, line] of sale.lines.entries()) {
    const share = shares[i] ?? 0;
    const before = returned.get(line.lineId) ?? 0;
    const back = units.get(line.lineId) ?? 0;
    const after = before + back;
    valueBefore += part(share, before, line.quantity);
    valueAfter += part(share, after, line.quantity);
    if (after < line.quantity) emptied = false;
    if (back === 0) continue;
    const slice = (whole: number) =>
      part(whole, after, line.quantity) - part(whole, before, line.quantity);
    lines.push({
      lineId: line.lineId,
      productId: line.productId,
      sku: line.sku,
      nameEn: line.nameEn,
      nameZh: line.nameZh,
      taxClass: line.taxClass,
      quantity: back,
      ...(line.measure === undefined ? {} : { measure: line.measure }),
      amountMinor: slice(share),
      netMinor: slice(line.netMinor),
      taxMinor: slice(line.taxMinor),
    });
  }
  const roundingBack = prior.reduce((sum, c) => sum + c.roundingMinor, 0);
  const roundingMinor = emptied ? sale.roundingMinor - roundingBack : 0;
  const amountMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0) + roundingMinor;
  const total = sale.totals.totalMinor;
  const pointsOf = (points: number) =>
    total === 0
      ? emptied && prior.length === 0
        ? points
        : 0
      : part(points, valueAfter, total) - part(points, valueBefore, total);
  return {
    kind,
    lines,
    taxes: taxesOf(sale, lines, inclusive),
    roundingMinor,
    amountMinor,
    legs: legsFor(sale, prior, amountMinor),
    pointsReversed: pointsOf(sale.member?.pointsEarned ?? 0),
    pointsRestored: pointsOf(sale.member?.pointsRedeemed ?? 0),
    completes: emptied,
  };
}

/**
 * Which tenders pay back `amountMinor`: card, QR and "other" first (back where the money
 * came from, in the order taken), cash last, each up to what it has left.
 */
function legsFor(
  sale: SaleRecord,
  prior: readonly PriorCorrection[],
  amountMinor: number,
): ReturnedLeg[] {
  const left = legsLeft(sale, prior);
  const order = sale.tenders
    .map((tender, legIndex) => ({ tender, legIndex }))
    .sort((a, b) => Number(a.tender.method === 'cash') - Number(b.tender.method === 'cash'));
  const legs: ReturnedLeg[] = [];
  let due = amountMinor;
  for (const { tender, legIndex } of order) {
    if (due === 0) break;
    const take = Math.min(due, Math.max(0, left[legIndex] ?? 0));
    if (take === 0) continue;
    legs.push({ legIndex, tender, amountMinor: take });
    due -= take;
  }
  if (due !== 0) throw new Error(`tenders of sale ${sale.id} cannot pay back ${amountMinor}`);
  return legs;
}

function taxesOf(sale: SaleRecord, lines: readonly ReturnedLine[], inclusive: boolean) {
  const byClass = new Map<string, ReturnedTax>();
  for (const line of lines) {
    const rateBp = sale.totals.taxes.find((t) => t.taxClass === line.taxClass)?.rateBp ?? 0;
    const tax = byClass.get(line.taxClass) ?? {
      taxClass: line.taxClass,
      rateBp,
      baseMinor: 0,
      taxMinor: 0,
    };
    tax.baseMinor += inclusive ? line.netMinor - line.taxMinor : line.netMinor;
    tax.taxMinor += line.taxMinor;
    byClass.set(line.taxClass, tax);
  }
  return [...byClass.values()].filter((t) => t.taxMinor !== 0 || t.baseMinor !== 0);
}

/** Each line's share of the sale's total: its net, plus its tax where tax is added on top. */
function lineShares(sale: SaleRecord): number[] {
  const inclusive = isInclusive(sale);
  const weights = sale.lines.map((l) =>
    Math.max(0, inclusive ? l.netMinor : l.netMinor + l.taxMinor),
  );
  return allocate(sale.totals.totalMinor, weights);
}

/** Tax-inclusive sales have a total equal to the sum of line nets (tax sits inside them). */
function isInclusive(sale: SaleRecord): boolean {
  return sale.lines.reduce((sum, l) => sum + l.netMinor, 0) === sale.totals.totalMinor;
}

/** whole × k / n, rounded half away from zero; whole at k = n, 0 at k = 0. */
function part(whole: number, k: number, n: number): number {
  if (n <= 0 || k <= 0) return 0;
  if (k >= n) return whole;
  return mulDivRound(whole, k, n);
}

function returnedUnits(prior: readonly PriorCorrection[]): Map<string, number> {
  const returned = new Map<string, number>();
  for (const correction of prior) {
    for (const line of correction.lines) {
      returned.set(line.lineId, (returned.get(line.lineId) ?? 0) + line.quantity);
    }
  }
  return returned;
}
