import type { CurrencyCode } from '@app/money/currency';
import { randomUUID } from 'node:crypto';
import {
  AUTHORIZATION_TIMEOUT_MS,
  authorizationResponseSchema,
  reversalResponseSchema,
  voidResponseSchema,
} from '@app/sync/protocol';
import type { AuthorizationRequest, AuthorizationResponse } from '@app/sync/protocol';
import { panOfTrack2 } from '@app/card/track2';
import { DomainError } from '@app/result';
import type { Logger } from '../log/logger';
import type { HostAnswer, HostClient, TerminalCredentials } from '../sync/host-client';
import { hostError, whyNoAnswer } from '../sync/host-client';
import { retryDelayMs } from '../sync/retry-delay';
import type { RetryLimits } from '../sync/retry-delay';
import type { AuthorizationRecord, AuthorizationStore } from './authorization-store';
import type { RiskGuard } from './risk-guard';

/** The bound payment host: a signed client with the given timeout, or null when unbound. */
export interface HostAccess {
  connect(timeoutMs: number): { client: HostClient; credentials: TerminalCredentials } | null;
}

/**
 * What is charged: a swipe's track 2 (memory only, for this request) or a QR code. A refund
 * names the sale instead (refAuthId): the host pays back to the card or wallet it charged.
 */
export type PaymentMeans =
  | { entryMode: 'swipe'; track2: string }
  | { entryMode: 'qr'; qrCode: string }
  | { entryMode: 'swipe' | 'qr'; byReference: true };

export interface AuthorizationInput {
  kind: 'sale' | 'refund';
  amount: number;
  currency: CurrencyCode;
  batchNo: string;
  means: PaymentMeans;
  /** For a refund: the sale's authId, and when the sale was made (the refund window). */
  refAuthId?: string;
  saleAt?: Date;
}

type Approved = Extract<AuthorizationResponse, { approved: true }>;

export type AuthorizationOutcome =
  | { kind: 'approved'; record: AuthorizationRecord; answer: Approved }
  | { kind: 'declined'; record: AuthorizationRecord; responseCode: string; message: string }
  /**
   * No usable answer: the authorization is being reversed; take another tender. `unreachable`:
   * no HTTP answer at all (refused, reset, timeout), where offline acceptance may step in.
   */
  | { kind: 'not_completed'; record: AuthorizationRecord; reason: string; unreachable?: boolean };

export interface CardAuthorizerDeps {
  store: AuthorizationStore;
  host: HostAccess;
  /** The owner's risk rules; without it (tests of the protocol) nothing is refused. */
  risk?: RiskGuard;
  log: Logger;
  onChange?: (record: AuthorizationRecord) => void;
  now?: () => Date;
  /** upstream-sync-v1: 30 s; tests shorten it. */
  timeoutMs?: number;
  retry?: RetryLimits;
  random?: () => number;
}

/** An approved outcome as it is; a decline or no answer as the cashier's error. */
export function requireApproved(
  outcome: AuthorizationOutcome,
): Extract<AuthorizationOutcome, { kind: 'approved' }> {
  if (outcome.kind === 'declined') {
    throw new DomainError('payment_declined', outcome.message, {
      responseCode: outcome.responseCode,
      message: outcome.message,
    });
  }
  if (outcome.kind === 'not_completed') {
    throw new DomainError('payment_not_completed', outcome.reason, { reason: outcome.reason });
  }
  return outcome;
}

/**
 * upstream-sync-v1 "Card and QR authorization" from the terminal's side. Each request is
 * recorded before it is sent; an answer that does not come (timeout, reset, 5xx, garbage)
 * makes it a reversal (冲正), retried with back-off until the host answers, across restarts.
 */
