import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SettlementView, SyncStatus } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import { DomainError } from '@app/result';
import { settlementRequestSchema, settlementResponseSchema } from '@app/sync/protocol';
import type { LedgerReader } from '../kernel/ledger';
import type { Logger } from '../log/logger';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import { hostClientFor, requestBinding } from './binding';
import type { HostClient, TerminalCredentials } from './host-client';
import { HostClock } from './host-clock';
import type { SecretStore } from './secret-store';
import { SyncEngine } from './sync-engine';
import { SyncStore } from './sync-store';
import type { SettlementRecord } from './sync-store';
import { Uploader } from './uploader';
import type { RetryLimits } from './retry-delay';

/** Upload requests carry up to 1 MiB; a slow link gets this long before it is "no answer". */
const REQUEST_TIMEOUT_MS = 30_000;

export interface SyncServiceDeps {
  db: Database.Database;
  ledger: LedgerReader;
  identity: TerminalIdentityStore;
  secrets: SecretStore;
  log: Logger;
  currency: () => CurrencyCode;
  onStatus: (status: SyncStatus) => void;
  now?: () => Date;
  random?: () => number;
  timeoutMs?: number;
  retryLimits?: RetryLimits;
}

/**
 * The till's side of upstream-sync-v1 for the rest of the app: binding, the status chip,
 * "sync now", the alarm, closing a batch and the settlement answers. The uploader does the
 * protocol; the engine decides when it runs.
 */
export class SyncService {
  private readonly store: SyncStore;
  private readonly clock: HostClock;
  private readonly uploader: Uploader;
  private readonly engine: SyncEngine;
  private client: { url: string; instance: HostClient } | null = null;
  private secret: Buffer | null = null;
  /** Where the current backlog began, for the owner's progress bar. */
  private backlogFrom: number | null = null;
  private closed = false;
  /** A status is due after this turn of the event loop (`noteNewEntry`). */
  private statusDue = false;

  constructor(private readonly deps: SyncServiceDeps) {
    const now = deps.now ?? (() => new Date());
    this.store = new SyncStore(deps.db);
    this.clock = new HostClock(() => now().getTime());
    this.uploader = new Uploader({
      db: deps.db,
      ledger: deps.ledger,
      store: this.store,
      client: () => this.hostClient(),
      credentials: () => this.credentials(),
      log: deps.log,
      now,
      random: deps.random ?? Math.random,
      newId: randomUUID,
      closed: () => this.closed,
      onSettled: (batchNo) => deps.log.info('settlement answered', { batchNo }),
      ...(deps.retryLimits ? { retryLimits: deps.retryLimits } : {}),
    });
    this.engine = new SyncEngine(
      this.uploader,
      () => this.publish(),
      deps.log,
      () => now().getTime(),
    );
  }

  start(): void {
    this.engine.start();
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.engine.stop();
  }

  /**
   * A ledger entry was committed. Its new status goes out after this turn of the event
   * loop: the cashier's answer first, and one status for the entries of one turn.
   */
  noteNewEntry(): void {
    this.engine.noteNewEntry();
    if (this.statusDue) return;
    this.statusDue = true;
    setImmediate(() => {
      this.statusDue = false;
      this.publish();
    });
  }

  async bind(input: {
    hostUrl: string;
    merchantId: string;
    terminalId: string;
    bindingCode: string;
  }): Promise<SyncStatus> {
    const existing = this.store.binding();
    if (existing !== null) {
      throw new DomainError('already_bound', `Bound as ${existing.terminalId}`);
    }
    const owner = this.store.acceptedTerminalId();
    const terminalId = input.terminalId.trim().toUpperCase();
    if (owner !== null && owner !== terminalId) {
      throw new DomainError('terminal_mismatch', `Ledger uploaded as ${owner}`, {
        terminalId: owner,
      });
    }
    const outcome = await requestBinding(
      { ...input, deviceName: `Countertop ${hostname()}`.slice(0, 64) },
      { clock: this.clock, timeoutMs: this.timeoutMs(), now: this.now() },
    );
    // The secret first: a crash before the binding commits leaves a secret nobody uses,
    // never a binding without its secret.
    this.deps.secrets.set(outcome.secret);
    this.secret = outcome.secret;
    this.deps.db.transaction(() => {
      this.store.saveBinding(outcome.binding);
      this.deps.identity.setTerminalId(outcome.binding.terminalId);
    })();
    this.deps.log.info('terminal bound', {
      merchantId: outcome.binding.merchantId,
      terminalId: outcome.binding.terminalId,
      host: outcome.binding.hostUrl,
    });
    this.uploader.requestCursor();
    this.engine.syncNow();
    return this.status();
  }

  unbind(confirmTerminalId: string): SyncStatus {
    const binding = this.store.binding();
    if (binding === null) throw new DomainError('not_bound', 'Not bound');
    if (confirmTerminalId.trim().toUpperCase() !== binding.terminalId) {
      throw new DomainError('invalid_input', 'Type the terminal ID to confirm unbinding');
    }
    this.deps.secrets.clear();
    this.secret = null;
    this.store.removeBinding();
    this.deps.log.info('terminal unbound', { terminalId: binding.terminalId });
    this.publish();
    return this.status();
  }

