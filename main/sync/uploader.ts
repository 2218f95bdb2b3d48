import type Database from 'better-sqlite3';
import { batchAcceptedSchema, cursorSchema, settlementResponseSchema } from '@app/sync/protocol';
import type { Cursor } from '@app/sync/protocol';
import type { LedgerReader } from '../kernel/ledger';
import type { Logger } from '../log/logger';
import { buildBatch, buildBatchGently } from './batch-builder';
import type { BuiltBatch } from './batch-builder';
import { hostError } from './host-client';
import type { HostAnswer, HostClient, TerminalCredentials } from './host-client';
import type { FrozenBatch, PendingSettlement, SyncAlarm, SyncStore } from './sync-store';
import { retryDelayMs } from './retry-delay';
import type { RetryLimits } from './retry-delay';

/** What the scheduler does after one step. */
export type StepResult =
  | { next: 'now' }
  | { next: 'later'; delayMs: number }
  | { next: 'idle' }
  | { next: 'stopped'; reason: 'not_bound' | 'alarm' | 'no_secret' | 'closed' };

export interface UploaderDeps {
  db: Database.Database;
  ledger: LedgerReader;
  store: SyncStore;
  /** The client for the bound host, or null when not bound. */
  client: () => HostClient | null;
  credentials: () => TerminalCredentials | null;
  log: Logger;
  now: () => Date;
  random: () => number;
  newId: () => string;
  /** Settles when the uploader is being shut down: nothing is written after that. */
  closed: () => boolean;
  /** A settlement was answered (balanced or unbalanced). */
  onSettled?: (batchNo: string) => void;
  retryLimits?: RetryLimits;
}

/**
 * The client side of upstream-sync-v1 "Uploading", "Cursor" and "Settlement", one network
 * exchange per step. Everything it must remember across a crash is in the database before
 * the request leaves: the frozen batch (id and range), the settlement body and key. What
 * it only keeps in memory (the back-off streak, whether the cursor must be read) is safe to
 * lose: a restart reads the cursor first.
 */
export class Uploader {
  private needCursor = true;
  private failures = 0;
  /** A 429 or 503 asked for no request before this time (ms since the epoch). */
  private busyUntil = 0;
  /** The body of the batch frozen last, so its first send does not build it twice. */
  private lastBuilt: BuiltBatch | null = null;

  constructor(private readonly deps: UploaderDeps) {}

  /** "Sync now": the next failure starts the back-off from 1 s again. */
  resetBackoff(): void {
    this.failures = 0;
  }

  /**
   * How long a host that answered 429 or 503 asked us to wait still runs: "Sync now" starts
   * a fresh back-off but never sends before the host's Retry-After (upstream-sync-v1).
   */
  busyWaitMs(): number {
    return Math.max(0, this.busyUntil - this.deps.now().getTime());
  }

  /** After binding or clearing an alarm the host's position is read first. */
  requestCursor(): void {
    this.needCursor = true;
  }

  async step(): Promise<StepResult> {
    const { store, ledger } = this.deps;
    const client = this.deps.client();
    if (client === null) return { next: 'stopped', reason: 'not_bound' };
    const state = store.state();
    if (state.alarm !== null) return { next: 'stopped', reason: 'alarm' };
    const credentials = this.deps.credentials();
    if (credentials === null) return { next: 'stopped', reason: 'no_secret' };

    if (this.needCursor) return this.readCursor(client, credentials);

    const settlement = store.nextPendingSettlement();
    if (settlement !== null && state.ackedSeq >= settlement.zSeq) {
      return this.settle(client, credentials, settlement);
    }
    let batch = store.openBatch();
    if (batch !== null && batch.terminalId !== credentials.terminalId) {
      // Frozen under a binding that was replaced before the host accepted anything.
      store.closeBatch(batch.batchId, 'abandoned', null, this.stamp());
      batch = null;
    }
    if (batch === null) {
      if (state.ackedSeq >= ledger.head().seq) return { next: 'idle' };
      batch = await this.freeze(credentials.terminalId, state.ackedSeq + 1);
      if (batch === null) return { next: 'stopped', reason: 'closed' };
      // The commit's fsync held the event loop: let a waiting sale in before sending.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.deps.closed()) return { next: 'stopped', reason: 'closed' };
    }
    return this.upload(client, credentials, batch);
  }

