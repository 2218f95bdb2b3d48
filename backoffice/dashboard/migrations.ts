import type { Migration } from '../store/sql';

/**
 * The dashboard's tables (ids 030–039). They sit beside the core schema (001): the owners
 * who may sign in, their sessions, and the dashboard's own sums of the uploaded entries.
 *
 * Why its own sums: the core rollups count tenders by method (card, QR), but a fee depends
 * on each payment's card type and is capped per payment (debit 0.50 % up to 25.00), so the
 * fee of a day can only be summed payment by payment, as the till's Z report does it.
 */
const owners = `
  CREATE TABLE owners (
    owner_id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  -- A session cookie is a random token; only its SHA-256 is stored.
  CREATE TABLE owner_sessions (
    token_sha256 TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES owners (owner_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  -- The one-time link printed at start-up while no owner exists.
  CREATE TABLE owner_setup_tokens (
    token_sha256 TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
  );
  CREATE TABLE owner_login_failures (
    login TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    locked_until BIGINT
  );
`;

const sums = `
  -- How far the sums below have taken each terminal's entries.
  CREATE TABLE dashboard_progress (
    terminal_id TEXT PRIMARY KEY,
    through_seq BIGINT NOT NULL,
    currency TEXT NOT NULL,
    last_at TEXT
  );
  -- day: the business day (YYYY-MM-DD) in the shop's time zone.
  CREATE TABLE dashboard_type_totals (
    terminal_id TEXT NOT NULL,
    day TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    type TEXT NOT NULL,
    count BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, day, batch_no, type)
  );
  CREATE INDEX dashboard_type_totals_day ON dashboard_type_totals (day);
  CREATE INDEX dashboard_type_totals_batch ON dashboard_type_totals (terminal_id, batch_no);
  -- kind: the fee kind (cash, credit, debit, wallet_qr, unionpay_qr, other).
  CREATE TABLE dashboard_tender_totals (
    terminal_id TEXT NOT NULL,
    day TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    count BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, day, batch_no, kind)
  );
  CREATE INDEX dashboard_tender_totals_day ON dashboard_tender_totals (day);
  CREATE INDEX dashboard_tender_totals_batch ON dashboard_tender_totals (terminal_id, batch_no);
  -- The same sums per calendar month of business days (YYYY-MM): a year's range reads twelve
  -- rows per till and kind, and days only at its ragged ends.
  CREATE TABLE dashboard_type_months (
    terminal_id TEXT NOT NULL,
    month TEXT NOT NULL,
    type TEXT NOT NULL,
    count BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, month, type)
  );
  CREATE INDEX dashboard_type_months_month ON dashboard_type_months (month);
  CREATE TABLE dashboard_tender_months (
    terminal_id TEXT NOT NULL,
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    count BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, month, kind)
  );
  CREATE INDEX dashboard_tender_months_month ON dashboard_tender_months (month);
  -- A void or refund without its own tender detail takes its sale's (found by id).
  CREATE INDEX dashboard_entries_id ON entries (terminal_id, id);
  -- The last refusal of each kind a terminal met (chain_broken, sensitive_data, …).
  CREATE TABLE terminal_alarms (
    terminal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, kind)
  );
`;

export const dashboardMigrations: readonly Migration[] = [
  { id: '030-dashboard-owners', sqlite: owners, postgres: owners },
  { id: '031-dashboard-sums', sqlite: sums, postgres: sums },
];
