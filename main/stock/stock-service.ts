import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { StockRow } from '@app/api/contract';
import type { LedgerEntry } from '@app/ledger/entry';
import type { OperatorRef } from '@app/ledger/staff-detail';
import type { ProductUnit } from '@app/catalog/product';
import { DomainError } from '@app/result';
import { stockMovesOf } from '@app/stock/stock-moves';
import type { SettingsStore } from '../settings/settings-store';
import type { AuditLog } from '../staff/audit-log';

const THRESHOLDS_KEY = 'stock.thresholds';
const thresholdsSchema = z.object({
  default: z.number().int().min(0),
  products: z.record(z.string(), z.number().int().min(0)),
});
type Thresholds = z.output<typeof thresholdsSchema>;
const defaultThresholds: Thresholds = { default: 5, products: {} };

interface StockDbRow {
  id: string;
  sku: string;
  name_en: string;
  name_zh: string;
  unit: ProductUnit;
  on_hand: number;
}

export interface StockServiceDeps {
  db: Database.Database;
  settings: SettingsStore;
  audit: AuditLog;
  now: () => Date;
}

/**
 * Stock of tracked products, derived from movements (append-only `stock_movements`): a sale
 * entry's lines take stock out in the entry's own transaction (SellingLedger); a count by an
 * owner or manager adds the difference to what was counted, with who and why. On hand is
 * Σ delta; no row holds a count anyone could edit. Weighed items are counted in grams.
 */
export class StockService {
  private readonly trackedStmt;
  private readonly moveStmt;
  private readonly onHandStmt;
  private readonly listStmt;
  private readonly rowStmt;

  constructor(private readonly deps: StockServiceDeps) {
    const { db } = deps;
    this.trackedStmt = db.prepare<[string], { track_stock: number }>(
      'SELECT track_stock FROM products WHERE id = ?',
    );
    this.moveStmt = db.prepare(
      `INSERT INTO stock_movements (product_id, delta, kind, seq, at, operator_id, operator_name,
         reason, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.onHandStmt = db.prepare<[string], { on_hand: number | null }>(
      'SELECT sum(delta) AS on_hand FROM stock_movements WHERE product_id = ?',
    );
    const select = `SELECT p.id, p.sku, p.name_en, p.name_zh, p.unit,
        coalesce((SELECT sum(delta) FROM stock_movements m WHERE m.product_id = p.id), 0) AS on_hand
      FROM products p`;
    this.listStmt = db.prepare<[], StockDbRow>(
      `${select} WHERE p.track_stock = 1 ORDER BY p.sku LIMIT 1000`,
    );
    this.rowStmt = db.prepare<[string], StockDbRow>(`${select} WHERE p.id = ?`);
  }

  /**
   * A sale's tracked lines leave stock; a void's, or a refund's marked `restock`, come back.
   * Call inside the transaction that appended `entry`.
   */
  apply(entry: LedgerEntry): void {
    for (const move of stockMovesOf(entry)) {
      if (this.trackedStmt.get(move.productId)?.track_stock !== 1) continue;
      this.moveStmt.run(
        move.productId,
        move.delta,
        // A void's goods come back like a refund's (the movement kinds are fixed by v7).
        move.back ? 'refund' : 'sale',
        entry.seq,
        entry.at,
        null,
        null,
        null,
        null,
      );
    }
  }

  onHand(productId: string): number {
    return this.onHandStmt.get(productId)?.on_hand ?? 0;
  }

  /** Tracked products, by SKU; `lowOnly`: those at or below their threshold. */
  list(lowOnly: boolean): StockRow[] {
    const thresholds = this.thresholds();
    const rows = this.listStmt.all().map((row) => this.toRow(row, thresholds));
    return lowOnly ? rows.filter((row) => row.low) : rows;
  }

  /** A stock count: the difference to the counted quantity becomes a movement. */
  adjust(operator: OperatorRef, productId: string, counted: number, reason: string): StockRow {
    const { db } = this.deps;
    return db
      .transaction((): StockRow => {
        const row = this.rowStmt.get(productId);
        if (!row) throw new DomainError('product_not_found', `No product ${productId}`);
        if (this.trackedStmt.get(productId)?.track_stock !== 1) {
          throw new DomainError('stock_not_tracked', `${row.sku} is not stock-tracked`, {
            sku: row.sku,
          });
        }
        const delta = counted - row.on_hand;
        this.moveStmt.run(
          productId,
          delta,
          'count',
          null,
          this.deps.now().toISOString(),
          operator.id,
          operator.name,
          reason,
          counted,
        );
        this.deps.audit.record({
          user: operator,
          action: 'stock_count',
          object: productId,
          detail: { sku: row.sku, before: row.on_hand, counted, reason },
        });
        return this.toRow({ ...row, on_hand: counted }, this.thresholds());
      })
      .immediate();
  }

  setThreshold(productId: string | undefined, threshold: number): void {
    const current = this.thresholds();
    const next: Thresholds =
      productId === undefined
        ? { ...current, default: threshold }
        : { ...current, products: { ...current.products, [productId]: threshold } };
    this.deps.settings.setValue(THRESHOLDS_KEY, next);
  }

  private thresholds(): Thresholds {
    const saved = thresholdsSchema.safeParse(this.deps.settings.getValue(THRESHOLDS_KEY));
    return saved.success ? saved.data : defaultThresholds;
  }

  private toRow(row: StockDbRow, thresholds: Thresholds): StockRow {
    const threshold = thresholds.products[row.id] ?? thresholds.default;
    return {
      productId: row.id,
      sku: row.sku,
      nameEn: row.name_en,
      nameZh: row.name_zh,
      unit: row.unit,
      onHand: row.on_hand,
      threshold,
      low: row.on_hand <= threshold,
    };
  }
}
