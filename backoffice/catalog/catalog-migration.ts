import type { Migration } from '../store/sql';
import { bothDialects } from './dialect-migration';

/**
 * The merchant's catalog as the back office owns it (downsync-v1 "Catalog and prices").
 * One row per product, holding its current state as the till receives it (`body`, JSON) and
 * the catalog version that last changed it; a deleted product stays as a tombstone
 * (`deleted` = 1, empty body) until purged. `catalog_versions` is the row every change
 * locks and bumps, so one merchant's changes commit in version order.
 */
export const catalogMigration: Migration = bothDialects(
  '010-catalog',
  `
CREATE TABLE catalog_versions (
  merchant_id TEXT PRIMARY KEY,
  version {BIGINT} NOT NULL,
  purged_through {BIGINT} NOT NULL DEFAULT 0
);

CREATE TABLE catalog_products (
  merchant_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  version {BIGINT} NOT NULL,
  deleted INTEGER NOT NULL,
  sku TEXT,
  plu TEXT,
  body TEXT NOT NULL,
  changed_at {BIGINT} NOT NULL,
  PRIMARY KEY (merchant_id, product_id)
);
CREATE INDEX catalog_products_changes ON catalog_products (merchant_id, version, product_id);
CREATE UNIQUE INDEX catalog_products_sku ON catalog_products (merchant_id, sku) WHERE deleted = 0;
CREATE UNIQUE INDEX catalog_products_plu ON catalog_products (merchant_id, plu) WHERE deleted = 0;

-- Every barcode a live product scans under; unique per merchant.
CREATE TABLE catalog_barcodes (
  merchant_id TEXT NOT NULL,
  barcode TEXT NOT NULL,
  product_id TEXT NOT NULL,
  PRIMARY KEY (merchant_id, barcode)
);
CREATE INDEX catalog_barcodes_product ON catalog_barcodes (merchant_id, product_id);
`,
);
