import { appendOnly } from './append-only';

// v4: staff, the audit log and shifts (issue #5). Users change (PIN reset, lockout,
// deactivation); the audit log, like the ledger, is only ever appended to.
export const v4Staff = `
  CREATE TABLE staff_users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner', 'technician')),
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_pins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
  );

  -- PCI DSS v4 10.2.2: user, event type, time, success or failure, origin, affected object.
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT,
    user_role TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    object TEXT,
    origin TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  ${appendOnly('audit_log')}

  -- The till's shifts: one open at a time (one drawer). The ledger's shift_open and
  -- shift_close entries are the record; this table finds the open one without a scan.
  CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    operator_id TEXT NOT NULL,
    operator_name TEXT NOT NULL,
    operator_role TEXT NOT NULL,
    float_minor INTEGER NOT NULL,
    open_seq INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    close_seq INTEGER,
    closed_at TEXT
  );
  CREATE UNIQUE INDEX shifts_one_open ON shifts (status) WHERE status = 'open';
  `;
