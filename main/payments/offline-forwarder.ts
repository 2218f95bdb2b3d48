import {
  AUTHORIZATION_TIMEOUT_MS,
  authorizationResponseSchema,
  reversalResponseSchema,
} from '@app/sync/protocol';
import { OFFLINE_FORWARD_WITHIN_MS } from '@app/payments/offline-rules';
import type { Logger } from '../log/logger';
import type { HostAnswer } from '../sync/host-client';
import { whyNoAnswer } from '../sync/host-client';
import { retryDelayMs } from '../sync/retry-delay';
import type { RetryLimits } from '../sync/retry-delay';
import type { HostAccess } from './card-authorizer';
import type { OfflineSealer } from './offline-sealer';
import type { OfflineRecord, OfflineStore } from './offline-store';

export interface OfflineForwarderDeps {
  store: OfflineStore;
  sealer: OfflineSealer;
  host: HostAccess;
  log: Logger;
  onChange?: (record: OfflineRecord) => void;
  now?: () => Date;
  /** upstream-sync-v1: 30 s; tests shorten it. */
  timeoutMs?: number;
  retry?: RetryLimits;
  random?: () => number;
}

/** How a pass ended: everything sent (or nothing to send), or the host did not answer. */
export type ForwardPass = 'done' | 'host_unreachable';

/**
 * Issue #6 "Offline": forwards the swipes approved offline to the host, oldest first, as soon
 * as it answers (back-off 1 s doubling to 300 s while it does not). An approval is settled by
 * the host's answer; a decline, or 24 h without one, puts it on the owner's worklist. Either
 * way the sealed request is deleted then. A forward that got no answer is replayed with the
 * same authId (the host answers a replay with its first answer, never charging twice); if it
 * expires so, it is reversed (冲正) so the worklist never asks a customer to pay twice.
 */
export class OfflineForwarder {
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Number.POSITIVE_INFINITY;
  private running: Promise<ForwardPass> | null = null;
  private failures = 0;
  private stopped = false;
  private forwarding: string | null = null;

  constructor(private readonly deps: OfflineForwarderDeps) {}

  /** Forwards whatever waits from before a restart. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Something new waits (an offline approval), or the host is back: try within `delayMs`. */
  kick(delayMs = this.deps.retry?.firstMs ?? 1_000): void {
    this.schedule(delayMs);
  }

  /** Whether this authorization's forward is on the wire now (its sale cannot be cancelled). */
  isForwarding(authId: string): boolean {
    return this.forwarding === authId;
  }

  /** Waits for a pass in flight (tests, shutdown). */
  async settled(): Promise<void> {
    await this.running;
  }

  /** One pass: expires what is too old, reverses what must be, forwards the rest in order. */
  async forwardNow(): Promise<ForwardPass> {
    if (this.running) return this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<ForwardPass> {
    // Expiry first: it must happen on time even while the host does not answer.
    const due = this.deps.store.due().filter((record) => !this.expired(record));
    for (const record of this.deps.store.toReverse()) {
      if (this.stopped) return 'done';
      if (!(await this.reverse(record))) return 'host_unreachable';
    }
    for (const listed of due) {
      if (this.stopped) return 'done';
      // Read again: its sale may have been cancelled while an earlier one was on the wire.
      const record = this.deps.store.get(listed.authId);
      if (record?.status !== 'pending') continue;
      if (this.expired(record)) continue;
      if (!(await this.forward(record))) return 'host_unreachable';
    }
    return 'done';
  }

  private expired(record: OfflineRecord): boolean {
    const age = this.now().getTime() - new Date(record.acceptedAt).getTime();
    if (age < OFFLINE_FORWARD_WITHIN_MS) return false;
    const expired = this.deps.store.expire(record.authId);
    this.deps.log.warn('offline card payment not forwarded within 24 h: on the worklist', {
      authId: record.authId,
      cardMasked: record.cardMasked,
      amount: record.amount,
      unanswered: record.unanswered,
    });
    this.changed(expired);
    return true;
  }

  /** Sends one sealed request; false when the host gave no usable answer. */
  private async forward(record: OfflineRecord): Promise<boolean> {
    const { authId } = record;
    const sealed = this.deps.store.sealedRequest(authId);
    const body = sealed === null ? null : this.deps.sealer.open(authId, sealed);
    if (body === null) {
      // The key in the OS store is not the one it was sealed with: it can never be sent.
      this.deps.log.error('offline request cannot be opened: on the worklist', { authId });
      this.changed(this.deps.store.expire(authId));
      return true;
    }
    const host = this.deps.host.connect(this.deps.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS);
    if (host === null) return false;
    this.forwarding = authId;
    let answer: HostAnswer;
    try {
      answer = await host.client.sendSigned(
        { method: 'POST', path: '/v1/authorizations', body, idempotencyKey: authId },
        host.credentials,
      );
    } finally {
      this.forwarding = null;
    }
    const parsed =
      answer.kind === 'answer' && answer.status === 200
        ? authorizationResponseSchema.safeParse(answer.json)
        : null;
    if (!parsed?.success) {
      // No answer, a 5xx or garbage: the host may have it. A 4xx: it refused to look.
      const unknown = answer.kind === 'no_answer' || answer.status >= 500 || parsed !== null;
      this.changed(this.deps.store.forwardFailed(authId, whyNoAnswer(answer), unknown));
      return false;
    }
    const stored = this.deps.store.answered(authId, parsed.data, this.now().toISOString());
    if (parsed.data.approved) {
      this.deps.log.info('offline card payment approved by the host', { authId });
    } else {
      this.deps.log.warn('offline card payment declined by the host: on the worklist', {
        authId,
        cardMasked: record.cardMasked,
        responseCode: parsed.data.responseCode,
      });
    }
    this.changed(stored);
    return true;
  }

  private async reverse(record: OfflineRecord): Promise<boolean> {
    const host = this.deps.host.connect(this.deps.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS);
    if (host === null) return false;
    const answer = await host.client.sendSigned(
      { method: 'POST', path: `/v1/authorizations/${record.authId}/reversal`, body: '' },
      host.credentials,
    );
    const parsed =
      answer.kind === 'answer' && answer.status === 200
        ? reversalResponseSchema.safeParse(answer.json)
        : null;
    if (!parsed?.success) return false;
    const stored = this.deps.store.reversed(
      record.authId,
      parsed.data.reversed,
      this.now().toISOString(),
    );
    this.deps.log.info('expired offline forward reversed', {
      authId: record.authId,
      reversed: parsed.data.reversed,
    });
    this.changed(stored);
    return true;
  }

  /** Runs a pass after `delayMs` (sooner wins), then again with back-off while any is left. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer !== null && at >= this.dueAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      this.forwardNow().then(
        (result) => this.after(result),
        (error: unknown) => {
          // A closed database at shutdown, or a bug: logged, and tried again later.
          this.deps.log.error('offline forward pass failed', { error: String(error) });
          this.after('host_unreachable');
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  private after(result: ForwardPass): void {
    if (result === 'done') {
      this.failures = 0;
      // Something accepted while the pass ran is forwarded by its own kick.
      return;
    }
    this.failures += 1;
    const random = this.deps.random ?? Math.random;
    this.schedule(retryDelayMs(this.failures, random, this.deps.retry));
  }

  private changed(record: OfflineRecord): void {
    this.deps.onChange?.(record);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