  /** Builds and commits the next batch; null when shut down meanwhile. */
  private async freeze(terminalId: string, fromSeq: number): Promise<FrozenBatch | null> {
    const built = await buildBatchGently(this.deps.ledger, {
      batchId: this.deps.newId(),
      terminalId,
      fromSeq,
    });
    if (this.deps.closed()) return null;
    if (built === null) throw new Error(`no entry ${fromSeq} to upload`);
    const frozen: FrozenBatch = {
      batchId: built.batchId,
      terminalId,
      fromSeq: built.fromSeq,
      toSeq: built.toSeq,
      amountTotal: built.amountTotal,
      bodySha256: built.bodySha256,
      createdAt: this.stamp(),
      attempts: 0,
    };
    // Committed before the first byte is sent: a crash after this resends the same batch.
    this.deps.store.freezeBatch(frozen);
    this.lastBuilt = built;
    return frozen;
  }

  private async upload(
    client: HostClient,
    credentials: TerminalCredentials,
    batch: FrozenBatch,
  ): Promise<StepResult> {
    const { store, ledger } = this.deps;
    // A resend (after a failure or a restart) rebuilds the bytes and proves them identical.
    const built =
      this.lastBuilt?.batchId === batch.batchId
        ? this.lastBuilt
        : buildBatch(ledger, { ...batch, toSeq: batch.toSeq });
    this.lastBuilt = null;
    if (built === null || built.bodySha256 !== batch.bodySha256) {
      return this.alarm({ code: 'batch_changed', atSeq: batch.fromSeq });
    }
    const answer = await client.sendSigned(
      { method: 'POST', path: '/v1/batches', body: built.body, idempotencyKey: batch.batchId },
      credentials,
    );
    if (this.deps.closed()) return { next: 'stopped', reason: 'closed' };

    if (answer.kind === 'answer' && (answer.status === 201 || answer.status === 200)) {
      const accepted = batchAcceptedSchema.safeParse(answer.json);
      const through = accepted.success ? accepted.data.acceptedThroughSeq : -1;
      // An answer for another batch, or a range it could not have accepted, is no answer.
      if (
        accepted.success &&
        accepted.data.batchId === batch.batchId &&
        through >= batch.fromSeq &&
        through <= batch.toSeq
      ) {
        this.deps.db.transaction(() => {
          store.closeBatch(batch.batchId, 'accepted', through, this.stamp());
          store.setAcked(Math.max(store.state().ackedSeq, through), this.stamp());
          store.setProblem(null, false);
        })();
        this.succeeded('batch accepted');
        return { next: 'now' };
      }
      return this.unknownOutcome(answer, () => store.noteAttempt(batch.batchId));
    }

    const error = hostError(answer);
    if (answer.kind === 'answer' && error !== null) {
      switch (error.error) {
        case 'seq_gap':
          // The host expects another seq: its cursor says what it holds.
          this.needCursor = true;
          this.recordProblem('seq_gap', `host expects seq ${error.expectedSeq}`, false);
          return { next: 'now' };
        case 'chain_broken':
          return this.alarm({ code: 'chain_broken', atSeq: error.atSeq });
        case 'sensitive_data':
          return this.alarm({ code: 'sensitive_data', path: error.path });
        case 'idempotency_conflict':
        case 'totals_mismatch':
        case 'too_large':
          return this.alarm({ code: error.error, atSeq: batch.fromSeq });
        default:
          break;
      }
    }
    return this.unknownOutcome(answer, () => store.noteAttempt(batch.batchId));
  }

  private async readCursor(
    client: HostClient,
    credentials: TerminalCredentials,
  ): Promise<StepResult> {
    const answer = await client.sendSigned({ method: 'GET', path: '/v1/cursor' }, credentials);
    if (this.deps.closed()) return { next: 'stopped', reason: 'closed' };
    const cursor = answer.kind === 'answer' && answer.status === 200 ? answer.json : undefined;
    const parsed = cursorSchema.safeParse(cursor);
    if (!parsed.success) return this.unknownOutcome(answer, () => undefined);
    return this.reconcile(parsed.data);
  }

  /**
   * upstream-sync-v1 "Cursor": the host holds entries 1..lastSeq, the last with headHash.
   * A host ahead of the terminal, or a different hash at that seq, means the ledgers
   * disagree: stop, never overwrite either side.
   */
  private reconcile(cursor: Cursor): StepResult {
    const { ledger, store, db, log } = this.deps;
    if (cursor.lastSeq > ledger.head().seq) {
      return this.alarm({ code: 'cursor_ahead', atSeq: cursor.lastSeq });
    }
    if (ledger.hashAt(cursor.lastSeq) !== cursor.headHash) {
      return this.alarm({ code: 'cursor_mismatch', atSeq: cursor.lastSeq });
    }
    const state = store.state();
    if (cursor.lastSeq < state.ackedSeq) {
      // The host lost entries it had accepted (restored from a backup): send them again.
      log.warn('host cursor is behind the acknowledged seq', {
        ackedSeq: state.ackedSeq,
        lastSeq: cursor.lastSeq,
      });
    }
    const open = store.openBatch();
    db.transaction(() => {
      if (open !== null) {
        if (cursor.lastSeq >= open.toSeq) {
          store.closeBatch(open.batchId, 'accepted', cursor.lastSeq, this.stamp());
        } else if (cursor.lastSeq !== open.fromSeq - 1) {
          // The host needs another range: this batch is never sent again, nor its id reused.
          store.closeBatch(open.batchId, 'abandoned', null, this.stamp());
        }
      }
      store.setAcked(cursor.lastSeq, this.stamp());
      store.setProblem(null, false);
    })();
    this.needCursor = false;
    this.succeeded('cursor read');
    return { next: 'now' };
  }

