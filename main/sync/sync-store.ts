import type Database from 'better-sqlite3';

export interface Binding {
  hostUrl: string;
  merchantId: string;
  terminalId: string;
  merchantName: string;
  settlementAccount: string;
  boundAt: string;
}

/** A stop that needs a person: uploading waits until someone clears it. */
export interface SyncAlarm {
  code:
    | 'chain_broken'
    | 'sensitive_data'
    | 'cursor_ahead'
    | 'cursor_mismatch'
    | 'idempotency_conflict'
    | 'totals_mismatch'
    | 'too_large'
    | 'batch_changed';
  atSeq?: number;
  path?: string;
  raisedAt: string;
}

export interface SyncProblem {
  code: string;
  detail: string;
  at: string;
}

export interface SyncState {
  ackedSeq: number;
  syncedAt: string | null;
  alarm: SyncAlarm | null;
  lastError: SyncProblem | null;
  unreachableSince: string | null;
}

export interface FrozenBatch {
  batchId: string;
  terminalId: string;
  fromSeq: number;
  toSeq: number;
  amountTotal: number;
  bodySha256: string;
  createdAt: string;
  attempts: number;
}

export interface PendingSettlement {
  batchNo: string;
  zSeq: number;
  settlementId: string;
  body: string;
  createdAt: string;
  attempts: number;
}

export interface SettlementRecord {
  batchNo: string;
  zSeq: number;
  createdAt: string;
  status: 'pending' | 'balanced' | 'unbalanced';
  answer: string | null;
  answeredAt: string | null;
  body: string;
}

interface StateRow {
  acked_seq: number;
  synced_at: string | null;
  alarm: string | null;
  last_error: string | null;
  unreachable_since: string | null;
}

/** The sync tables of migration v2; every write is one statement or the caller's transaction. */
export class SyncStore {
  constructor(private readonly db: Database.Database) {}

  binding(): Binding | null {
    const row = this.db
      .prepare<[], Binding>(
        `SELECT host_url AS hostUrl, merchant_id AS merchantId, terminal_id AS terminalId,
           merchant_name AS merchantName, settlement_account AS settlementAccount,
           bound_at AS boundAt
         FROM sync_binding WHERE id = 1`,
      )
      .get();
    return row ?? null;
  }

  saveBinding(binding: Binding): void {
    this.db
      .prepare(
        `INSERT INTO sync_binding
           (id, host_url, merchant_id, terminal_id, merchant_name, settlement_account, bound_at)
         VALUES (1, @hostUrl, @merchantId, @terminalId, @merchantName, @settlementAccount, @boundAt)
         ON CONFLICT (id) DO UPDATE SET host_url = excluded.host_url,
           merchant_id = excluded.merchant_id, terminal_id = excluded.terminal_id,
           merchant_name = excluded.merchant_name,
           settlement_account = excluded.settlement_account, bound_at = excluded.bound_at`,
      )
      .run(binding);
  }

  removeBinding(): void {
    this.db.prepare('DELETE FROM sync_binding WHERE id = 1').run();
  }

