import { randomUUID } from 'node:crypto';
import type { SaleMember, SaleRecord, SaleTender } from '@app/sale/sale';
import type { Cart } from '@app/cart/cart-types';
import { changeFor } from '@app/tender/cash';
import { DomainError } from '@app/result';
import type Database from 'better-sqlite3';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CartService } from '../cart/cart-service';
import type { EventBus } from '../api/event-bus';
import type { TerminalIdentity } from '../terminal/terminal-identity';
import type { Logger } from '../log/logger';
import { commitSale } from './commit-sale';
import type { SaleRepository } from './sale-repository';
import type { SaleStaffDetail } from './sale-entry';
import { describeStorageError } from '../api/storage-errors';

export interface SaleServiceDeps {
  db: Database.Database;
  ledger: LedgerStore;
  sales: SaleRepository;
  cart: CartService;
  bus: EventBus;
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
  /** Called after a sale is committed (printing); never part of the commit. */
  afterCommit: (sale: SaleRecord) => void;
}

/**
 * Turns the cart into a committed sale. The sale, its lines, taxes, tender and ledger entry
 * are one transaction (commitSale); printing and events follow the commit, never inside it.
 */
export class SaleService {
  /** The id of a sale whose commit ended in an unknown outcome, reconciled on the next try. */
  private uncertainSaleId: string | null = null;

  constructor(private readonly deps: SaleServiceDeps) {}

  payCash(tenderedMinor: number): SaleRecord {
    const { cart } = this.deps;
    const reconciled = this.reconcileUncertain();
    if (reconciled) return reconciled;

    const view = cart.view();
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
    const reconciled = this.reconcileUncertain();
    if (reconciled) return reconciled;
    const { cart } = this.deps;
    const view = cart.view();
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
        id: randomUUID(),
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

  private commit(sale: Omit<SaleRecord, 'seq' | 'hash'>, staff: SaleStaffDetail): SaleRecord {
    const { db, ledger, sales, log } = this.deps;
    let stored: SaleRecord;
    try {
      stored = commitSale(db, ledger, sales, sale, staff);
    } catch (error) {
      const storage = describeStorageError(error);
      if (storage?.code === 'ledger_outcome_unknown') this.uncertainSaleId = sale.id;
      log.error('sale commit failed', { saleId: sale.id, error: String(error) });
      throw error;
    }
    return this.finish(stored);
  }

  /** After an unknown outcome the sale may be in the ledger: find it by id, never commit twice. */
  private reconcileUncertain(): SaleRecord | null {
    const id = this.uncertainSaleId;
    if (!id) return null;
    const found = this.deps.sales.get(id);
    this.uncertainSaleId = null;
    if (!found) return null;
    this.deps.log.warn('uncertain sale found committed', { saleId: id });
    return this.finish(found);
  }

  private finish(sale: SaleRecord): SaleRecord {
    const { cart, bus, log } = this.deps;
    cart.clear();
    log.info('sale committed', { saleId: sale.id, seq: sale.seq, paid: sale.paidMinor });
    bus.emit('sale.committed', {
      id: sale.id,
      seq: sale.seq,
      at: sale.at,
      currency: sale.currency,
      paidMinor: sale.paidMinor,
      itemCount: sale.totals.itemCount,
      tenderMethods: sale.tenders.map((t) => t.method),
    });
    this.deps.afterCommit(sale);
    return sale;
  }
}
