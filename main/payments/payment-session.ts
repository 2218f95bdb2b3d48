import type { CartView } from '@app/api/contract';
import type { PaymentView } from '@app/api/payment-schemas';
import { DomainError } from '@app/result';
import type { SaleRecord, SaleTender } from '@app/sale/sale';
import type { PaymentMeans } from './card-authorizer';
import { offlineTender } from './offline-acceptance';
import { chipRefusal, chipTender, hostTender, withTenderFee } from './sale-tenders';
import type { PaymentSessionDeps, SavedPayment } from './payment-session-deps';
import { SwipeWaiter } from './swipe-waiter';

/** Legs that moved money outside the till. */
const externalLegs = (legs: readonly SaleTender[]): number =>
  legs.filter((leg) => leg.method === 'card' || leg.method === 'qr').length;

const SWIPE_WAIT_MS = 60_000;
const ABANDON_AFTER_MS = 10 * 60_000;

type Waiting = PaymentView['waiting'];

/**
 * The payment of the current cart, one tender at a time (issue #6, split tender). Approved
 * legs are held here until the tenders cover the total; only then is the sale committed,
 * as one ledger `sale` entry with every tender. Cancelling or abandoning a partly paid sale
 * voids its host legs (撤销) and reverses its chip legs at the terminal.
 */
export class PaymentSession {
  private legs: SaleTender[] = [];
  /** The cart total the legs were taken against; null before the first leg. */
  private total: number | null = null;
  private busy = false;
  private committing = false;
  private waiting: Waiting = null;
  private terminalText: { en: string; zh: string } | null = null;
  private saleId: string | null = null;
  private readonly swipeWaiter: SwipeWaiter;
  private abandonTimer: NodeJS.Timeout | null = null;
  /** What the store holds, so an unchanged session is not written again. */
  private saved: SavedPayment | null = null;

  constructor(private readonly deps: PaymentSessionDeps) {
    this.swipeWaiter = new SwipeWaiter(deps.swipeWaitMs ?? SWIPE_WAIT_MS);
  }

  /**
   * After a restart: the legs of a partly paid sale come back when the cart (which survives
   * restarts too) is the one they were taken for; otherwise they are given back.
   */
  recover(): void {
    const saved = this.deps.store?.load() ?? null;
    this.saved = saved;
    if (saved === null || saved.legs.length === 0) return;
    // The sale they paid is committed (the session is consumed in its transaction, so only
    // data written before that can hold such legs): paid, never given back.
    if (saved.saleId !== undefined && this.deps.isCommitted?.(saved.saleId) === true) {
      this.deps.store?.save(null, false);
      this.saved = null;
      return;
    }
    const { legs } = saved;
    this.legs = legs;
    this.total = saved.total;
    const cart = this.deps.cart.view();
    const sameSale = saved.saleId === undefined || saved.saleId === this.deps.saleId?.();
    if (sameSale && cart.lines.length > 0 && cart.totals.totalMinor === saved.total) {
      this.deps.log.info('partly paid sale restored', { legs: legs.length });
      this.armAbandonTimer();
      return;
    }
    this.deps.log.warn('partly paid sale abandoned: cart changed across a restart', {
      legs: legs.length,
    });
    this.abandon();
  }

  view(): PaymentView {
    const cart = this.deps.cart.view();
    const totalMinor = this.total ?? cart.totals.totalMinor;
    const paidMinor = this.paid();
    return {
      currency: cart.currency,
      totalMinor,
      paidMinor,
      remainingMinor: totalMinor - paidMinor,
      tenders: this.legs.map((leg) => ({ ...leg })),
      waiting: this.waiting,
      terminalText: this.terminalText,
      saleId: this.saleId,
    };
  }

  /** Cash: change only when this tender covers what is left (and then the sale completes). */
  cash(tenderedMinor: number): PaymentView {
    if (!Number.isSafeInteger(tenderedMinor) || tenderedMinor <= 0) {
      throw new DomainError('invalid_amount', `Not an amount: ${String(tenderedMinor)}`);
    }
    this.begin();
    try {
      if (this.legs.length === 0) {
        // Cash alone: the cash sale as before, with cash rounding.
        const cart = this.deps.cart.view();
        if (tenderedMinor >= cart.cashDueMinor) {
          this.committed(this.deps.sales.payCash(tenderedMinor));
          return this.view();
        }
        this.total = cart.totals.totalMinor;
      }
      const remaining = this.remaining();
      const amountMinor = Math.min(tenderedMinor, remaining);
      this.add({
        method: 'cash',
        amountMinor,
        tenderedMinor,
        changeMinor: tenderedMinor - amountMinor,
      });
      return this.view();
    } finally {
      this.end();
    }
  }

  /** Card by swipe: waits for a card on the reader, then asks the host. */
  async swipe(amountMinor: number): Promise<PaymentView> {
    this.begin(amountMinor);
    try {
      this.setWaiting('swipe');
      const track2 = this.deps.takeTrack2() ?? (await this.swipeWaiter.wait());
      return await this.authorize(amountMinor, { entryMode: 'swipe', track2 });
    } finally {
      this.end();
    }
  }

