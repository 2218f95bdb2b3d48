import { appendOnly } from './append-only';

// v7 (issue #7): held sales, customers and member points, stock movements.
export const v7Selling = `
  -- A parked cart: a work table (not the ledger), deleted when recalled or discarded.
  CREATE TABLE held_sales (
    id TEXT PRIMARY KEY, held_at TEXT NOT NULL, note TEXT NOT NULL,
    operator_id TEXT NOT NULL, operator_name TEXT NOT NULL,
    currency TEXT NOT NULL, total INTEGER NOT NULL, item_count INTEGER NOT NULL,
    cart TEXT NOT NULL,
    -- Overrides the cart used (a manager-approved discount): they go back with it.
    overrides TEXT NOT NULL
  );
  CREATE TABLE customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL UNIQUE,
    card_barcode TEXT UNIQUE, created_at TEXT NOT NULL
  );
  -- Points earned and redeemed, one row per ledger entry that moved them (sale, refund):
  -- written in the entry's transaction, so a balance is a sum of ledger facts.
  CREATE TABLE points_movements (
    seq INTEGER NOT NULL REFERENCES entries (seq), customer_id TEXT NOT NULL,
    delta INTEGER NOT NULL, PRIMARY KEY (seq, customer_id)
  ) WITHOUT ROWID;
  CREATE INDEX points_movements_customer ON points_movements (customer_id);
  ${appendOnly('points_movements')}
  -- Stock: sales (seq set) and counts (seq NULL, who and why); on hand = Σ delta.
  CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY, product_id TEXT NOT NULL, delta INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'count')), seq INTEGER,
    at TEXT NOT NULL, operator_id TEXT, operator_name TEXT, reason TEXT, counted INTEGER
  );
  CREATE INDEX stock_movements_product ON stock_movements (product_id);
  -- The Stock screen lists tracked products only, by SKU, even in a million-product catalog.
  CREATE INDEX products_tracked ON products (sku) WHERE track_stock = 1;
  ${appendOnly('stock_movements')}
  `;
