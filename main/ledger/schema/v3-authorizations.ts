import { appendOnly } from './append-only';

// v3: card and QR authorizations at the payment host. A row is written before its request
// is sent, so an authorization whose answer never came is reversed even after a crash.
// Track 2 is never stored: only the host's answer (masked card, codes).
export const v3Authorizations = `
  CREATE TABLE authorizations (
    auth_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    entry_mode TEXT NOT NULL CHECK (entry_mode IN ('swipe', 'qr')),
    batch_no TEXT NOT NULL,
    trace_no TEXT NOT NULL,
    ref_auth_id TEXT,
    -- The card's keyed hash (card-keyer.ts), for velocity rules; never the number.
    card_key TEXT,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
      ('sent', 'approved', 'declined', 'reversing', 'reversed', 'not_reversed', 'voided')),
    answer TEXT,
    answered_at TEXT,
    reversal_attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX authorizations_status ON authorizations (status);
  CREATE INDEX authorizations_card ON authorizations (card_key, created_at);

  -- Every request a risk rule refused, for the owner (append-only).
  CREATE TABLE risk_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    rule TEXT NOT NULL,
    kind TEXT NOT NULL,
    tender TEXT NOT NULL,
    amount INTEGER NOT NULL,
    card_masked TEXT,
    detail TEXT NOT NULL
  );
  ${appendOnly('risk_events')}
  `;
