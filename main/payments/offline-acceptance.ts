import { randomUUID } from 'node:crypto';
import type { OfflineView } from '@app/api/contract';
import { cardBrand } from '@app/card/brand';
import type { CardBrand } from '@app/card/brand';
import { maskPan } from '@app/card/mask';
import { panOfTrack2 } from '@app/card/track2';
import { toDecimalString } from '@app/money/format';
import { checkOffline } from '@app/payments/offline-rules';
import type { OfflineRule, OfflineSettings } from '@app/payments/offline-rules';
import { DomainError } from '@app/result';
import type { ErrorCode } from '@app/errors';
import type { SaleTender } from '@app/sale/sale';
import type { AuthorizationRequest } from '@app/sync/protocol';
import type { Logger } from '../log/logger';
import type { AuthorizationInput, AuthorizationOutcome, CardAuthorizer } from './card-authorizer';
import type { OfflineSealer } from './offline-sealer';
import type { OfflineRecord, OfflineStore } from './offline-store';

/** A card authorization as the till's payment sees it: the host's, or the till's own offline. */
export type PaymentOutcome =
  AuthorizationOutcome | { kind: 'approved_offline'; offline: OfflineRecord };

export interface PaymentAuthorizer {
  authorize(input: AuthorizationInput): Promise<PaymentOutcome>;
  voidApproved(authId: string): Promise<unknown>;
}

/** The auth code an offline approval carries (the spec's 6 characters): not the issuer's. */
export const OFFLINE_AUTH_CODE = 'OFFLIN';

const ERROR_OF: Record<OfflineRule, ErrorCode> = {
  disabled: 'offline_card_refused',
  per_sale_cap: 'offline_per_sale_cap',
  total_cap: 'offline_total_cap',
  count_cap: 'offline_count_cap',
  too_old: 'offline_too_old',
};

export interface OfflineAcceptanceDeps {
  card: Pick<CardAuthorizer, 'authorize' | 'voidApproved'>;
  store: OfflineStore;
  sealer: OfflineSealer;
  settings: () => OfflineSettings;
  forwarder: { kick(): void; isForwarding(authId: string): boolean };
  log: Logger;
  /** What waits for the host or is on the worklist changed here (accepted, cancelled). */
  onChange?: () => void;
  now?: () => Date;
}

/**
 * Issue #6 "Offline", in front of the CardAuthorizer. With the host reachable nothing changes.
 * When a swipe gets no answer (connection refused, reset, timeout; the request is being
 * reversed as before), the owner's bounds decide: within them the till approves it itself,
 * seals the request for the forwarder, and the cashier sees "accepted offline"; otherwise the
 * cashier is told the card cannot be taken. QR payment codes are one-time and online-only.
 */
export class OfflineAcceptance implements PaymentAuthorizer {
  constructor(private readonly deps: OfflineAcceptanceDeps) {}

  async authorize(input: AuthorizationInput): Promise<PaymentOutcome> {
    const outcome = await this.deps.card.authorize(input);
    if (outcome.kind !== 'not_completed' || outcome.unreachable !== true) return outcome;
    if (input.kind !== 'sale') return outcome;
    const { reason } = outcome;
    if (input.means.entryMode === 'qr') {
      throw new DomainError(
        'offline_qr_refused',
        `Host unreachable (${reason}): QR is online only`,
        {
          reason,
        },
      );
    }
    // Only a swipe carries what the host needs later; a by-reference means is a refund's.
    if (!('track2' in input.means)) return outcome;
    const { track2 } = input.means;
    const pan = panOfTrack2(track2);
    if (pan === null) return outcome;
    const now = this.now();
    const verdict = checkOffline(
      this.deps.settings(),
      input.amount,
      this.deps.store.pending(),
      now,
    );
    if (!verdict.allowed) {
      this.deps.log.warn('card refused offline', { rule: verdict.rule, amount: input.amount });
      const money = (minor: unknown) =>
        typeof minor === 'number' ? toDecimalString(minor, input.currency) : '';
      throw new DomainError(ERROR_OF[verdict.rule], `Host unreachable: ${verdict.rule}`, {
        ...verdict.params,
        reason,
        limit: money(verdict.params.limitMinor),
        left: money(verdict.params.leftMinor),
      });
    }
    const authId = randomUUID();
    const offline = this.deps.store.accept(
      {
        authId,
        amount: input.amount,
        currency: input.currency,
        batchNo: input.batchNo,
        cardMasked: maskPan(pan),
        cardBrand: brandOf(pan),
        cardKey: outcome.record.cardKey,
        acceptedAt: now.toISOString(),
      },
      (traceNo) => {
        const request: AuthorizationRequest = {
          authId,
          kind: 'sale',
          amount: input.amount,
          currency: input.currency,
          entryMode: 'swipe',
          track2,
          batchNo: input.batchNo,
          traceNo,
        };
        return this.deps.sealer.seal(authId, JSON.stringify(request));
      },
    );
    this.deps.log.info('card accepted offline', {
      authId,
      cardMasked: offline.cardMasked,
      amount: offline.amount,
    });
    this.deps.onChange?.();
    this.deps.forwarder.kick();
    return { kind: 'approved_offline', offline };
  }

