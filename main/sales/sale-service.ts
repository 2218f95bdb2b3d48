import type { SaleMember, SaleRecord, SaleTender } from '@app/sale/sale';
import type { Cart } from '@app/cart/cart-types';
import { changeFor } from '@app/tender/cash';
import { DomainError } from '@app/result';
import type { Ledger } from '../kernel/ledger';
import type { CartService } from '../cart/cart-service';
import type { TerminalIdentity } from '../terminal/terminal-identity';
import type { Logger } from '../log/logger';
import { commitSale } from './commit-sale';
import type { SaleRepository } from './sale-repository';
import { saleFromEntry } from './sale-entry';
import type { SaleStaffDetail, UncommittedSale } from './sale-entry';
import { describeStorageError } from '../api/storage-errors';

export interface SaleServiceDeps {
  ledger: Ledger;
  sales: SaleRepository;
  cart: CartService;
  identity: () => TerminalIdentity;
  log: Logger;
  now?: () => Date;
  /**
   * Who sells and in which shift: refuses (no one signed in, no own shift open) before
   * anything is written.
   */
  staffDetail: () => SaleStaffDetail;
  /** The member on the cart and their points for this sale (issue #7); refuses a bad redemption. */
  memberOf?: (cart: Cart, totalMinor: number) => SaleMember | undefined;
}

/**
 * Turns the cart into a committed sale, exactly once. The sale's id is the cart's, chosen
 * before the first tender; the commit consumes the cart in the sale's own transaction
 * (CartService.consume follows every sale entry), and what reacts to the sale (printer,
 * drawer, display, sync, screens) subscribes to the ledger's committed-entry stream.
 *
 * A commit with an unknown outcome (a failed fsync) keeps the cart locked to that sale:
 * the next Complete sale looks the id up first and commits the very same sale only when it
 * is not on disk, so nothing is ever committed twice whatever the cashier presses.
 */
export class SaleService {
  /** The sale whose commit ended in an unknown outcome, with who sold it. */
  private uncertain: { sale: UncommittedSale; staff: SaleStaffDetail } | null = null;

  constructor(private readonly deps: SaleServiceDeps) {}

  /**
   * At start-up: a cart whose sale is already in the ledger (it can only come from data
   * written before carts were consumed with their sale) is not sold again.
   */
  reconcileAtStart(): void {
    const entry = this.deps.ledger.entryById(this.deps.cart.saleId());
    if (!entry) return;
    this.deps.log.warn('cart of a committed sale dropped at start', { saleId: entry.id });
    this.deps.cart.committed(entry);
  }

  payCash(tenderedMinor: number): SaleRecord {
    const settled = this.settleUncertain();
    if (settled) return settled;
    const view = this.deps.cart.view();
    if (view.lines.length === 0) throw new DomainError('cart_empty', 'The cart is empty');
    if (!Number.isSafeInteger(tenderedMinor) || tenderedMinor < 0) {
      throw new DomainError('invalid_amount', `Not an amount: ${tenderedMinor}`);
    }
    const change = changeFor(view.cashDueMinor, tenderedMinor);
    if (!change.ok)
      throw new DomainError(change.error.code, change.error.message, change.error.params);

    return this.commitCart({
      roundingMinor: view.cashRoundingMinor,
      paidMinor: view.cashDueMinor,
      tenders: [
        {
          method: 'cash',
          amountMinor: view.cashDueMinor,
          tenderedMinor,
          changeMinor: change.value,
        },
      ],
    });
  }

  /** Refuses (no one signed in, no own shift open) before a payment leg is taken. */
  assertCanSell(): void {
    this.deps.staffDetail();
  }

  /**
   * Commits the cart paid by several tenders (issue #6, split tender): they must add up to
   * the total exactly. Cash rounding applies only to a sale paid in cash alone (payCash).
   */
  payTenders(tenders: SaleTender[]): SaleRecord {
    const settled = this.settleUncertain();
    if (settled) return settled;
    const view = this.deps.cart.view();
    if (view.lines.length === 0) throw new DomainError('cart_empty', 'The cart is empty');
    const paid = tenders.reduce((sum, t) => sum + t.amountMinor, 0);
    if (paid !== view.totals.totalMinor) {
      throw new DomainError('invalid_amount', `tenders ${paid} are not ${view.totals.totalMinor}`);
    }
    return this.commitCart({ roundingMinor: 0, paidMinor: paid, tenders });
  }

  /** The cart as a sale paid so: its lines, totals, member and who sold it, committed. */
  private commitCart(
    payment: Pick<SaleRecord, 'roundingMinor' | 'paidMinor' | 'tenders'>,
  ): SaleRecord {
    const staff = this.deps.staffDetail();
    const { terminalId, batchNo } = this.deps.identity();
    const view = this.deps.cart.view();
    const current = this.deps.cart.current();
    const member = this.deps.memberOf?.(current, view.totals.totalMinor);
    return this.commit(
      {
        id: this.deps.cart.saleId(),
        at: (this.deps.now?.() ?? new Date()).toISOString(),
        batchNo,
        terminalId,
        currency: current.currency,
        lines: this.saleLines(),
        orderDiscount: current.orderDiscount,
        totals: view.totals,
        ...payment,
        ...(member ? { member } : {}),
      },
      staff,
    );
  }

  private saleLines(): SaleRecord['lines'] {
    const view = this.deps.cart.view();
    return this.deps.cart.current().lines.map((line, i) => {
      const t = view.lineTotals[i];
      if (!t || t.lineId !== line.lineId) throw new Error('cart totals out of step with lines');
      const { lineId, ...amounts } = t;
      return { ...line, ...amounts };
    });
  }

  private commit(sale: UncommittedSale, staff: SaleStaffDetail): SaleRecord {
    const { ledger, sales, log } = this.deps;
    // Never a second sale of one cart: a sale of this id already in the ledger is the answer.
    const existing = ledger.publishIfCommitted(sale.id);
    if (existing) return this.done(saleFromEntry(existing));
    let stored: SaleRecord;
    try {
      stored = commitSale(ledger, sales, sale, staff);
    } catch (error) {
      if (describeStorageError(error)?.code === 'ledger_outcome_unknown') {
        this.uncertain = { sale, staff };
        this.deps.cart.lockForOutcome();
      }
      log.error('sale commit failed', { saleId: sale.id, error: String(error) });
      throw error;
    }
    return this.done(stored);
  }

  /**
   * After an unknown outcome: the sale found in the ledger is done (published now); one not
   * there is committed again, the same sale with the same id, lines and tenders.
   */
  private settleUncertain(): SaleRecord | null {
    const pending = this.uncertain;
    if (!pending) return null;
    const found = this.deps.ledger.publishIfCommitted(pending.sale.id);
    if (found) {
      this.uncertain = null;
      this.deps.log.warn('uncertain sale found committed', { saleId: found.id });
      return this.done(saleFromEntry(found));
    }
    this.deps.log.warn('uncertain sale not on disk: committing it again', {
      saleId: pending.sale.id,
    });
    const sale = this.commit(pending.sale, pending.staff);
    this.uncertain = null;
    return sale;
  }

  private done(sale: SaleRecord): SaleRecord {
    this.uncertain = null;
    this.deps.log.info('sale committed', { saleId: sale.id, seq: sale.seq, paid: sale.paidMinor });
    return sale;
  }
}
