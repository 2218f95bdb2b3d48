import type Database from 'better-sqlite3';
import type { CartView, HeldSaleView } from '@app/api/contract';
import type { Cart } from '@app/cart/cart-types';
import type { CurrencyCode } from '@app/money/currency';
import type { OperatorRef, OverrideRef } from '@app/ledger/staff-detail';
import { DomainError } from '@app/result';
import type { CartService } from '../cart/cart-service';
import type { AuditLog } from '../staff/audit-log';

export interface HeldSalesDeps {
  db: Database.Database;
  cart: CartService;
  /** The cart's overrides (a discount a manager approved): held and recalled with it. */
  overrides: { list(): OverrideRef[]; add(override: OverrideRef): void };
  audit: AuditLog;
  now: () => Date;
  newId: () => string;
}

interface Row {
  id: string;
  held_at: string;
  note: string;
  operator_name: string;
  currency: CurrencyCode;
  total: number;
  item_count: number;
}

const toView = (row: Row): HeldSaleView => ({
  id: row.id,
  heldAt: row.held_at,
  note: row.note,
  operatorName: row.operator_name,
  currency: row.currency,
  totalMinor: row.total,
  itemCount: row.item_count,
});

/**
 * Parked sales (hold and recall). A held cart is a row of `held_sales`, written in the same
 * transaction that empties the till's cart (both live in the database), so a crash between
 * the two cannot lose the sale or keep it twice; it survives a restart like the cart does.
 * Nothing of a held sale is in the ledger until it is recalled and paid.
 */
export class HeldSales {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly deleteStmt;

  constructor(private readonly deps: HeldSalesDeps) {
    const { db } = deps;
    this.insertStmt = db.prepare(
      `INSERT INTO held_sales (id, held_at, note, operator_id, operator_name, currency, total,
         item_count, cart, overrides) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listStmt = db.prepare<[], Row>('SELECT * FROM held_sales ORDER BY held_at, id');
    this.getStmt = db.prepare<[string], Row & { cart: string; overrides: string }>(
      'SELECT * FROM held_sales WHERE id = ?',
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM held_sales WHERE id = ?');
  }

  /** Parks the current cart with a note and empties the till for the next customer. */
  hold(operator: OperatorRef, note: string): HeldSaleView {
    const { cart, db } = this.deps;
    const view = cart.view();
    if (view.lines.length === 0) throw new DomainError('cart_empty', 'The cart is empty');
    const id = this.deps.newId();
    const row: Row = {
      id,
      held_at: this.deps.now().toISOString(),
      note: note.trim(),
      operator_name: operator.name,
      currency: view.currency,
      total: view.totals.totalMinor,
      item_count: view.totals.itemCount,
    };
    db.transaction(() => {
      this.insertStmt.run(
        row.id,
        row.held_at,
        row.note,
        operator.id,
        row.operator_name,
        row.currency,
        row.total,
        row.item_count,
        JSON.stringify(cart.current()),
        JSON.stringify(this.deps.overrides.list()),
      );
      cart.clear();
    }).immediate();
    return toView(row);
  }

  /** Oldest first: the customer who has waited longest is at the top. */
  list(): HeldSaleView[] {
    return this.listStmt.all().map(toView);
  }

  /** Into an empty cart only: a cart with lines must be held or cleared first. */
  recall(id: string): CartView {
    const { cart, db } = this.deps;
    if (cart.current().lines.length > 0) {
      throw new DomainError('cart_not_empty', 'Hold or clear the current sale first');
    }
    return db
      .transaction((): CartView => {
        const row = this.find(id);
        this.deleteStmt.run(id);
        const view = cart.load(JSON.parse(row.cart) as Cart);
        for (const override of JSON.parse(row.overrides) as OverrideRef[]) {
          this.deps.overrides.add(override);
        }
        return view;
      })
      .immediate();
  }

  /** Throws a held sale away; the audit log keeps who, why and what it held. */
  discard(operator: OperatorRef | null, id: string, reason: string): void {
    this.deps.db
      .transaction(() => {
        const row = this.find(id);
        this.deleteStmt.run(id);
        this.deps.audit.record({
          user: operator,
          action: 'held_sale_discard',
          object: id,
          detail: {
            note: row.note,
            heldBy: row.operator_name,
            heldAt: row.held_at,
            totalMinor: row.total,
            itemCount: row.item_count,
            reason,
          },
        });
      })
      .immediate();
  }

  private find(id: string): Row & { cart: string; overrides: string } {
    const row = this.getStmt.get(id);
    if (!row) throw new DomainError('held_sale_not_found', `No held sale ${id}`);
    return row;
  }
}
