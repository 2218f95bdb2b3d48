import type { Migration } from '../store/sql';
import { bothDialects } from '../catalog/dialect-migration';

/**
 * Stock per shop (downsync-v1 "Stock"), as append-only movements: a delivery the owner
 * records (who received it, when), and every till's sales, voids and restocked refunds
 * derived from its uploaded entries (unique by terminal, seq and line). On hand is the sum.
 */
export const stockMigration: Migration = bothDialects(
  '012-stock',
  `
CREATE TABLE stock_movements (
  merchant_id TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  delta {BIGINT} NOT NULL,
  kind TEXT NOT NULL,
  -- A till's entry: its terminal, seq and line; a delivery: its id and line.
  source_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  by_whom TEXT,
  at {BIGINT} NOT NULL,
  PRIMARY KEY (source_id, line_no)
);
CREATE INDEX stock_movements_product ON stock_movements (merchant_id, product_id, shop_id);

CREATE TABLE deliveries (
  delivery_id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  received_by TEXT NOT NULL,
  received_at {BIGINT} NOT NULL,
  body TEXT NOT NULL
);
`,
);