  syncNow(): SyncStatus {
    if (this.store.binding() === null) throw new DomainError('not_bound', 'Not bound');
    this.engine.syncNow();
    return this.status();
  }

  clearAlarm(): SyncStatus {
    const { alarm } = this.store.state();
    if (alarm !== null) {
      this.deps.log.warn('sync alarm cleared by hand', { code: alarm.code });
      this.store.setAlarm(null);
    }
    this.uploader.requestCursor();
    this.engine.syncNow();
    return this.status();
  }

  settlements(limit = 50): SettlementView[] {
    const currency = this.deps.currency();
    return this.store.settlements(limit).map((record) => settlementView(record, currency));
  }

  /** Waits until no upload step is in flight (tests and benchmarks). */
  settled(): Promise<void> {
    return this.engine.settled();
  }

  status(): SyncStatus {
    const binding = this.store.binding();
    const state = this.store.state();
    const head = this.deps.ledger.head().seq;
    const unsynced = Math.max(0, head - state.ackedSeq);
    if (unsynced === 0) this.backlogFrom = null;
    else if (this.backlogFrom === null || this.backlogFrom > state.ackedSeq + 1) {
      this.backlogFrom = state.ackedSeq + 1;
    }
    const open = this.store.openBatch();
    const nextAttempt = this.engine.nextAttemptAt();
    return {
      binding,
      state:
        binding === null
          ? 'not_bound'
          : state.alarm !== null
            ? 'alarm'
            : state.unreachableSince !== null
              ? 'unreachable'
              : unsynced > 0
                ? 'pending'
                : 'synced',
      headSeq: head,
      ackedSeq: state.ackedSeq,
      unsynced,
      oldestUnsyncedAt:
        unsynced > 0 ? (this.deps.ledger.storedFrom(state.ackedSeq + 1, 1)[0]?.at ?? null) : null,
      syncedAt: state.syncedAt,
      unreachableSince: state.unreachableSince,
      lastError: state.lastError,
      alarm: state.alarm,
      nextAttemptAt: nextAttempt === null ? null : new Date(nextAttempt).toISOString(),
      uploading: this.engine.isUploading(),
      backlog: this.backlogFrom === null ? null : { fromSeq: this.backlogFrom, toSeq: head },
      openBatch:
        open === null
          ? null
          : {
              batchId: open.batchId,
              fromSeq: open.fromSeq,
              toSeq: open.toSeq,
              attempts: open.attempts,
              createdAt: open.createdAt,
            },
      batchNo: this.deps.identity.current().batchNo,
      pendingSettlements: this.store.pendingSettlementCount(),
    };
  }

  /** The bound host for card and QR authorizations, with their own timeout; null unbound. */
  hostAccess(timeoutMs: number): { client: HostClient; credentials: TerminalCredentials } | null {
    const binding = this.store.binding();
    const credentials = this.credentials();
    if (binding === null || credentials === null) return null;
    return {
      client: hostClientFor(binding.hostUrl, { clock: this.clock, timeoutMs }),
      credentials,
    };
  }

  private publish(): void {
    if (this.closed) return;
    this.deps.onStatus(this.status());
  }

  private hostClient(): HostClient | null {
    const binding = this.store.binding();
    if (binding === null) return null;
    if (this.client?.url !== binding.hostUrl) {
      this.client = {
        url: binding.hostUrl,
        instance: hostClientFor(binding.hostUrl, {
          clock: this.clock,
          timeoutMs: this.timeoutMs(),
        }),
      };
    }
    return this.client.instance;
  }

  private credentials(): TerminalCredentials | null {
    const binding = this.store.binding();
    if (binding === null) return null;
    this.secret ??= this.deps.secrets.get();
    return this.secret === null ? null : { terminalId: binding.terminalId, secret: this.secret };
  }

  private timeoutMs(): number {
    return this.deps.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** A settlement for the owner: the terminal's totals, and the host's when they differ. */
function settlementView(record: SettlementRecord, currency: CurrencyCode): SettlementView {
  const request = settlementRequestSchema.parse(JSON.parse(record.body));
  const answer =
    record.answer === null ? null : settlementResponseSchema.parse(JSON.parse(record.answer));
  return {
    batchNo: record.batchNo,
    zSeq: record.zSeq,
    closedAt: record.createdAt,
    status: record.status,
    answeredAt: record.answeredAt,
    currency,
    terminal: { totals: definedValues(request.totals), byMethod: definedValues(request.byMethod) },
    host:
      answer?.status === 'unbalanced'
        ? { totals: answer.hostTotals, byMethod: answer.hostByMethod }
        : null,
  };
}

function definedValues<T>(record: Partial<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).filter((pair): pair is [string, T] => pair[1] !== undefined),
  );
}
