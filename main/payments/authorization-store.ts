import type { CurrencyCode } from '@app/money/currency';
import type Database from 'better-sqlite3';
import type { AuthorizationResponse } from '@app/sync/protocol';
import { takeTraceNo } from './trace-number';

/**
 * Where an authorization stands. `sent`: asked, no answer yet (after a crash: unknown, so
 * reversed). `reversing`: the answer never came; the reversal is retried until answered.
 */
export type AuthorizationStatus =
  'sent' | 'approved' | 'declined' | 'reversing' | 'reversed' | 'not_reversed' | 'voided';

export interface AuthorizationRecord {
  authId: string;
  kind: 'sale' | 'refund';
  amount: number;
  currency: CurrencyCode;
  entryMode: 'swipe' | 'qr';
  batchNo: string;
  traceNo: string;
  refAuthId: string | null;
  cardKey: string | null;
  createdAt: string;
  status: AuthorizationStatus;
  answer: AuthorizationResponse | null;
  reversalAttempts: number;
  lastError: string | null;
}

interface Row {
  auth_id: string;
  kind: 'sale' | 'refund';
  amount: number;
  currency: CurrencyCode;
  entry_mode: 'swipe' | 'qr';
  batch_no: string;
  trace_no: string;
  ref_auth_id: string | null;
  card_key: string | null;
  created_at: string;
  status: AuthorizationStatus;
  answer: string | null;
  reversal_attempts: number;
  last_error: string | null;
}

const toRecord = (row: Row): AuthorizationRecord => ({
  authId: row.auth_id,
  kind: row.kind,
  amount: row.amount,
  currency: row.currency,
  entryMode: row.entry_mode,
  batchNo: row.batch_no,
  traceNo: row.trace_no,
  refAuthId: row.ref_auth_id,
  cardKey: row.card_key,
  createdAt: row.created_at,
  status: row.status,
  answer: row.answer === null ? null : (JSON.parse(row.answer) as AuthorizationResponse),
  reversalAttempts: row.reversal_attempts,
  lastError: row.last_error,
});

/** The authorizations table and the terminal's trace number. */
export class AuthorizationStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * Takes the next trace number (6 digits, +1 per request, 000001 after 999999) and records
   * the request as sent, in one transaction: durable before a byte leaves the terminal.
   */
  open(
    request: Omit<
      AuthorizationRecord,
      'traceNo' | 'status' | 'answer' | 'reversalAttempts' | 'lastError'
    >,
  ): AuthorizationRecord {
    return this.db
      .transaction((): AuthorizationRecord => {
        const traceNo = takeTraceNo(this.db);
        this.db
          .prepare(
            `INSERT INTO authorizations (auth_id, kind, amount, currency, entry_mode, batch_no,
               trace_no, ref_auth_id, card_key, created_at, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent')`,
          )
          .run(
            request.authId,
            request.kind,
            request.amount,
            request.currency,
            request.entryMode,
            request.batchNo,
            traceNo,
            request.refAuthId,
            request.cardKey,
            request.createdAt,
          );
        return this.require(request.authId);
      })
      .immediate();
  }

  get(authId: string): AuthorizationRecord | null {
    const row = this.db.prepare('SELECT * FROM authorizations WHERE auth_id = ?').get(authId) as
      Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Asked but never answered, or being reversed: the reversal queue, oldest first. */
  unresolved(): AuthorizationRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM authorizations WHERE status IN ('sent', 'reversing') ORDER BY created_at`,
      )
      .all() as Row[];
    return rows.map(toRecord);
  }

  answered(authId: string, answer: AuthorizationResponse, at: string): AuthorizationRecord {
    this.db
      .prepare(
        `UPDATE authorizations SET status = ?, answer = ?, answered_at = ?, last_error = NULL
         WHERE auth_id = ? AND status = 'sent'`,
      )
      .run(answer.approved ? 'approved' : 'declined', JSON.stringify(answer), at, authId);
    return this.require(authId);
  }

  setStatus(authId: string, status: AuthorizationStatus, at: string): AuthorizationRecord {
    this.db
      .prepare(
        'UPDATE authorizations SET status = ?, answered_at = ?, last_error = NULL WHERE auth_id = ?',
      )
      .run(status, at, authId);
    return this.require(authId);
  }

  reversalFailed(authId: string, error: string): AuthorizationRecord {
    this.db
      .prepare(
        `UPDATE authorizations SET status = 'reversing', reversal_attempts = reversal_attempts + 1,
           last_error = ? WHERE auth_id = ?`,
      )
      .run(error, authId);
    return this.require(authId);
  }

  /** Approved sales of one entry mode since a time: what a tender took toward its limits. */
  takenSince(entryMode: 'swipe' | 'qr', since: Date): number {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(amount), 0) AS total FROM authorizations
         WHERE entry_mode = ? AND kind = 'sale' AND status = 'approved' AND created_at >= ?`,
      )
      .get(entryMode, since.toISOString()) as { total: number };
    return row.total;
  }

  /** When this card was presented since a time (every request, declined ones too). */
  cardUsesSince(cardKey: string, since: Date): Date[] {
    const rows = this.db
      .prepare(
        'SELECT created_at FROM authorizations WHERE card_key = ? AND created_at > ? ORDER BY created_at',
      )
      .all(cardKey, since.toISOString()) as { created_at: string }[];
    return rows.map((row) => new Date(row.created_at));
  }

  private require(authId: string): AuthorizationRecord {
    const record = this.get(authId);
    if (!record) throw new Error(`authorization ${authId} missing`);
    return record;
  }
}