  private async settle(
    client: HostClient,
    credentials: TerminalCredentials,
    settlement: PendingSettlement,
  ): Promise<StepResult> {
    const { store } = this.deps;
    const answer = await client.sendSigned(
      {
        method: 'POST',
        path: '/v1/settlements',
        body: settlement.body,
        idempotencyKey: settlement.settlementId,
      },
      credentials,
    );
    if (this.deps.closed()) return { next: 'stopped', reason: 'closed' };
    if (answer.kind === 'answer' && answer.status === 200) {
      const parsed = settlementResponseSchema.safeParse(answer.json);
      if (parsed.success) {
        this.deps.db.transaction(() => {
          store.answerSettlement(
            settlement.batchNo,
            parsed.data.status,
            JSON.stringify(parsed.data),
            this.stamp(),
          );
          store.setProblem(null, false);
        })();
        this.succeeded('settlement answered');
        this.deps.onSettled?.(settlement.batchNo);
        return { next: 'now' };
      }
    }
    const error = hostError(answer);
    // The host lacks entries we think it holds: its cursor decides what to send first.
    if (answer.kind === 'answer' && error?.error === 'not_synced') this.needCursor = true;
    return this.unknownOutcome(answer, () => store.noteSettlementAttempt(settlement.batchNo));
  }

  /**
   * "Other 5xx, a timeout, a reset connection": the host may or may not have acted. The
   * same bytes go again after 1 s doubling to 300 s with jitter, or after Retry-After.
   */
  private unknownOutcome(answer: HostAnswer, noteAttempt: () => void): StepResult {
    this.failures += 1;
    const busy =
      answer.kind === 'answer' && (answer.status === 429 || answer.status === 503)
        ? answer.retryAfterSeconds
        : null;
    const unreachable = answer.kind === 'no_answer' || answer.status >= 500;
    const [code, detail] = describeAnswer(answer);
    this.deps.db.transaction(() => {
      noteAttempt();
      this.recordProblem(code, detail, unreachable);
    })();
    const backoff = retryDelayMs(this.failures, this.deps.random, this.deps.retryLimits);
    // "Wait at least that long": Retry-After is a floor, with up to 1 s of jitter on top.
    const delayMs = busy === null ? backoff : busy * 1000 + Math.floor(this.deps.random() * 1000);
    if (busy !== null) this.busyUntil = this.deps.now().getTime() + busy * 1000;
    this.deps.log.warn('upload failed, will retry', {
      code,
      detail,
      attempt: this.failures,
      retryInMs: delayMs,
      retryAfterS: busy,
    });
    return { next: 'later', delayMs };
  }

  /** The host answered: a streak of failures (if any) ends, and the log says so. */
  private succeeded(what: string): void {
    if (this.failures > 0)
      this.deps.log.info('upload working again', { what, failedAttempts: this.failures });
    this.failures = 0;
  }

  private alarm(alarm: Omit<SyncAlarm, 'raisedAt'>): StepResult {
    const raised: SyncAlarm = { ...alarm, raisedAt: this.stamp() };
    this.deps.store.setAlarm(raised);
    this.deps.log.error('sync stopped: alarm', {
      code: alarm.code,
      atSeq: alarm.atSeq ?? null,
      path: alarm.path ?? null,
    });
    return { next: 'stopped', reason: 'alarm' };
  }

  private recordProblem(code: string, detail: string, unreachable: boolean): void {
    this.deps.store.setProblem({ code, detail, at: this.stamp() }, unreachable);
  }

  private stamp(): string {
    return this.deps.now().toISOString();
  }
}

/** A short code and detail for the owner's screen and the log. */
function describeAnswer(answer: HostAnswer): [string, string] {
  if (answer.kind === 'no_answer') return ['no_answer', answer.reason];
  const error = hostError(answer);
  if (error !== null) return [error.error, `HTTP ${answer.status}`];
  if (answer.status >= 200 && answer.status < 300) {
    return ['bad_answer', `HTTP ${answer.status} with a body that is not a valid answer`];
  }
  return [`http_${answer.status}`, `HTTP ${answer.status}`];
}
