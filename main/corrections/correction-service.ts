import type { CorrectionView, PendingCorrection } from '@app/api/correction-schemas';
import { legsLeft, linesLeft, planRefund, planVoid } from '@app/corrections/correction-plan';
import type { CorrectionPlan, RequestedLine, ReturnedLeg } from '@app/corrections/correction-plan';
import type { ErrorCode } from '@app/errors';
import type { LedgerEntry } from '@app/ledger/entry';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import { DomainError } from '@app/result';
import type { SaleRecord } from '@app/sale/sale';
import type Database from 'better-sqlite3';
import type { Ledger } from '../kernel/ledger';
import type { Logger } from '../log/logger';
import type { RiskGuard } from '../payments/risk-guard';
import type { CorrectionLedger } from './correction-ledger';
import { correctionToNewEntry } from './correction-entry';
import { LegPayback } from './leg-payback';
import type { LegPaybackDeps } from './leg-payback';
import type { PendingStore, StoredCorrection, StoredLeg } from './pending-store';
import { receiptNumber } from '@app/receipt/receipt-number';

export interface CorrectionServiceDeps extends LegPaybackDeps {
  db: Database.Database;
  ledger: Ledger;
  corrections: CorrectionLedger;
  sale: (id: string) => SaleRecord | null;
  saleBySeq: (seq: number) => SaleRecord | null;
  /** Who gives back and in which shift: refuses when no one is signed in with a shift open. */
  staff: () => { operator: OperatorRef; shiftId: string };
  /** A refund above the owner's limit: `sale.refund` by role, or a manager's override. */
  approveLarge: (saleId: string) => OverrideRef | null;
  refundLimitMinor: () => number;
  /** The refund window (risk rules): checked before anything is given back. */
  risk: Pick<RiskGuard, 'check'>;
  refundWithinDays: () => number | null;
  store: PendingStore;
  onChange: (pending: PendingCorrection | null) => void;
  log: Logger;
  now?: () => Date;
  newId: () => string;
}

export interface CorrectionDone {
  kind: 'void' | 'refund';
  seq: number;
  saleId: string;
  amountMinor: number;
  cashMinor: number;
}

/**
 * Voids (撤销) and refunds (退货) of committed sales (issue #6 "Corrections"). A correction
 * pays back tender by tender (host, terminal, drawer), each leg kept as it completes, so a
 * failed card leg or a restart loses nothing: the correction stays pending until every leg
 * is done, and only then is its ledger entry committed. One at a time.
 */
export class CorrectionService {
  private readonly payback: LegPayback;

  constructor(private readonly deps: CorrectionServiceDeps) {
    this.payback = new LegPayback(deps);
  }

  view(saleId: string): CorrectionView {
    const sale = this.requireSale(saleId);
    const prior = this.deps.corrections.priorOf(saleId);
    const lines = linesLeft(sale, prior);
    const nothingLeft = lines.every((line) => line.left === 0);
    return {
      sale,
      lines,
      tendersLeft: legsLeft(sale, prior),
      corrections: this.deps.corrections.summariesOf(saleId),
      voidRefusal: this.voidRefusal(sale, prior.length),
      refundRefusal: nothingLeft
        ? prior.some((c) => c.type === 'void')
          ? 'sale_already_voided'
          : 'refund_nothing'
        : this.refundWindowRefusal(sale),
      refundLimitMinor: this.deps.refundLimitMinor(),
    };
  }

  /** A scanned receipt code (the sale id, printed as a QR code) or a receipt number. */
  find(query: string): CorrectionView {
    const text = query.trim();
    if (/^\d{1,9}$/.test(text)) {
      const sale = this.deps.saleBySeq(Number(text));
      if (sale) return this.view(sale.id);
    } else if (this.deps.sale(text.toLowerCase())) {
      return this.view(text.toLowerCase());
    }
    throw new DomainError('sale_not_found', `No sale ${text}`, { query: text });
  }

  preview(saleId: string, requested: readonly RequestedLine[]) {
    const sale = this.requireSale(saleId);
    const plan = planRefund(sale, this.deps.corrections.priorOf(saleId), requested);
    return {
      amountMinor: plan.amountMinor,
      legs: plan.legs.map((leg) => legView(toStoredLeg(leg))),
      needsManager: plan.amountMinor > this.deps.refundLimitMinor(),
    };
  }

  pending(): PendingCorrection | null {
    const stored = this.deps.store.load();
    return stored === null ? null : this.pendingView(stored);
  }

