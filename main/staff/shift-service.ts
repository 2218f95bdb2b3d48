import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JsonValue, LedgerEntry, NewEntry } from '@app/ledger/entry';
import type {
  CashMovementDetail,
  NoSaleDetail,
  OperatorRef,
  OverrideRef,
  ShiftCloseDetail,
  ShiftOpenDetail,
  TenderReconciliation,
} from '@app/ledger/staff-detail';
import type { CurrencyCode } from '@app/money/currency';
import { countTotal } from '@app/staff/denominations';
import { beyondTolerance, expectedByMethod, reconcile, shiftTotals } from '@app/staff/reconcile';
import type { ShiftTotals } from '@app/staff/reconcile';
import type { StaffPolicy } from '@app/staff/policy';
import { DomainError } from '@app/result';
import type { Ledger } from '../kernel/ledger';
import { prepared } from '../ledger/prepared';
import type { AuditLog } from './audit-log';
import { entryReader } from '../ledger/entry-reader';

export interface OpenShift {
  id: string;
  operator: OperatorRef;
  floatMinor: number;
  openSeq: number;
  openedAt: string;
}

export interface ShiftClose {
  shiftId: string;
  seq: number;
  byMethod: Record<string, TenderReconciliation>;
  approvedBy: OperatorRef | null;
}

interface ShiftRow {
  id: string;
  operator_id: string;
  operator_name: string;
  operator_role: OperatorRef['role'];
  float_minor: number;
  open_seq: number;
  opened_at: string;
}

export interface ShiftServiceDeps {
  db: Database.Database;
  ledger: Ledger;
  audit: AuditLog;
  batchNo: () => string;
  currency: () => CurrencyCode;
  policy: () => StaffPolicy;
  now?: () => Date;
}

const asJson = (detail: object): Record<string, JsonValue> =>
  JSON.parse(JSON.stringify(detail)) as Record<string, JsonValue>;

const MAX_REASON = 120;

/**
 * Shifts and the cash in the drawer, each step a ledger entry of the type upstream-sync-v1
 * names, with the detail app/ledger/staff-detail.ts fixes. One shift is open at a time.
 */
export class ShiftService {
  constructor(private readonly deps: ShiftServiceDeps) {}

  current(): OpenShift | null {
    const row = prepared(this.deps.db, "SELECT * FROM shifts WHERE status = 'open'").get() as
      ShiftRow | undefined;
    return row
      ? {
          id: row.id,
          operator: { id: row.operator_id, name: row.operator_name, role: row.operator_role },
          floatMinor: row.float_minor,
          openSeq: row.open_seq,
          openedAt: row.opened_at,
        }
      : null;
  }

  /** The open shift, which must be this person's: sales and cash movements belong to it. */
  requireOwn(operator: OperatorRef): OpenShift {
    const shift = this.current();
    if (!shift) throw new DomainError('shift_not_open', 'Open a shift first');
    if (shift.operator.id !== operator.id) {
      throw new DomainError('shift_other_user', `${shift.operator.name}'s shift is open`, {
        name: shift.operator.name,
      });
    }
    return shift;
  }