export class CardAuthorizer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: CardAuthorizerDeps) {}

  /** Reverses whatever a crash or a lost answer left unresolved. */
  start(): void {
    for (const record of this.deps.store.unresolved()) this.reverseLater(record, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  async authorize(input: AuthorizationInput): Promise<AuthorizationOutcome> {
    const host = this.connect();
    const { entryMode } = input.means;
    const pan = 'track2' in input.means ? panOfTrack2(input.means.track2) : null;
    const { cardKey } = this.deps.risk?.check({
      kind: input.kind,
      tender: entryMode === 'swipe' ? 'card' : 'qr',
      amountMinor: input.amount,
      currency: input.currency,
      pan,
      saleAt: input.saleAt ?? null,
    }) ?? { cardKey: null };
    const record = this.deps.store.open({
      authId: randomUUID(),
      kind: input.kind,
      amount: input.amount,
      currency: input.currency,
      entryMode,
      batchNo: input.batchNo,
      refAuthId: input.refAuthId ?? null,
      cardKey,
      createdAt: this.now().toISOString(),
    });
    const request: AuthorizationRequest = {
      authId: record.authId,
      kind: record.kind,
      amount: record.amount,
      currency: record.currency,
      entryMode: record.entryMode,
      ...('track2' in input.means ? { track2: input.means.track2 } : {}),
      ...('qrCode' in input.means ? { qrCode: input.means.qrCode } : {}),
      batchNo: record.batchNo,
      traceNo: record.traceNo,
      ...(record.refAuthId === null ? {} : { refAuthId: record.refAuthId }),
    };
    const answer = await host.client.sendSigned(
      {
        method: 'POST',
        path: '/v1/authorizations',
        body: JSON.stringify(request),
        idempotencyKey: record.authId,
      },
      host.credentials,
    );
    const parsed =
      answer.kind === 'answer' && answer.status === 200
        ? authorizationResponseSchema.safeParse(answer.json)
        : null;
    if (!parsed?.success) {
      const reason = whyNoAnswer(answer);
      // Logged without the request: only ids, never track 2.
      this.deps.log.warn('authorization unanswered: reversing', { authId: record.authId, reason });
      const reversing = this.deps.store.setStatus(
        record.authId,
        'reversing',
        this.now().toISOString(),
      );
      this.changed(reversing);
      this.reverseLater(reversing, 0);
      const unreachable = answer.kind === 'no_answer';
      return { kind: 'not_completed', record: reversing, reason, unreachable };
    }
    const stored = this.deps.store.answered(record.authId, parsed.data, this.now().toISOString());
    this.changed(stored);
    return parsed.data.approved
      ? { kind: 'approved', record: stored, answer: parsed.data }
      : {
          kind: 'declined',
          record: stored,
          responseCode: parsed.data.responseCode,
          message: parsed.data.message,
        };
  }

  /** 撤销: cancels an approved sale of the open batch at the host. */
  async voidApproved(authId: string): Promise<AuthorizationRecord> {
    const record = this.deps.store.get(authId);
    if (record?.status !== 'approved' || record.kind !== 'sale') {
      throw new DomainError('invalid_input', `Authorization ${authId} is not an approved sale`);
    }
    const host = this.connect();
    const answer = await host.client.sendSigned(
      { method: 'POST', path: `/v1/authorizations/${authId}/void`, body: '' },
      host.credentials,
    );
    if (hostError(answer)?.error === 'already_settled') {
      throw new DomainError('already_settled', `Authorization ${authId} is already settled`);
    }
    const voided =
      answer.kind === 'answer' && answer.status === 200
        ? voidResponseSchema.safeParse(answer.json).success
        : false;
    if (!voided) {
      throw new DomainError('host_unreachable', `Void not answered: ${whyNoAnswer(answer)}`, {
        reason: whyNoAnswer(answer),
      });
    }
    const stored = this.deps.store.setStatus(authId, 'voided', this.now().toISOString());
    this.changed(stored);
    return stored;
  }

  private connect(): { client: HostClient; credentials: TerminalCredentials } {
    const host = this.deps.host.connect(this.deps.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS);
    if (host === null) throw new DomainError('not_bound', 'Card payments need a bound host');
    return host;
  }

  private reverseLater(record: AuthorizationRecord, delayMs: number): void {
    if (this.stopped || this.timers.has(record.authId) || this.inFlight.has(record.authId)) {
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(record.authId);
      void this.reverse(record.authId);
    }, delayMs);
    timer.unref();
    this.timers.set(record.authId, timer);
  }

  /** One reversal attempt; a failure schedules the next with back-off and jitter. */
  private async reverse(authId: string): Promise<void> {
    this.inFlight.add(authId);
    let failed: AuthorizationRecord;
    try {
      const host = this.deps.host.connect(this.deps.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS);
      const answer: HostAnswer = host
        ? await host.client.sendSigned(
            { method: 'POST', path: `/v1/authorizations/${authId}/reversal`, body: '' },
            host.credentials,
          )
        : { kind: 'no_answer', reason: 'not bound' };
      const parsed =
        answer.kind === 'answer' && answer.status === 200
          ? reversalResponseSchema.safeParse(answer.json)
          : null;
      if (parsed?.success) {
        const status = parsed.data.reversed ? 'reversed' : 'not_reversed';
        const stored = this.deps.store.setStatus(authId, status, this.now().toISOString());
        this.deps.log.info('authorization reversed', { authId, reversed: parsed.data.reversed });
        this.changed(stored);
        return;
      }
      failed = this.deps.store.reversalFailed(authId, whyNoAnswer(answer));
    } finally {
      this.inFlight.delete(authId);
    }
    this.changed(failed);
    const random = this.deps.random ?? Math.random;
    this.reverseLater(failed, retryDelayMs(failed.reversalAttempts, random, this.deps.retry));
  }

  private changed(record: AuthorizationRecord): void {
    this.deps.onChange?.(record);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
