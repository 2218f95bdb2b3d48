import type Database from 'better-sqlite3';
import type { CurrencyCode } from '@app/money/currency';
import type { OfflinePending } from '@app/payments/offline-rules';
import type { AuthorizationResponse } from '@app/sync/protocol';
import type { offlineStatuses } from '@app/api/offline-schemas';
import { takeTraceNo } from './trace-number';
import { entryReader } from '../ledger/entry-reader';

export type OfflineStatus = (typeof offlineStatuses)[number];

export interface OfflineRecord {
  authId: string;
  amount: number;
  currency: CurrencyCode;
  batchNo: string;
  traceNo: string;
  cardMasked: string;
  cardBrand: string;
  cardKey: string | null;
  acceptedAt: string;
  status: OfflineStatus;
  attempts: number;
  lastError: string | null;
  /** A forward went out and no answer came: the host may hold it (reversed if it expires). */
  unanswered: boolean;
  answer: AuthorizationResponse | null;
  answeredAt: string | null;
  saleSeq: number | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export type NewOfflineRecord = Pick<
  OfflineRecord,
  | 'authId'
  | 'amount'
  | 'currency'
  | 'batchNo'
  | 'cardMasked'
  | 'cardBrand'
  | 'cardKey'
  | 'acceptedAt'
>;

interface Row {
  auth_id: string;
  amount: number;
  currency: CurrencyCode;
  batch_no: string;
  trace_no: string;
  card_masked: string;
  card_brand: string;
  card_key: string | null;
  accepted_at: string;
  seq_at_acceptance: number;
  status: OfflineStatus;
  attempts: number;
  last_error: string | null;
  unanswered: number;
  answer: string | null;
  answered_at: string | null;
  sale_seq: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

const toRecord = (row: Row): OfflineRecord => ({
  authId: row.auth_id,
  amount: row.amount,
  currency: row.currency,
  batchNo: row.batch_no,
  traceNo: row.trace_no,
  cardMasked: row.card_masked,
  cardBrand: row.card_brand,
  cardKey: row.card_key,
  acceptedAt: row.accepted_at,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  unanswered: row.unanswered === 1,
  answer: row.answer === null ? null : (JSON.parse(row.answer) as AuthorizationResponse),
  answeredAt: row.answered_at,
  saleSeq: row.sale_seq,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
  resolution: row.resolution,
});

/**
 * The offline approvals (schema v8) and their sealed requests. A sealed request lives exactly
 * as long as it can still be forwarded: every status change away from `pending` deletes it
 * in the same transaction.
 */
export class OfflineStore {
  constructor(private readonly db: Database.Database) {
    // Deleted rows are zeroed in their page rather than left in free space (the issue: the
    // sealed request is deleted, not just marked). FAST costs no extra I/O.
    db.pragma('secure_delete = FAST');
  }

  /**
   * Records an offline approval and its sealed request in one transaction, with the next
   * trace number (shared with online requests); `seal` gets the trace number to seal.
   */
  accept(record: NewOfflineRecord, seal: (traceNo: string) => Buffer): OfflineRecord {
    return this.db
      .transaction((): OfflineRecord => {
        const traceNo = takeTraceNo(this.db);
        const head = { seq: entryReader(this.db).headSeq() };
        this.db
          .prepare(
            `INSERT INTO offline_authorizations (auth_id, amount, currency, batch_no, trace_no,
               card_masked, card_brand, card_key, accepted_at, seq_at_acceptance, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
          )
          .run(
            record.authId,
            record.amount,
            record.currency,
            record.batchNo,
            traceNo,
            record.cardMasked,
            record.cardBrand,
            record.cardKey,
            record.acceptedAt,
            head.seq,
          );
        this.db
          .prepare('INSERT INTO offline_requests (auth_id, sealed) VALUES (?, ?)')
          .run(record.authId, seal(traceNo));
        return this.require(record.authId);
      })
      .immediate();
  }

  get(authId: string): OfflineRecord | null {
    const row = this.db
      .prepare('SELECT * FROM offline_authorizations WHERE auth_id = ?')
      .get(authId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** What waits for the host: the caps count these. */
  pending(): OfflinePending {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total, MIN(accepted_at) AS oldest
         FROM offline_authorizations WHERE status = 'pending'`,
      )
      .get() as { count: number; total: number; oldest: string | null };
    return {
      count: row.count,
      totalMinor: row.total,
      oldestAt: row.oldest === null ? null : new Date(row.oldest),
    };
  }

  /** Waiting to be forwarded, oldest first. */
  due(): OfflineRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM offline_authorizations WHERE status = 'pending' ORDER BY accepted_at, rowid`,
      )
      .all() as Row[];
    return rows.map(toRecord);
  }

  /** Expired after a forward that got no answer: the host may hold it, so it is reversed. */
  toReverse(): OfflineRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM offline_authorizations WHERE status = 'expired' AND unanswered = 1
         ORDER BY accepted_at`,
      )
      .all() as Row[];
    return rows.map(toRecord);
  }