  /**
   * Gives an offline leg back when its sale is cancelled: one the host has not seen is simply
   * dropped (its sealed request deleted); one the host approved is voided there (撤销).
   */
  async voidApproved(authId: string): Promise<unknown> {
    const offline = this.deps.store.get(authId);
    if (offline === null || offline.status === 'approved') {
      return this.deps.card.voidApproved(authId);
    }
    // Asked again after a crash or a sibling leg's failure: already given back.
    if (offline.status === 'cancelled') return offline;
    if (this.deps.forwarder.isForwarding(authId)) {
      throw new DomainError('payment_busy', 'This payment is being forwarded to the host now');
    }
    const cancelled =
      offline.status === 'pending'
        ? this.deps.store.cancel(authId)
        : this.deps.store.cancelSettled(authId);
    this.deps.onChange?.();
    return cancelled;
  }

  /**
   * A refund goes to the host by reference, and the host knows an offline sale only once it
   * has approved the forward: before that, the card cannot be paid back.
   */
  async refund(input: AuthorizationInput): Promise<AuthorizationOutcome> {
    const offline = input.refAuthId === undefined ? null : this.deps.store.get(input.refAuthId);
    if (offline !== null && offline.status !== 'approved') {
      throw new DomainError(
        'offline_not_forwarded',
        `Offline payment ${offline.authId} is ${offline.status}, not approved by the host`,
        { status: offline.status },
      );
    }
    return this.deps.card.authorize(input);
  }

  /** The owner's view: bounds, what waits for the host, the worklist. */
  view(settings: OfflineSettings): OfflineView {
    const pending = this.deps.store.pending();
    return {
      settings,
      pending: {
        count: pending.count,
        totalMinor: pending.totalMinor,
        oldestAt: pending.oldestAt?.toISOString() ?? null,
      },
      worklist: this.deps.store.worklist().map((item) => ({
        authId: item.authId,
        status: item.status === 'declined' ? 'declined' : 'expired',
        saleSeq: item.saleSeq,
        acceptedAt: item.acceptedAt,
        cardMasked: item.cardMasked,
        amountMinor: item.amount,
        currency: item.currency,
        responseCode: item.answer?.approved === false ? item.answer.responseCode : null,
        message: item.answer?.approved === false ? item.answer.message : null,
        resolvedAt: item.resolvedAt,
        resolvedBy: item.resolvedBy,
        resolution: item.resolution,
      })),
    };
  }

  /** The owner collected (or wrote off) a declined or expired payment. */
  resolve(authId: string, by: string, note: string): OfflineRecord {
    const item = this.deps.store.get(authId);
    if (item === null || (item.status !== 'declined' && item.status !== 'expired')) {
      throw new DomainError('offline_item_not_found', `No worklist item ${authId}`);
    }
    if (item.resolvedAt !== null) return item;
    return this.deps.store.resolve(authId, by, note, this.now().toISOString());
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/**
 * The tender of an offline approval: a swipe like any other, marked offline, with the spec's
 * 6-character auth code; no RRN or card type until the host has seen it.
 */
export function offlineTender(
  offline: OfflineRecord,
  merchant: { merchantName: string; merchantId: string; terminalId: string } | null,
  authorizedAt: string,
): SaleTender {
  return {
    method: 'card',
    amountMinor: offline.amount,
    tenderedMinor: offline.amount,
    changeMinor: 0,
    entryMode: 'swipe',
    offline: true,
    authId: offline.authId,
    batchNo: offline.batchNo,
    traceNo: offline.traceNo,
    authCode: OFFLINE_AUTH_CODE,
    cardMasked: offline.cardMasked,
    cardBrand: offline.cardBrand,
    ...(merchant === null
      ? {}
      : {
          merchantName: merchant.merchantName,
          merchantId: merchant.merchantId,
          acquirerTerminalId: merchant.terminalId,
        }),
    authorizedAt,
    signatureRequired: true,
  };
}

const BRAND_NAME: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  amex: 'Amex',
  jcb: 'JCB',
  unknown: 'Card',
};

/** The brand as the host names it (Visa, UnionPay, …), from the card's first digits. */
const brandOf = (pan: string): string => BRAND_NAME[cardBrand(pan)];
