// v9: bounded offline card acceptance (issue #6 "Offline"). A swipe the till approved while
// the host was unreachable waits here until it is forwarded. Its request (track 2 included)
// is the one piece of card data the issue allows on disk: sealed with AES-256-GCM under a key
// in the OS store, in a table of its own whose row is DELETEd (with secure_delete, so the
// page is zeroed) once the host has answered or the 24 h are over. The rest is masked.
export const v9OfflineAcceptance = `
  CREATE TABLE offline_authorizations (
    auth_id TEXT PRIMARY KEY,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    batch_no TEXT NOT NULL,
    trace_no TEXT NOT NULL,
    card_masked TEXT NOT NULL,
    card_brand TEXT NOT NULL,
    card_key TEXT,
    accepted_at TEXT NOT NULL,
    -- The ledger head when it was accepted: its sale comes after (the worklist's sale no.).
    seq_at_acceptance INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN
      ('pending', 'approved', 'declined', 'expired', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    -- A forward that got no answer: if it expires so, it is reversed at the host first.
    unanswered INTEGER NOT NULL DEFAULT 0,
    answer TEXT,
    answered_at TEXT,
    sale_seq INTEGER,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
  );
  CREATE INDEX offline_authorizations_status ON offline_authorizations (status, accepted_at);

  CREATE TABLE offline_requests (
    auth_id TEXT PRIMARY KEY REFERENCES offline_authorizations (auth_id),
    sealed BLOB NOT NULL
  );
  `;
