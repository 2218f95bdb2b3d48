import type Database from 'better-sqlite3';
import { maskPan } from '@app/card/mask';
import type { CurrencyCode } from '@app/money/currency';
import { toDecimalString } from '@app/money/format';
import { checkRisk } from '@app/payments/risk-rules';
import type { RiskRule, RiskSettings, RiskTender } from '@app/payments/risk-rules';
import { DomainError } from '@app/result';
import type { ErrorCode } from '@app/errors';
import type { Logger } from '../log/logger';
import type { AuthorizationStore } from './authorization-store';
import type { CardKeyer } from './card-keyer';
import { entryReader } from '../ledger/entry-reader';

export interface RiskCheck {
  kind: 'sale' | 'refund';
  tender: RiskTender;
  amountMinor: number;
  currency: CurrencyCode;
  /** The card number, in memory only for this check; null for QR and other tenders. */
  pan: string | null;
  saleAt: Date | null;
}

export interface RiskEvent {
  at: string;
  rule: RiskRule;
  kind: 'sale' | 'refund';
  tender: RiskTender;
  amountMinor: number;
  cardMasked: string | null;
}

const ERROR_OF: Record<RiskRule, ErrorCode> = {
  per_transaction_limit: 'risk_per_transaction_limit',
  daily_limit: 'risk_daily_limit',
  monthly_limit: 'risk_monthly_limit',
  blocked_range: 'risk_blocked_range',
  blocked_card: 'risk_blocked_card',
  velocity: 'risk_velocity',
  refund_too_late: 'risk_refund_too_late',
};

/**
 * Applies the owner's risk rules before a request leaves the terminal, from the history the
 * terminal holds; every refusal is recorded for the owner with the masked card only.
 */
export class RiskGuard {
  constructor(
    private readonly deps: {
      db: Database.Database;
      authorizations: AuthorizationStore;
      settings: () => RiskSettings;
      keyer: CardKeyer;
      log: Logger;
      now?: () => Date;
    },
  ) {}

  /** The card's keyed hash for the record, or a DomainError naming the rule it broke. */
  check(request: RiskCheck): { cardKey: string | null } {
    const now = this.deps.now?.() ?? new Date();
    const settings = this.deps.settings();
    const cardKey = request.pan === null ? null : this.deps.keyer.keyOf(request.pan);
    const velocityFrom = new Date(now.getTime() - (settings.velocity?.withinMinutes ?? 0) * 60_000);
    const verdict = checkRisk(
      settings,
      {
        kind: request.kind,
        tender: request.tender,
        amountMinor: request.amountMinor,
        bin: request.pan?.slice(0, 8) ?? null,
        cardKey,
        saleAt: request.saleAt,
        now,
      },
      {
        todayMinor: this.takenSince(request.tender, startOfDay(now)),
        monthMinor: this.takenSince(request.tender, startOfMonth(now)),
        cardUses:
          cardKey === null ? [] : this.deps.authorizations.cardUsesSince(cardKey, velocityFrom),
      },
    );
    if (verdict.allowed) return { cardKey };
    const cardMasked = request.pan === null ? null : maskPan(request.pan);
    this.deps.db
      .prepare(
        `INSERT INTO risk_events (at, rule, kind, tender, amount, card_masked, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        now.toISOString(),
        verdict.rule,
        request.kind,
        request.tender,
        request.amountMinor,
        cardMasked,
        JSON.stringify(verdict.params),
      );
    this.deps.log.warn('payment refused by a risk rule', { rule: verdict.rule, cardMasked });
    const money = (minor: unknown) =>
      typeof minor === 'number' ? toDecimalString(minor, request.currency) : '';
    throw new DomainError(ERROR_OF[verdict.rule], `Refused by risk rule ${verdict.rule}`, {
      ...verdict.params,
      limit: money(verdict.params.limitMinor),
      left: money(verdict.params.leftMinor),
    });
  }

  /** The latest refusals, newest first. */
  events(limit = 100): RiskEvent[] {
    const rows = this.deps.db
      .prepare(
        `SELECT at, rule, kind, tender, amount, card_masked FROM risk_events
         ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as {
      at: string;
      rule: RiskRule;
      kind: 'sale' | 'refund';
      tender: RiskTender;
      amount: number;
      card_masked: string | null;
    }[];
    return rows.map((row) => ({
      at: row.at,
      rule: row.rule,
      kind: row.kind,
      tender: row.tender,
      amountMinor: row.amount,
      cardMasked: row.card_masked,
    }));
  }

  private takenSince(tender: RiskTender, since: Date): number {
    if (tender === 'qr') return this.deps.authorizations.takenSince('qr', since);
    if (tender === 'card') {
      return this.deps.authorizations.takenSince('swipe', since) + this.chipTakenSince(since);
    }
    const row = this.deps.db
      .prepare(
        `SELECT COALESCE(SUM(t.amount), 0) AS total FROM sale_tenders t
         JOIN sales s ON s.id = t.sale_id WHERE t.method = 'other' AND s.at >= ?`,
      )
      .get(since.toISOString()) as { total: number };
    return row.total;
  }

  /**
   * Chip and tap legs: the terminal authorizes them, so only the committed sales know them
   * (tender detail entryMode 'chip'). Like 'other', a scan of the small `sales` rows; only
   * the period's sales with a card tender have their entry's detail read. A voided sale was
   * reversed on the terminal and no longer counts, as a voided swipe does not.
   */
  private chipTakenSince(since: Date): number {
    return entryReader(this.deps.db).chipCardTakenSince(since.toISOString());
  }
}

/** Local midnight: the shop's day as its clock shows it. */
function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function startOfMonth(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), 1);
}