  /** A payment code from the customer's phone, typed or scanned: the host decides. */
  async qr(amountMinor: number, qrCode: string): Promise<PaymentView> {
    const code = qrCode.trim();
    if (!/^[0-9A-Za-z]{8,64}$/.test(code)) {
      throw new DomainError('invalid_qr_code', 'Not a payment code');
    }
    this.begin(amountMinor);
    try {
      return await this.authorize(amountMinor, { entryMode: 'qr', qrCode: code });
    } finally {
      this.end();
    }
  }

  /** Chip or tap: the payment terminal reads the card and authorizes (ZVT 06 01). */
  async chip(amountMinor: number): Promise<PaymentView> {
    const client = this.deps.terminal();
    if (client === null) {
      throw new DomainError('terminal_not_connected', 'No payment terminal is connected');
    }
    this.begin(amountMinor);
    try {
      this.checkRisk('card', amountMinor);
      this.setWaiting('terminal');
      const result = await client.authorize(amountMinor, {
        onEvent: (event) => {
          if (event.kind !== 'intermediate-status') return;
          this.terminalText = { en: event.text.en, zh: event.text.zh };
          this.changed();
        },
      });
      if (!result.ok) {
        this.deps.log.warn('chip payment not approved', { code: result.error.code });
        throw chipRefusal(result.error);
      }
      this.add(
        this.withFee(
          chipTender(result.value.info, {
            amountMinor,
            batchNo: this.deps.batchNo(),
            merchant: this.deps.merchant(),
            authorizedAt: this.now().toISOString(),
          }),
        ),
      );
      return this.view();
    } finally {
      this.end();
    }
  }

  /** A voucher or a bank transfer, recorded with its reference. */
  other(
    amountMinor: number,
    otherKind: 'voucher' | 'bank_transfer',
    reference: string,
  ): PaymentView {
    const ref = reference.trim();
    if (ref === '') throw new DomainError('reference_required', 'A reference is required');
    this.begin(amountMinor);
    try {
      this.checkRisk('other', amountMinor);
      this.add(
        this.withFee({
          method: 'other',
          amountMinor,
          tenderedMinor: amountMinor,
          changeMinor: 0,
          otherKind,
          reference: ref.slice(0, 40),
        }),
      );
      return this.view();
    } finally {
      this.end();
    }
  }

  /** Stops waiting for a swipe, or asks the terminal to abort the running payment. */
  async stopWaiting(): Promise<PaymentView> {
    if (this.swipeWaiter.waiting) {
      this.swipeWaiter.stop(new DomainError('payment_cancelled', 'Stopped waiting for a card'));
    } else if (this.waiting === 'terminal') {
      await this.deps.terminal()?.abort();
    }
    return this.view();
  }

  /** A card was swiped on the reader: a waiting "Card swipe" takes it. */
  swiped(): void {
    if (!this.swipeWaiter.waiting) return;
    const track2 = this.deps.takeTrack2();
    if (track2 !== null) this.swipeWaiter.swiped(track2);
  }

  /** Retries the commit of a fully paid sale whose first commit failed. */
  complete(): PaymentView {
    if (this.legs.length === 0 || this.remaining() !== 0) {
      throw new DomainError('tender_insufficient', 'The sale is not fully paid');
    }
    this.finishIfPaid();
    return this.view();
  }

  /**
   * Cancels the payment: every leg taken is given back (host legs voided, chip legs
   * reversed at the terminal). A leg that cannot be given back now stays, and the cashier
   * is told; nothing is committed.
   */
  async cancel(): Promise<PaymentView> {
    await this.stopWaiting();
    const failed: SaleTender[] = [];
    for (const leg of [...this.legs].reverse()) {
      try {
        await this.giveBack(leg);
      } catch (error) {
        this.deps.log.error('payment leg not given back', {
          method: leg.method,
          authId: leg.authId ?? null,
          error: String(error),
        });
        failed.unshift(leg);
      }
    }
    this.legs = failed;
    if (failed.length === 0) this.reset();
    this.changed();
    if (failed.length > 0) {
      throw new DomainError('void_failed', 'Some payments could not be cancelled yet', {
        count: failed.length,
      });
    }
    return this.view();
  }

  /** The cart changed: emptied or re-priced under a partly paid sale abandons it. */
  cartChanged(cart: CartView): void {
    if (this.committing || this.legs.length === 0) {
      if (this.legs.length === 0 && this.saleId !== null && cart.lines.length > 0) {
        this.saleId = null;
      }
      return;
    }
    if (cart.lines.length === 0 || cart.totals.totalMinor !== this.total) {
      this.deps.log.warn('partly paid sale abandoned: cart changed', { legs: this.legs.length });
      this.abandon();
    }
  }

  stop(): void {
    if (this.abandonTimer) clearTimeout(this.abandonTimer);
    this.abandonTimer = null;
    this.swipeWaiter.stop(new DomainError('payment_cancelled', 'Stopped'));
  }