  sealedRequest(authId: string): Buffer | null {
    const row = this.db
      .prepare('SELECT sealed FROM offline_requests WHERE auth_id = ?')
      .get(authId) as { sealed: Buffer } | undefined;
    return row?.sealed ?? null;
  }

  /**
   * The host answered the forward: the request is deleted, and the answer is kept here and
   * as an ordinary authorization (so a void, a refund and the risk limits see it).
   */
  answered(authId: string, answer: AuthorizationResponse, at: string): OfflineRecord {
    return this.db
      .transaction((): OfflineRecord => {
        const record = this.require(authId);
        const status = answer.approved ? 'approved' : 'declined';
        this.db
          .prepare(
            `UPDATE offline_authorizations SET status = ?, answer = ?, answered_at = ?,
               unanswered = 0, last_error = NULL WHERE auth_id = ? AND status = 'pending'`,
          )
          .run(status, JSON.stringify(answer), at, authId);
        this.deleteRequest(authId);
        this.db
          .prepare(
            `INSERT OR IGNORE INTO authorizations (auth_id, kind, amount, currency, entry_mode,
               batch_no, trace_no, card_key, created_at, status, answer, answered_at)
             VALUES (?, 'sale', ?, ?, 'swipe', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            authId,
            record.amount,
            record.currency,
            record.batchNo,
            record.traceNo,
            record.cardKey,
            record.acceptedAt,
            status,
            JSON.stringify(answer),
            at,
          );
        return this.require(authId);
      })
      .immediate();
  }

  forwardFailed(authId: string, error: string, unanswered: boolean): OfflineRecord {
    this.db
      .prepare(
        `UPDATE offline_authorizations SET attempts = attempts + 1, last_error = ?,
           unanswered = MAX(unanswered, ?) WHERE auth_id = ?`,
      )
      .run(error, unanswered ? 1 : 0, authId);
    return this.require(authId);
  }

  /** Not forwarded within 24 h: the request is deleted; the item goes on the worklist. */
  expire(authId: string): OfflineRecord {
    return this.leavePending(authId, 'expired');
  }

  /** Its sale was cancelled before the host saw it: deleted, never forwarded. */
  cancel(authId: string): OfflineRecord {
    return this.leavePending(authId, 'cancelled');
  }

  /** A pending, declined or expired item whose sale was cancelled leaves the worklist. */
  cancelSettled(authId: string): OfflineRecord {
    this.db
      .prepare(
        `UPDATE offline_authorizations SET status = 'cancelled'
         WHERE auth_id = ? AND status IN ('declined', 'expired')`,
      )
      .run(authId);
    return this.require(authId);
  }

  /** The reversal of an expired, unanswered forward was answered. */
  reversed(authId: string, reversed: boolean, at: string): OfflineRecord {
    this.db
      .prepare(
        `UPDATE offline_authorizations SET unanswered = 0, answered_at = ?, last_error = ?
         WHERE auth_id = ?`,
      )
      .run(at, reversed ? 'reversed at the host' : 'never approved by the host', authId);
    return this.require(authId);
  }

  /** Declined and expired items, open ones first (oldest first), then resolved ones. */
  worklist(limit = 100): OfflineRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM offline_authorizations WHERE status IN ('declined', 'expired')
         ORDER BY resolved_at IS NOT NULL, CASE WHEN resolved_at IS NULL THEN accepted_at END,
           resolved_at DESC
         LIMIT ?`,
      )
      .all(limit) as Row[];
    return rows.map((row) => toRecord(this.withSaleSeq(row)));
  }

  resolve(authId: string, by: string, note: string, at: string): OfflineRecord {
    this.db
      .prepare(
        `UPDATE offline_authorizations SET resolved_at = ?, resolved_by = ?, resolution = ?
         WHERE auth_id = ? AND status IN ('declined', 'expired') AND resolved_at IS NULL`,
      )
      .run(at, by, note, authId);
    return this.require(authId);
  }

  private leavePending(authId: string, status: 'expired' | 'cancelled'): OfflineRecord {
    return this.db
      .transaction((): OfflineRecord => {
        this.db
          .prepare(
            `UPDATE offline_authorizations SET status = ? WHERE auth_id = ? AND status = 'pending'`,
          )
          .run(status, authId);
        this.deleteRequest(authId);
        return this.require(authId);
      })
      .immediate();
  }

  private deleteRequest(authId: string): void {
    this.db.prepare('DELETE FROM offline_requests WHERE auth_id = ?').run(authId);
  }

  /** The sale that carries this tender: found once among the entries after its acceptance. */
  private withSaleSeq(row: Row): Row {
    if (row.sale_seq !== null) return row;
    const saleSeq = entryReader(this.db).firstSaleMentioning(
      row.seq_at_acceptance,
      `"authId":"${row.auth_id}"`,
    );
    if (saleSeq === null) return row;
    this.db
      .prepare('UPDATE offline_authorizations SET sale_seq = ? WHERE auth_id = ?')
      .run(saleSeq, row.auth_id);
    return { ...row, sale_seq: saleSeq };
  }

  private require(authId: string): OfflineRecord {
    const record = this.get(authId);
    if (!record) throw new Error(`offline authorization ${authId} missing`);
    return record;
  }
}
