// v2: upstream sync. The binding, the upload position, every batch ever frozen (sent
// again byte-identical until answered) and the settlement of every closed batch.
export const v2Sync = `
  CREATE TABLE sync_binding (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    host_url TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    merchant_name TEXT NOT NULL,
    settlement_account TEXT NOT NULL,
    bound_at TEXT NOT NULL
  );

  -- acked_seq: the host holds every entry through it. alarm: JSON of the stop that needs a
  -- person (chain broken, cursor disagrees, sensitive data); uploading waits until cleared.
  CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL,
    synced_at TEXT,
    alarm TEXT,
    last_error TEXT,
    unreachable_since TEXT
  );
  INSERT INTO sync_state (id, acked_seq) VALUES (1, 0);

  -- A batch's bytes are rebuilt from its immutable entries; body_sha256 proves a resend is
  -- byte-identical. status: open (sent or about to be, outcome unknown), accepted, abandoned
  -- (the cursor showed the host needs another range: a new batch with a new id follows).
  CREATE TABLE sync_batches (
    batch_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    amount_total INTEGER NOT NULL,
    body_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'abandoned')),
    accepted_through_seq INTEGER,
    closed_at TEXT
  );
  CREATE UNIQUE INDEX sync_batches_one_open ON sync_batches (status) WHERE status = 'open';

  -- The settlement request is frozen when the batch closes (its idempotency key and body).
  CREATE TABLE settlements (
    batch_no TEXT PRIMARY KEY,
    z_seq INTEGER NOT NULL,
    settlement_id TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'balanced', 'unbalanced')),
    answer TEXT,
    answered_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
  );
  `;
