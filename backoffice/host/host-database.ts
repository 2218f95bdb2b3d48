import Database from 'better-sqlite3';

/**
 * The test host's own store: what an upstream back office keeps per merchant and terminal.
 * Not the terminal's schema; it shares only the durability settings.
 */
const SCHEMA = `
  CREATE TABLE merchants (
    merchant_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    settlement_account TEXT NOT NULL
  );
  CREATE TABLE binding_codes (
    merchant_id TEXT NOT NULL REFERENCES merchants (merchant_id),
    code TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (merchant_id, code)
  );
  CREATE TABLE binding_failures (
    terminal_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER
  );
  -- The host must hold the secret to check signatures; a real host would keep it in an HSM.
  CREATE TABLE terminals (
    terminal_id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants (merchant_id),
    secret TEXT NOT NULL,
    device_name TEXT NOT NULL,
    bound_at INTEGER NOT NULL
  );
  -- body: the entry's canonical JSON including its hash, exactly as verified. A rowid
  -- table: its rows are kilobytes, which WITHOUT ROWID B-trees handle poorly.
  CREATE TABLE entries (
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    hash TEXT NOT NULL,
    body TEXT NOT NULL,
    upload_id TEXT NOT NULL,
    PRIMARY KEY (terminal_id, seq)
  );
  CREATE INDEX entries_batch_no ON entries (terminal_id, batch_no);
  -- First answers to idempotent requests, by endpoint and Idempotency-Key.
  CREATE TABLE idempotency (
    terminal_id TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    key TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    PRIMARY KEY (terminal_id, endpoint, key)
  ) WITHOUT ROWID;
  CREATE TABLE settlements (
    terminal_id TEXT NOT NULL,
    settlement_id TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    through_seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    settled_at INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, settlement_id)
  );
  CREATE INDEX settlements_batch_no ON settlements (terminal_id, batch_no);
  -- Never track 2: card_masked holds at most the first 6 and last 4 digits.
  CREATE TABLE authorizations (
    terminal_id TEXT NOT NULL,
    auth_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    entry_mode TEXT NOT NULL,
    card_masked TEXT,
    batch_no TEXT NOT NULL,
    trace_no TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'declined', 'no_answer')),
    response TEXT,
    created_at INTEGER NOT NULL,
    -- A refund: the sale it pays back.
    ref_auth_id TEXT,
    PRIMARY KEY (terminal_id, auth_id)
  );
  CREATE TABLE reversals (
    terminal_id TEXT NOT NULL,
    auth_id TEXT NOT NULL,
    reversed INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, auth_id)
  );
  CREATE TABLE voids (
    terminal_id TEXT NOT NULL,
    auth_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, auth_id)
  );
`;
const SCHEMA_VERSION = 3;

/** Opens (creating if new) the host's database: WAL, synchronous=FULL, its own schema. */
export function openHostDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Every stored batch is acknowledged to a till: the WAL must be fsynced on each commit.
    if (db.pragma('synchronous', { simple: true }) !== 2)
      throw new Error('host database is not synchronous=FULL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(
        `${file} was made by another version of the test host (schema ${version}, not ` +
          `${SCHEMA_VERSION}): delete it or pass --db with a new file`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