  state(): SyncState {
    const row = this.db
      .prepare<[], StateRow>(
        'SELECT acked_seq, synced_at, alarm, last_error, unreachable_since FROM sync_state WHERE id = 1',
      )
      .get();
    if (!row) throw new Error('sync_state row missing');
    return {
      ackedSeq: row.acked_seq,
      syncedAt: row.synced_at,
      alarm: row.alarm === null ? null : (JSON.parse(row.alarm) as SyncAlarm),
      lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as SyncProblem),
      unreachableSince: row.unreachable_since,
    };
  }

  setAcked(seq: number, at: string): void {
    this.db.prepare('UPDATE sync_state SET acked_seq = ?, synced_at = ? WHERE id = 1').run(seq, at);
  }

  setAlarm(alarm: SyncAlarm | null): void {
    this.db
      .prepare('UPDATE sync_state SET alarm = ? WHERE id = 1')
      .run(alarm === null ? null : JSON.stringify(alarm));
  }

  /** The last failure, and since when the host has not answered (kept across failures). */
  setProblem(problem: SyncProblem | null, unreachable: boolean): void {
    this.db
      .prepare(
        `UPDATE sync_state SET last_error = ?,
           unreachable_since = CASE WHEN ? THEN coalesce(unreachable_since, ?) ELSE NULL END
         WHERE id = 1`,
      )
      .run(
        problem === null ? null : JSON.stringify(problem),
        unreachable ? 1 : 0,
        problem?.at ?? null,
      );
  }

  openBatch(): FrozenBatch | null {
    const row = this.db
      .prepare<[], FrozenBatch>(
        `SELECT batch_id AS batchId, terminal_id AS terminalId, from_seq AS fromSeq,
           to_seq AS toSeq, amount_total AS amountTotal, body_sha256 AS bodySha256,
           created_at AS createdAt, attempts
         FROM sync_batches WHERE status = 'open'`,
      )
      .get();
    return row ?? null;
  }

  freezeBatch(batch: FrozenBatch): void {
    this.db
      .prepare(
        `INSERT INTO sync_batches (batch_id, terminal_id, from_seq, to_seq, amount_total,
           body_sha256, created_at, attempts, status)
         VALUES (@batchId, @terminalId, @fromSeq, @toSeq, @amountTotal, @bodySha256,
           @createdAt, @attempts, 'open')`,
      )
      .run(batch);
  }

  noteAttempt(batchId: string): void {
    this.db
      .prepare('UPDATE sync_batches SET attempts = attempts + 1 WHERE batch_id = ?')
      .run(batchId);
  }

  closeBatch(
    batchId: string,
    outcome: 'accepted' | 'abandoned',
    acceptedThroughSeq: number | null,
    at: string,
  ): void {
    this.db
      .prepare(
        `UPDATE sync_batches SET status = ?, accepted_through_seq = ?, closed_at = ?
         WHERE batch_id = ? AND status = 'open'`,
      )
      .run(outcome, acceptedThroughSeq, at, batchId);
  }

  /** The terminal ID the host accepted entries under, if any: the ledger now belongs to it. */
  acceptedTerminalId(): string | null {
    const row = this.db
      .prepare<[], { terminal_id: string }>(
        "SELECT terminal_id FROM sync_batches WHERE status = 'accepted' ORDER BY to_seq DESC LIMIT 1",
      )
      .get();
    return row?.terminal_id ?? null;
  }

  addSettlement(settlement: PendingSettlement): void {
    this.db
      .prepare(
        `INSERT INTO settlements (batch_no, z_seq, settlement_id, body, created_at, status, attempts)
         VALUES (@batchNo, @zSeq, @settlementId, @body, @createdAt, 'pending', @attempts)`,
      )
      .run(settlement);
  }

  /** The oldest settlement not yet answered: they are sent in batch order. */
  nextPendingSettlement(): PendingSettlement | null {
    const row = this.db
      .prepare<[], PendingSettlement>(
        `SELECT batch_no AS batchNo, z_seq AS zSeq, settlement_id AS settlementId, body,
           created_at AS createdAt, attempts
         FROM settlements WHERE status = 'pending' ORDER BY z_seq LIMIT 1`,
      )
      .get();
    return row ?? null;
  }

  pendingSettlementCount(): number {
    const row = this.db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM settlements WHERE status = 'pending'")
      .get();
    return row?.n ?? 0;
  }

  noteSettlementAttempt(batchNo: string): void {
    this.db
      .prepare('UPDATE settlements SET attempts = attempts + 1 WHERE batch_no = ?')
      .run(batchNo);
  }

  answerSettlement(
    batchNo: string,
    status: 'balanced' | 'unbalanced',
    answer: string,
    at: string,
  ): void {
    this.db
      .prepare(
        `UPDATE settlements SET status = ?, answer = ?, answered_at = ?
         WHERE batch_no = ? AND status = 'pending'`,
      )
      .run(status, answer, at, batchNo);
  }

  settlements(limit: number): SettlementRecord[] {
    return this.db
      .prepare<[number], SettlementRecord>(
        `SELECT batch_no AS batchNo, z_seq AS zSeq, created_at AS createdAt, status, answer,
           answered_at AS answeredAt, body
         FROM settlements ORDER BY z_seq DESC LIMIT ?`,
      )
      .all(limit);
  }
}