  /** 撤销: the whole sale, while its batch is open. */
  async voidSale(saleId: string, reason: string): Promise<CorrectionDone> {
    this.assertNothingPending();
    const sale = this.requireSale(saleId);
    const prior = this.deps.corrections.priorOf(saleId);
    const refusal = this.voidRefusal(sale, prior.length);
    if (refusal !== null) throw new DomainError(refusal, `Sale ${sale.seq} cannot be voided`);
    const plan = planVoid(sale, prior);
    return this.run(
      this.begin(sale, plan, { reason, restock: true, requested: [], override: null }),
    );
  }

  /** 退货: units of the sale, back to its tenders; above the limit a manager approves. */
  async refund(
    saleId: string,
    requested: readonly RequestedLine[],
    reason: string,
    restock: boolean,
  ): Promise<CorrectionDone> {
    this.assertNothingPending();
    const sale = this.requireSale(saleId);
    const plan = planRefund(sale, this.deps.corrections.priorOf(saleId), requested);
    this.checkWindow(sale, plan.amountMinor);
    const override =
      plan.amountMinor > this.deps.refundLimitMinor() ? this.deps.approveLarge(saleId) : null;
    return this.run(
      this.begin(sale, plan, { reason, restock, requested: [...requested], override }),
    );
  }

  /** The pending correction's unfinished legs, again. */
  async retry(): Promise<CorrectionDone> {
    return this.run(this.requirePending());
  }

  /** The failed legs of a pending refund paid back from the drawer instead. */
  async cashInstead(): Promise<CorrectionDone> {
    const stored = this.requirePending();
    const legs = stored.legs.map((leg): StoredLeg =>
      leg.status === 'done'
        ? leg
        : { ...leg, method: 'cash', status: 'done', error: null, detail: {} },
    );
    const next = { ...stored, legs };
    this.save(next);
    this.deps.log.info('correction legs paid back in cash instead', { id: stored.id });
    return this.run(next);
  }

  /** Drops a pending correction; refused once a leg has paid anything back. */
  abandon(): void {
    const stored = this.requirePending();
    const done = stored.legs.some(
      (leg) => leg.status === 'done' && leg.method !== 'cash' && leg.method !== 'other',
    );
    if (done) {
      throw new DomainError('correction_pending', 'A card was already paid back: finish it');
    }
    this.save(null);
  }

  private begin(
    sale: SaleRecord,
    plan: CorrectionPlan,
    how: Pick<StoredCorrection, 'reason' | 'restock' | 'requested' | 'override'>,
  ): StoredCorrection {
    const { operator, shiftId } = this.deps.staff();
    const stored: StoredCorrection = {
      id: this.deps.newId(),
      kind: plan.kind,
      saleId: sale.id,
      ...how,
      operator,
      shiftId,
      legs: plan.legs.map(toStoredLeg),
    };
    this.save(stored);
    return stored;
  }

  /** Runs every leg not done yet, then commits; a failed leg leaves it pending. */
  private async run(start: StoredCorrection): Promise<CorrectionDone> {
    let stored = start;
    const sale = this.requireSale(stored.saleId);
    for (const leg of stored.legs) {
      if (leg.status === 'done') continue;
      let next: StoredLeg;
      try {
        next = {
          ...leg,
          status: 'done',
          error: null,
          detail: await this.payback.payBack(stored.kind, sale, leg),
        };
      } catch (error) {
        const failure =
          error instanceof DomainError
            ? { code: error.code, ...(error.params ? { params: error.params } : {}) }
            : { code: 'refund_leg_failed' as ErrorCode };
        this.deps.log.warn('correction leg failed', {
          id: stored.id,
          legIndex: leg.legIndex,
          code: failure.code,
        });
        stored = replaceLeg(stored, { ...leg, status: 'failed', error: failure });
        this.save(stored, true);
        throw new DomainError('refund_leg_failed', 'A payment could not be given back', {
          method: leg.method,
          code: failure.code,
        });
      }
      stored = replaceLeg(stored, next);
      // Money given back on a card must survive a power cut; a cash leg is the drawer's.
      this.save(stored, leg.method !== 'cash' && leg.method !== 'other');
    }
    return this.commit(stored, sale);
  }

