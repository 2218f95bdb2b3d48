import type { Migration } from '../store/sql';
import { bothDialects } from '../catalog/dialect-migration';

/**
 * Members and their points across every till of a merchant (downsync-v1 "Members and
 * points"). `points_movements` has one row per till ledger entry that moved points
 * (derived from the uploaded entries, unique by terminal and seq); `member_balances` is
 * kept in the same transaction, minus open holds, and only ever changed by a conditional
 * UPDATE when points are taken. `derive_progress` is how far each till's entries were read.
 */
export const memberMigration: Migration = bothDialects(
  '011-members',
  `
CREATE TABLE members (
  merchant_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  phone_masked TEXT NOT NULL,
  card_barcode TEXT,
  created_at {BIGINT} NOT NULL,
  PRIMARY KEY (merchant_id, member_id)
);
CREATE INDEX members_phone ON members (merchant_id, phone);
CREATE INDEX members_card ON members (merchant_id, card_barcode);

CREATE TABLE member_balances (
  merchant_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  balance {BIGINT} NOT NULL,
  PRIMARY KEY (merchant_id, member_id)
);

CREATE TABLE points_movements (
  terminal_id TEXT NOT NULL,
  seq {BIGINT} NOT NULL,
  merchant_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  delta {BIGINT} NOT NULL,
  hold_id TEXT,
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX points_movements_member ON points_movements (merchant_id, member_id);

-- state: open (points taken from the balance, sale not yet uploaded), consumed (the sale
-- that spent them arrived), released (never spent; the points went back).
CREATE TABLE points_holds (
  hold_id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  points {BIGINT} NOT NULL,
  state TEXT NOT NULL,
  created_at {BIGINT} NOT NULL,
  -- The balance the hold left, as first answered: a replay answers the same.
  balance_after {BIGINT} NOT NULL,
  consumed_seq {BIGINT}
);
CREATE INDEX points_holds_open ON points_holds (terminal_id, member_id, state, created_at);

CREATE TABLE offline_allowances (
  terminal_id TEXT PRIMARY KEY,
  points {BIGINT} NOT NULL
);

CREATE TABLE derive_progress (
  terminal_id TEXT NOT NULL,
  feature TEXT NOT NULL,
  through_seq {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, feature)
);
`,
);
