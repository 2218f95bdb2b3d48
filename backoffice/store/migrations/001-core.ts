import type { Migration } from '../sql';

/**
 * The back office's core tables: merchants, their shops and terminals, every till's ledger
 * entries with their day rollups, and what upstream-sync-v1 keeps per terminal (binding,
 * idempotent answers, settlements, card authorizations). Times are unix ms; money is
 * integer minor units. `{BIGINT}` is BIGINT on PostgreSQL and INTEGER on SQLite (both are
 * 64-bit); the rest is the same text for both.
 */
const CORE = `
CREATE TABLE merchants (
  merchant_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settlement_account TEXT NOT NULL
);

-- time_zone: IANA (Asia/Shanghai); a shop's business day is a date in it.
CREATE TABLE shops (
  shop_id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants (merchant_id),
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL
);
CREATE INDEX shops_merchant ON shops (merchant_id);

-- The back office holds each terminal's secret to check its signatures.
-- last_contact_at: the last request whose signature checked out.
CREATE TABLE terminals (
  terminal_id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants (merchant_id),
  shop_id TEXT NOT NULL REFERENCES shops (shop_id),
  secret TEXT NOT NULL,
  device_name TEXT NOT NULL,
  bound_at {BIGINT} NOT NULL,
  last_contact_at {BIGINT}
);
CREATE INDEX terminals_shop ON terminals (shop_id);

-- A code binds a terminal to this merchant's shop.
CREATE TABLE binding_codes (
  merchant_id TEXT NOT NULL REFERENCES merchants (merchant_id),
  code TEXT NOT NULL,
  shop_id TEXT NOT NULL REFERENCES shops (shop_id),
  expires_at {BIGINT} NOT NULL,
  used_at {BIGINT},
  PRIMARY KEY (merchant_id, code)
);

CREATE TABLE binding_failures (
  terminal_id TEXT PRIMARY KEY,
  failures {BIGINT} NOT NULL,
  locked_until {BIGINT}
);

-- One row per ledger entry: (terminal_id, seq) is unique, so a batch stored twice (two
-- processes, a retried answer) cannot store an entry twice. body is the entry's canonical
-- JSON with its hash, exactly as verified; at is its RFC 3339 time as sent.
CREATE TABLE entries (
  terminal_id TEXT NOT NULL,
  seq {BIGINT} NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  batch_no TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount {BIGINT} NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL,
  upload_id TEXT NOT NULL,
  received_at {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, seq)
);
CREATE INDEX entries_batch_no ON entries (terminal_id, batch_no);

-- Rollups written in the transaction that stores the entries, so they always agree with
-- them: count and amount per business day (the shop's time zone), settlement batch and
-- entry type; and per tender method (count of tenders, their amount).
CREATE TABLE day_type_totals (
  terminal_id TEXT NOT NULL,
  day TEXT NOT NULL,
  batch_no TEXT NOT NULL,
  type TEXT NOT NULL,
  count {BIGINT} NOT NULL,
  amount {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, day, batch_no, type)
);
CREATE INDEX day_type_totals_batch_no ON day_type_totals (terminal_id, batch_no);
CREATE INDEX day_type_totals_day ON day_type_totals (day);

CREATE TABLE day_tender_totals (
  terminal_id TEXT NOT NULL,
  day TEXT NOT NULL,
  batch_no TEXT NOT NULL,
  method TEXT NOT NULL,
  count {BIGINT} NOT NULL,
  amount {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, day, batch_no, method)
);
CREATE INDEX day_tender_totals_batch_no ON day_tender_totals (terminal_id, batch_no);
CREATE INDEX day_tender_totals_day ON day_tender_totals (day);

-- First answers to idempotent requests, by endpoint and Idempotency-Key.
CREATE TABLE idempotency (
  terminal_id TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  key TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  status {BIGINT} NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY (terminal_id, endpoint, key)
);

CREATE TABLE settlements (
  terminal_id TEXT NOT NULL,
  settlement_id TEXT NOT NULL,
  batch_no TEXT NOT NULL,
  through_seq {BIGINT} NOT NULL,
  status TEXT NOT NULL,
  settled_at {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, settlement_id)
);
CREATE INDEX settlements_batch_no ON settlements (terminal_id, batch_no);

-- Never track 2: card_masked holds at most the first 6 and last 4 digits.
-- ref_auth_id: for a refund, the sale it pays back.
CREATE TABLE authorizations (
  terminal_id TEXT NOT NULL,
  auth_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  kind TEXT NOT NULL,
  amount {BIGINT} NOT NULL,
  currency TEXT NOT NULL,
  entry_mode TEXT NOT NULL,
  card_masked TEXT,
  batch_no TEXT NOT NULL,
  trace_no TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'declined', 'no_answer')),
  response TEXT,
  created_at {BIGINT} NOT NULL,
  ref_auth_id TEXT,
  PRIMARY KEY (terminal_id, auth_id)
);

CREATE TABLE reversals (
  terminal_id TEXT NOT NULL,
  auth_id TEXT NOT NULL,
  reversed {BIGINT} NOT NULL,
  at {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, auth_id)
);

CREATE TABLE voids (
  terminal_id TEXT NOT NULL,
  auth_id TEXT NOT NULL,
  at {BIGINT} NOT NULL,
  PRIMARY KEY (terminal_id, auth_id)
);
`;

export const coreMigration: Migration = {
  id: '001-core',
  sqlite: CORE.replaceAll('{BIGINT}', 'INTEGER'),
  postgres: CORE.replaceAll('{BIGINT}', 'BIGINT'),
};