  private commit(stored: StoredCorrection, sale: SaleRecord): CorrectionDone {
    const done = (entry: LedgerEntry): CorrectionDone => {
      const cashMinor = stored.legs
        .filter((leg) => leg.method === 'cash')
        .reduce((sum, leg) => sum + leg.amountMinor, 0);
      this.deps.log.info('correction committed', {
        id: entry.id,
        seq: entry.seq,
        kind: stored.kind,
      });
      return {
        kind: stored.kind,
        seq: entry.seq,
        saleId: sale.id,
        amountMinor: -entry.amount,
        cashMinor,
      };
    };
    // A commit whose outcome was unknown (a failed fsync) may be in: never commit twice.
    const already = this.deps.corrections.entry(stored.id);
    if (already) {
      this.save(null);
      return done(already);
    }
    const prior = this.deps.corrections.priorOf(sale.id);
    const plan =
      stored.kind === 'void' ? planVoid(sale, prior) : planRefund(sale, prior, stored.requested);
    const { terminalId, batchNo } = this.deps.identity();
    // The correction under way is consumed in its entry's transaction: a crash after the
    // commit can neither lose the entry nor start the same correction again.
    const entry = this.deps.ledger.commit((tx) => {
      const appended = tx.append(
        correctionToNewEntry({
          id: stored.id,
          at: this.now().toISOString(),
          batchNo,
          terminalId,
          sale,
          plan,
          legs: stored.legs.map((leg) => ({
            legIndex: leg.legIndex,
            method: leg.method,
            amountMinor: leg.amountMinor,
            detail: leg.detail,
          })),
          reason: stored.reason,
          restock: stored.restock,
          operator: stored.operator,
          shiftId: stored.shiftId,
          override: stored.override,
        }),
      );
      this.save(null);
      return appended;
    });
    return done(entry);
  }

  private voidRefusal(sale: SaleRecord, priorCount: number): ErrorCode | null {
    if (priorCount > 0) {
      return this.deps.corrections.priorOf(sale.id).some((c) => c.type === 'void')
        ? 'sale_already_voided'
        : 'sale_partly_refunded';
    }
    // 撤销 is for the open batch; after settlement the customer gets a refund instead.
    if (sale.batchNo !== this.deps.identity().batchNo) return 'already_settled';
    return null;
  }

  /** Shown before anyone tries: the refusal itself is recorded when a refund is attempted. */
  private refundWindowRefusal(sale: SaleRecord): ErrorCode | null {
    const days = this.deps.refundWithinDays();
    if (days === null) return null;
    const age = this.now().getTime() - Date.parse(sale.at);
    return age > days * 24 * 60 * 60_000 ? 'risk_refund_too_late' : null;
  }

  /** The owner's refund window, for every tender (cash too): before anything goes back. */
  private checkWindow(sale: SaleRecord, amountMinor: number): void {
    this.deps.risk.check({
      kind: 'refund',
      tender: 'other',
      amountMinor,
      currency: sale.currency,
      pan: null,
      saleAt: new Date(sale.at),
    });
  }

  private assertNothingPending(): void {
    const pending = this.deps.store.load();
    if (pending !== null) {
      throw new DomainError('correction_pending', 'Finish the open void or refund first', {
        seq: receiptNumber(this.deps.sale(pending.saleId)?.seq ?? 0),
      });
    }
  }

  private requirePending(): StoredCorrection {
    const stored = this.deps.store.load();
    if (stored === null) throw new DomainError('correction_not_found', 'Nothing is pending');
    return stored;
  }

  private requireSale(id: string): SaleRecord {
    const sale = this.deps.sale(id);
    if (!sale) throw new DomainError('sale_not_found', `No sale ${id}`, { query: id });
    return sale;
  }

  private save(stored: StoredCorrection | null, durable = false): void {
    this.deps.store.save(stored, durable);
    this.deps.onChange(stored === null ? null : this.pendingView(stored));
  }

  private pendingView(stored: StoredCorrection): PendingCorrection {
    const sale = this.deps.sale(stored.saleId);
    return {
      id: stored.id,
      kind: stored.kind,
      saleId: stored.saleId,
      saleSeq: sale?.seq ?? 0,
      currency: sale?.currency ?? 'CNY',
      amountMinor: stored.legs.reduce((sum, leg) => sum + leg.amountMinor, 0),
      reason: stored.reason,
      legs: stored.legs.map(legView),
    };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

function toStoredLeg(leg: ReturnedLeg): StoredLeg {
  return {
    legIndex: leg.legIndex,
    method: leg.tender.method,
    amountMinor: leg.amountMinor,
    ...(leg.tender.entryMode ? { entryMode: leg.tender.entryMode } : {}),
    ...(leg.tender.cardMasked ? { cardMasked: leg.tender.cardMasked } : {}),
    status: 'pending',
    error: null,
    detail: {},
  };
}

function legView(leg: StoredLeg): PendingCorrection['legs'][number] {
  return {
    legIndex: leg.legIndex,
    method: leg.method,
    amountMinor: leg.amountMinor,
    ...(leg.entryMode ? { entryMode: leg.entryMode } : {}),
    ...(leg.cardMasked ? { cardMasked: leg.cardMasked } : {}),
    status: leg.status,
    error: leg.error,
  };
}

function replaceLeg(stored: StoredCorrection, leg: StoredLeg): StoredCorrection {
  return {
    ...stored,
    legs: stored.legs.map((l) => (l.legIndex === leg.legIndex ? leg : l)),
  };
}
