import { keepMasked } from '@app/card/mask';
import { tenderFee } from '@app/fees/fee-schedule';
import type { FeeSchedule } from '@app/fees/fee-schedule';
import { DomainError } from '@app/result';
import type { SaleRecord } from '@app/sale/sale';
import type { ZvtClient } from '@native/zvt/zvt-client';
import type { AuthorizationRecord } from '../payments/authorization-store';
import { requireApproved } from '../payments/card-authorizer';
import type { CardAuthorizer } from '../payments/card-authorizer';
import type { TerminalIdentity } from '../terminal/terminal-identity';
import type { PaidBackLeg } from './correction-entry';
import type { StoredCorrection, StoredLeg } from './pending-store';

export interface LegPaybackDeps {
  /** A refund by reference at the host; a void at the host, or of an offline leg not sent. */
  authorizer: {
    refund: CardAuthorizer['authorize'];
    voidApproved(authId: string): Promise<unknown>;
  };
  authorization: (authId: string) => AuthorizationRecord | null;
  terminal: () => ZvtClient | null;
  identity: () => TerminalIdentity;
  fees: () => FeeSchedule;
  now?: () => Date;
}

/**
 * One leg of a void or refund given back the way it was paid: a card or QR payment at the
 * host (void, or refund by reference), a chip payment on the terminal (reversal or refund),
 * cash and "other" by hand. Each card leg carries its own fee, negative.
 */
export class LegPayback {
  constructor(private readonly deps: LegPaybackDeps) {}

  /** Gives one leg back; what the refund's record says of it, or a DomainError saying why not. */
  async payBack(
    correction: StoredCorrection['kind'],
    sale: SaleRecord,
    leg: StoredLeg,
  ): Promise<PaidBackLeg['detail']> {
    const tender = sale.tenders[leg.legIndex];
    if (!tender) throw new Error(`sale ${sale.id} has no tender ${leg.legIndex}`);
    if (leg.method === 'cash' || leg.method === 'other') {
      return tender.method === 'other' && leg.method === 'other'
        ? {
            ...(tender.otherKind ? { otherKind: tender.otherKind } : {}),
            ...(tender.reference ? { reference: tender.reference } : {}),
          }
        : {};
    }
    const withFee = (detail: PaidBackLeg['detail']) => {
      const { kind, feeMinor } = tenderFee(this.deps.fees(), {
        method: leg.method,
        cardType: detail.cardType,
        qrScheme: detail.qrScheme,
        amountMinor: -leg.amountMinor,
      });
      return { ...detail, feeKind: kind, feeMinor };
    };
    if (
      tender.authId !== undefined &&
      (tender.entryMode === 'swipe' || tender.entryMode === 'qr')
    ) {
      if (correction === 'void') {
        // Idempotent: a leg voided before a crash or a failed sibling is not asked again.
        if (this.deps.authorization(tender.authId)?.status !== 'voided') {
          await this.deps.authorizer.voidApproved(tender.authId);
        }
        return withFee(sameCard(tender));
      }
      const outcome = await this.deps.authorizer.refund({
        kind: 'refund',
        amount: leg.amountMinor,
        currency: sale.currency,
        batchNo: this.deps.identity().batchNo,
        means: { entryMode: tender.entryMode, byReference: true },
        refAuthId: tender.authId,
        saleAt: new Date(sale.at),
      });
      const { record, answer } = requireApproved(outcome);
      return withFee({
        ...sameCard(tender),
        authId: record.authId,
        refAuthId: tender.authId,
        batchNo: record.batchNo,
        traceNo: record.traceNo,
        authCode: answer.authCode,
        rrn: answer.rrn,
        cardMasked: keepMasked(answer.cardMasked) ?? tender.cardMasked,
        cardBrand: answer.cardBrand,
        cardType: answer.cardType,
        authorizedAt: this.now(),
      });
    }
    if (tender.entryMode === 'chip') {
      const client = this.deps.terminal();
      if (client === null) {
        throw new DomainError('terminal_not_connected', 'No payment terminal is connected');
      }
      if (correction === 'void') {
        if (tender.terminalReceiptNo === undefined) {
          throw new DomainError('void_not_possible', 'The terminal gave no receipt number');
        }
        const result = await client.reverse(tender.terminalReceiptNo);
        if (!result.ok) throw new DomainError('void_not_possible', result.error.message.en);
        return withFee(sameCard(tender));
      }
      const result = await client.refund(leg.amountMinor);
      if (!result.ok) {
        throw new DomainError('payment_declined', result.error.message.en, {
          responseCode: result.error.code,
          message: result.error.message.en,
        });
      }
      const { info } = result.value;
      return withFee({
        ...sameCard(tender),
        ...(info.receiptNo === undefined ? {} : { terminalReceiptNo: info.receiptNo }),
        ...(info.trace === undefined ? {} : { traceNo: info.trace }),
        ...(info.aid === undefined ? {} : { authCode: info.aid }),
        ...(keepMasked(info.maskedPan) === null
          ? {}
          : { cardMasked: keepMasked(info.maskedPan) ?? '' }),
        authorizedAt: this.now(),
      });
    }
    throw new DomainError('void_not_possible', `Tender ${leg.legIndex} cannot be paid back`);
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

/** The card or wallet the sale charged, as the refund's record names it. */
function sameCard(tender: SaleRecord['tenders'][number]): PaidBackLeg['detail'] {
  return {
    ...(tender.entryMode ? { entryMode: tender.entryMode } : {}),
    ...(tender.cardMasked ? { cardMasked: tender.cardMasked } : {}),
    ...(tender.cardBrand ? { cardBrand: tender.cardBrand } : {}),
    ...(tender.cardType ? { cardType: tender.cardType } : {}),
    ...(tender.qrScheme ? { qrScheme: tender.qrScheme } : {}),
    ...(tender.authId ? { refAuthId: tender.authId } : {}),
  };
}
