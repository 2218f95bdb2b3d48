import type Database from 'better-sqlite3';
import type { LedgerEntry } from '@app/ledger/entry';
import { pointsMovementOf } from '@app/members/points';

/**
 * Member point balances, derived from the ledger: each sale or refund entry that moves a
 * customer's points adds one row of `points_movements` (append-only) in the transaction that
 * appends the entry (SellingLedger). A balance is the sum of those rows; no row is a counter
 * anyone can edit, and `rebuild` proves the rows equal what the ledger says.
 */
export class PointsBook {
  private readonly insertStmt;
  private readonly balanceStmt;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO points_movements (seq, customer_id, delta) VALUES (?, ?, ?)',
    );
    this.balanceStmt = db.prepare<[string], { points: number | null }>(
      'SELECT sum(delta) AS points FROM points_movements WHERE customer_id = ?',
    );
  }

  /** Call inside the transaction that appended `entry`. */
  apply(entry: LedgerEntry): void {
    const movement = pointsMovementOf(entry);
    if (movement) this.insertStmt.run(entry.seq, movement.customerId, movement.delta);
  }

  balance(customerId: string): number {
    return this.balanceStmt.get(customerId)?.points ?? 0;
  }

  /** Balances summed straight from the ledger's entries (a check of the movements table). */
  static fromEntries(entries: Iterable<LedgerEntry>): Map<string, number> {
    const balances = new Map<string, number>();
    for (const entry of entries) {
      const movement = pointsMovementOf(entry);
      if (!movement) continue;
      balances.set(movement.customerId, (balances.get(movement.customerId) ?? 0) + movement.delta);
    }
    return balances;
  }
}
