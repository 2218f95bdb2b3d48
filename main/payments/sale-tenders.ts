import { keepMasked } from '@app/card/mask';
import { tenderFee } from '@app/fees/fee-schedule';
import type { FeeSchedule } from '@app/fees/fee-schedule';
import { DomainError } from '@app/result';
import type { SaleTender } from '@app/sale/sale';
import type { StatusInformation } from '@native/zvt/pt-messages';
import type { ZvtFailure } from '@native/zvt/results';
import { requireApproved } from './card-authorizer';
import type { AuthorizationOutcome, PaymentMeans } from './card-authorizer';

/** Who the acquirer knows the shop as: the host binding (upstream-sync-v1 "Identities"). */
export interface MerchantIdentity {
  merchantId: string;
  merchantName: string;
  terminalId: string;
}

/** The merchant's fee on a tender, in integer minor units (the owner's fee schedule). */
export function withTenderFee(fees: FeeSchedule, tender: SaleTender): SaleTender {
  const { kind, feeMinor } = tenderFee(fees, {
    method: tender.method,
    cardType: tender.cardType,
    qrScheme: tender.qrScheme,
    amountMinor: tender.amountMinor,
  });
  return { ...tender, feeKind: kind, feeMinor };
}

/** A swipe or QR payment the host approved, as the sale's tender; otherwise the error. */
export function hostTender(
  outcome: AuthorizationOutcome,
  means: PaymentMeans,
  merchant: MerchantIdentity | null,
  authorizedAt: string,
): SaleTender {
  const { record, answer } = requireApproved(outcome);
  const cardMasked = keepMasked(answer.cardMasked);
  const qrScheme =
    means.entryMode === 'qr'
      ? ('qrCode' in means && means.qrCode.startsWith('28')) || answer.cardType === 'wallet'
        ? ('wallet' as const)
        : ('unionpay' as const)
      : undefined;
  return {
    method: means.entryMode === 'swipe' ? 'card' : 'qr',
    amountMinor: record.amount,
    tenderedMinor: record.amount,
    changeMinor: 0,
    entryMode: means.entryMode,
    authId: record.authId,
    batchNo: record.batchNo,
    traceNo: record.traceNo,
    authCode: answer.authCode,
    rrn: answer.rrn,
    ...(cardMasked === null ? {} : { cardMasked }),
    cardBrand: answer.cardBrand,
    cardType: answer.cardType,
    ...(qrScheme === undefined ? {} : { qrScheme }),
    ...(merchant === null
      ? {}
      : {
          merchantName: merchant.merchantName,
          merchantId: merchant.merchantId,
          acquirerTerminalId: merchant.terminalId,
        }),
    authorizedAt,
    signatureRequired: means.entryMode === 'swipe',
  };
}

/** A chip or tap payment the terminal approved, from its status information (04 0F). */
export function chipTender(
  info: StatusInformation,
  sale: {
    amountMinor: number;
    batchNo: string;
    merchant: MerchantIdentity | null;
    authorizedAt: string;
  },
): SaleTender {
  const cardMasked = keepMasked(info.maskedPan);
  const { merchant } = sale;
  return {
    method: 'card',
    amountMinor: sale.amountMinor,
    tenderedMinor: sale.amountMinor,
    changeMinor: 0,
    entryMode: 'chip',
    ...(info.receiptNo === undefined ? {} : { terminalReceiptNo: info.receiptNo }),
    batchNo: sale.batchNo,
    ...(info.trace === undefined ? {} : { traceNo: info.trace }),
    // ZVT BMP 3B, the authorisation attribute: the issuer's approval code.
    ...(info.aid === undefined ? {} : { authCode: info.aid }),
    ...(cardMasked === null ? {} : { cardMasked }),
    ...(info.cardName === undefined ? {} : { cardBrand: info.cardName }),
    ...(merchant === null ? {} : { merchantName: merchant.merchantName }),
    // ZVT BMP 2A, the VU number: the acquirer's merchant ID for this terminal.
    ...(info.vuNumber === undefined ? {} : { merchantId: info.vuNumber }),
    ...(info.terminalId === undefined ? {} : { acquirerTerminalId: info.terminalId }),
    authorizedAt: sale.authorizedAt,
    signatureRequired: false,
  };
}

/** Why the terminal did not approve, as the cashier's error. */
export function chipRefusal(error: ZvtFailure): DomainError {
  if (error.code === 'declined' || error.code === 'cancelled') {
    return new DomainError('payment_declined', error.message.en, {
      responseCode: error.code === 'declined' ? String(error.resultCode) : '',
      message: error.message.en,
    });
  }
  if (error.code === 'busy') return new DomainError('payment_busy', error.message.en);
  return new DomainError('payment_not_completed', error.message.en, {
    reason: error.message.en,
  });
}