  private abandon(): void {
    this.cancel().catch((error: unknown) =>
      this.deps.log.error('abandoned payment not fully given back', { error: String(error) }),
    );
  }

  private async authorize(amountMinor: number, means: PaymentMeans): Promise<PaymentView> {
    this.setWaiting('host');
    const cart = this.deps.cart.view();
    const outcome = await this.deps.authorizer.authorize({
      kind: 'sale',
      amount: amountMinor,
      currency: cart.currency,
      batchNo: this.deps.batchNo(),
      means,
    });
    this.add(
      outcome.kind === 'approved_offline'
        ? this.withFee(
            offlineTender(outcome.offline, this.deps.merchant(), this.now().toISOString()),
          )
        : this.withFee(hostTender(outcome, means, this.deps.merchant(), this.now().toISOString())),
    );
    return this.view();
  }

  private checkRisk(tender: 'card' | 'other', amountMinor: number): void {
    this.deps.risk?.check({
      kind: 'sale',
      tender,
      amountMinor,
      currency: this.deps.cart.view().currency,
      pan: null,
      saleAt: null,
    });
  }

  private withFee(tender: SaleTender): SaleTender {
    return withTenderFee(this.deps.fees(), tender);
  }

  private async giveBack(leg: SaleTender): Promise<void> {
    if (leg.authId !== undefined) {
      await this.deps.authorizer.voidApproved(leg.authId);
      return;
    }
    if (leg.entryMode === 'chip' && leg.terminalReceiptNo !== undefined) {
      const client = this.deps.terminal();
      if (client === null) throw new Error('payment terminal not connected');
      const result = await client.reverse(leg.terminalReceiptNo);
      if (!result.ok) throw new Error(`terminal reversal failed: ${result.error.code}`);
    }
    // Cash goes back from the drawer by hand; "other" was never taken by the till.
  }

  /** Checks before a leg: nothing else running, someone may sell, an amount that fits. */
  private begin(amountMinor?: number): void {
    if (this.busy) throw new DomainError('payment_busy', 'A payment is already running');
    this.deps.sales.assertCanSell();
    const cart = this.deps.cart.view();
    if (cart.lines.length === 0) throw new DomainError('cart_empty', 'The cart is empty');
    if (this.legs.length === 0) this.total = cart.totals.totalMinor;
    if (amountMinor !== undefined) {
      const remaining = this.remaining();
      if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > remaining) {
        throw new DomainError('invalid_amount', `Not an amount up to ${String(remaining)}`, {
          remaining,
        });
      }
    }
    this.saleId = null;
    this.busy = true;
  }

  private end(): void {
    this.busy = false;
    this.waiting = null;
    this.terminalText = null;
    if (this.legs.length === 0 && this.saleId === null) this.total = null;
    this.changed();
  }

  private add(leg: SaleTender): void {
    this.legs.push(leg);
    // Kept before anything else can fail: a restart must know this card was charged.
    this.changed();
    this.deps.log.info('payment leg taken', {
      method: leg.method,
      amount: leg.amountMinor,
      authId: leg.authId ?? null,
    });
    this.armAbandonTimer();
    this.finishIfPaid();
  }

  private finishIfPaid(): void {
    if (this.remaining() !== 0) return;
    this.committing = true;
    try {
      this.committed(this.deps.sales.payTenders(this.legs));
    } finally {
      this.committing = false;
    }
  }

  private committed(sale: SaleRecord): void {
    // The sale's commit consumed the saved legs in its own transaction.
    this.saved = null;
    this.reset();
    this.saleId = sale.id;
  }

  private reset(): void {
    this.legs = [];
    this.total = null;
    this.saleId = null;
    if (this.abandonTimer) clearTimeout(this.abandonTimer);
    this.abandonTimer = null;
  }

  private armAbandonTimer(): void {
    if (this.abandonTimer) clearTimeout(this.abandonTimer);
    this.abandonTimer = setTimeout(() => {
      this.abandonTimer = null;
      if (this.legs.length === 0 || this.busy) return;
      this.deps.log.warn('partly paid sale abandoned: timeout', { legs: this.legs.length });
      this.abandon();
    }, this.deps.abandonAfterMs ?? ABANDON_AFTER_MS);
    this.abandonTimer.unref();
  }

  private setWaiting(waiting: Waiting): void {
    this.waiting = waiting;
    this.changed();
  }

  private paid(): number {
    return this.legs.reduce((sum, leg) => sum + leg.amountMinor, 0);
  }

  private remaining(): number {
    return (this.total ?? this.deps.cart.view().totals.totalMinor) - this.paid();
  }

  private changed(): void {
    const saleId = this.deps.saleId?.();
    const next =
      this.legs.length === 0 || this.total === null
        ? null
        : { total: this.total, ...(saleId === undefined ? {} : { saleId }), legs: [...this.legs] };
    if (JSON.stringify(next) !== JSON.stringify(this.saved)) {
      const durable = externalLegs(next?.legs ?? []) !== externalLegs(this.saved?.legs ?? []);
      this.deps.store?.save(next, durable);
      this.saved = next;
    }
    this.deps.onChange(this.view());
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