  open(operator: OperatorRef, floatMinor: number): OpenShift {
    if (!Number.isSafeInteger(floatMinor) || floatMinor < 0) {
      throw new DomainError('invalid_amount', `Not a float: ${floatMinor}`);
    }
    const existing = this.current();
    if (existing) {
      throw new DomainError('shift_already_open', `${existing.operator.name}'s shift is open`, {
        name: existing.operator.name,
      });
    }
    const id = randomUUID();
    const detail: ShiftOpenDetail = { operator, shiftId: id, floatMinor };
    const entry = this.commit({ type: 'shift_open', amount: 0, tenders: [], detail }, (e) => {
      this.deps.db
        .prepare(
          `INSERT INTO shifts (id, operator_id, operator_name, operator_role, float_minor, open_seq, opened_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
        )
        .run(id, operator.id, operator.name, operator.role, floatMinor, e.seq, e.at);
    });
    this.deps.audit.record({
      user: operator,
      action: 'shift_open',
      object: id,
      detail: { seq: entry.seq },
    });
    const shift = this.current();
    if (!shift) throw new Error('shift vanished after open');
    return shift;
  }

  payIn(
    operator: OperatorRef,
    amountMinor: number,
    reason: string,
    override?: OverrideRef,
  ): LedgerEntry {
    return this.movement('pay_in', operator, amountMinor, reason, override);
  }

  payOut(
    operator: OperatorRef,
    amountMinor: number,
    reason: string,
    override?: OverrideRef,
  ): LedgerEntry {
    return this.movement('pay_out', operator, amountMinor, reason, override);
  }

  /** Cash to the safe: out of the drawer, takings unchanged (a no_sale, not a pay_out). */
  drop(
    operator: OperatorRef,
    amountMinor: number,
    reason: string,
    override?: OverrideRef,
  ): LedgerEntry {
    const shift = this.requireOwn(operator);
    this.checkAmount(amountMinor);
    this.checkCashFor(shift, amountMinor);
    const detail: NoSaleDetail = {
      operator,
      shiftId: shift.id,
      kind: 'cash_drop',
      dropMinor: amountMinor,
      ...(reason.trim() ? { reason: reason.trim().slice(0, MAX_REASON) } : {}),
      ...(override ? { override } : {}),
    };
    const entry = this.commit({ type: 'no_sale', amount: 0, tenders: [], detail });
    this.deps.audit.record({
      user: operator,
      action: 'cash_drop',
      object: entry.id,
      detail: { amountMinor },
    });
    return entry;
  }

  /**
   * A drawer opened with no sale. Recorded as a no_sale entry of the open shift (whoever
   * opens it); with no shift open (a technician testing the drawer) only the audit log has it.
   */
  noSale(operator: OperatorRef, override?: OverrideRef): LedgerEntry | null {
    const shift = this.current();
    if (!shift) {
      this.deps.audit.record({ user: operator, action: 'drawer_open', detail: { shift: 'none' } });
      return null;
    }
    const detail: NoSaleDetail = {
      operator,
      shiftId: shift.id,
      kind: 'drawer_open',
      ...(override ? { override } : {}),
    };
    const entry = this.commit({ type: 'no_sale', amount: 0, tenders: [], detail });
    this.deps.audit.record({ user: operator, action: 'drawer_open', object: entry.id });
    return entry;
  }

  /** The cashier's own running totals: takings only, never the expected drawer cash. */
  totals(operator: OperatorRef): { shift: OpenShift; totals: ShiftTotals } | null {
    const shift = this.current();
    if (!shift || shift.operator.id !== operator.id) return null;
    return { shift, totals: shiftTotals(this.entriesOf(shift)) };
  }

  /**
   * Closes the shift on a blind count (the figures are only shown after it is submitted).
   * Beyond the owner's tolerance, `approve` must name an owner who approved; otherwise it
   * is refused without telling the figures, so the count can be done again.
   */
  close(
    operator: OperatorRef,
    denominations: Record<string, number>,
    countedOther: Partial<Record<'card' | 'qr' | 'other', number>>,
    approve: () => OperatorRef | null,
  ): ShiftClose {
    const shift = this.requireOwn(operator);
    const cash = countTotal(this.deps.currency(), denominations);
    if (cash === null) throw new DomainError('count_invalid', 'The count is not valid');
    for (const value of Object.values(countedOther)) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new DomainError('count_invalid', 'The count is not valid');
      }
    }
    const expected = expectedByMethod(shift.floatMinor, this.entriesOf(shift));
    const byMethod = reconcile(expected, { ...countedOther, cash });
    let approvedBy: OperatorRef | null = null;
    if (beyondTolerance(byMethod, this.deps.policy().cashToleranceMinor)) {
      approvedBy = approve();
      if (!approvedBy) {
        this.deps.audit.record({
          user: operator,
          action: 'shift_close_refused',
          outcome: 'denied',
          object: shift.id,
          detail: { why: 'beyond_tolerance' },
        });
        throw new DomainError('difference_needs_approval', 'An owner must approve the count', {
          permission: 'shift.approveDifference',
        });
      }
    }
    const kept: Record<string, number> = {};
    for (const [key, count] of Object.entries(denominations)) if (count > 0) kept[key] = count;
    const detail: ShiftCloseDetail = {
      operator,
      shiftId: shift.id,
      denominations: kept,
      byMethod,
      ...(approvedBy ? { approvedBy } : {}),
    };
    const entry = this.commit({ type: 'shift_close', amount: 0, tenders: [], detail }, (e) => {
      this.deps.db
        .prepare("UPDATE shifts SET status = 'closed', close_seq = ?, closed_at = ? WHERE id = ?")
        .run(e.seq, e.at, shift.id);
    });
    this.deps.audit.record({
      user: operator,
      action: 'shift_close',
      object: shift.id,
      detail: {
        seq: entry.seq,
        cashDifferenceMinor: byMethod.cash?.differenceMinor ?? 0,
        approvedBy: approvedBy?.name ?? null,
      },
    });
    return { shiftId: shift.id, seq: entry.seq, byMethod, approvedBy };
  }

  /** Cash the drawer should hold now (for refusing a pay-out or drop it cannot cover). */
  expectedCash(shift: OpenShift): number {
    return expectedByMethod(shift.floatMinor, this.entriesOf(shift)).cash;
  }

  private movement(
    type: 'pay_in' | 'pay_out',
    operator: OperatorRef,
    amountMinor: number,
    reason: string,
    override?: OverrideRef,
  ): LedgerEntry {
    const shift = this.requireOwn(operator);
    this.checkAmount(amountMinor);
    const text = reason.trim().slice(0, MAX_REASON);
    if (!text) throw new DomainError('reason_required', 'Say why');
    if (type === 'pay_out') this.checkCashFor(shift, amountMinor);
    const signed = type === 'pay_in' ? amountMinor : -amountMinor;
    const detail: CashMovementDetail = {
      operator,
      shiftId: shift.id,
      reason: text,
      ...(override ? { override } : {}),
    };
    const entry = this.commit({
      type,
      amount: signed,
      tenders: [{ method: 'cash', amount: signed }],
      detail,
    });
    this.deps.audit.record({
      user: operator,
      action: type,
      object: entry.id,
      detail: { amountMinor },
    });
    return entry;
  }

  private checkAmount(amountMinor: number): void {
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
      throw new DomainError('invalid_amount', `Not an amount: ${amountMinor}`);
    }
  }

  /** The figure stays in main: the message says only that the drawer cannot cover it. */
  private checkCashFor(shift: OpenShift, amountMinor: number): void {
    if (amountMinor > this.expectedCash(shift)) {
      throw new DomainError('pay_out_exceeds_cash', 'More than the cash in the drawer');
    }
  }

  private entriesOf(shift: OpenShift): LedgerEntry[] {
    return entryReader(this.deps.db).ofShift(shift.openSeq, shift.id);
  }

  private commit(
    entry: Pick<NewEntry, 'type' | 'amount' | 'tenders'> & { detail: object },
    alongside?: (stored: LedgerEntry) => void,
  ): LedgerEntry {
    const stored = this.deps.ledger.commit((tx): LedgerEntry => {
      const appended = tx.append({
        id: randomUUID(),
        at: (this.deps.now?.() ?? new Date()).toISOString(),
        batchNo: this.deps.batchNo(),
        currency: this.deps.currency(),
        type: entry.type,
        amount: entry.amount,
        tenders: entry.tenders,
        detail: asJson(entry.detail),
      });
      alongside?.(appended);
      return appended;
    });
    return stored;
  }
}
