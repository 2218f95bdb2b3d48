import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '@app/api/contract';
import type { PendingCorrection } from '@app/api/correction-schemas';
import type { ErrorCode } from '@app/errors';
import type { CurrencyCode } from '@app/money/currency';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useErrorText, useMoney } from '../common/format';

export type CorrectionDone = CommandOutput<'sale.refund'>;
export type CorrectionLeg = PendingCorrection['legs'][number];

/**
 * Why a sale cannot be voided or refunded, in words. The view carries the code alone, so the
 * refusals whose error message needs a parameter (the refund window's days) get their own.
 */
export function useRefusalText(): (code: ErrorCode) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (code: ErrorCode) => {
      if (code === 'already_settled') return t('correction.refusal.settled');
      if (code === 'risk_refund_too_late') return t('correction.refusal.tooLate');
      return errorText({ code, message: code });
    },
    [t, errorText],
  );
}

const legErrors = ['payment_not_completed', 'payment_declined', 'terminal_not_connected'] as const;
const hasLegText = (code: ErrorCode): code is (typeof legErrors)[number] =>
  (legErrors as readonly ErrorCode[]).includes(code);

/**
 * Why a leg could not pay back. The sale's payment messages end in "take another tender",
 * wrong for money going back, so the common ones have their own words here.
 */
export function useLegErrorText(): (error: NonNullable<CorrectionLeg['error']>) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) =>
    hasLegText(error.code)
      ? t(`correction.legError.${error.code}`, { ...error.params })
      : errorText({ ...error, message: error.code });
}

/** "Card 411111******1111 · ¥12.00": one tender paying back. */
export function useLegText(): (leg: CorrectionLeg, currency: CurrencyCode) => string {
  const { t } = useTranslation();
  const money = useMoney();
  return (leg, currency) =>
    [t(`correction.method.${leg.method}`), leg.cardMasked, money(leg.amountMinor, currency)]
      .filter(Boolean)
      .join(' · ');
}

/** What the cashier is told when a void or refund is committed: the amount and cash to hand back. */
export function useDoneText(): (
  done: CorrectionDone,
  seq: number,
  currency: CurrencyCode,
) => string {
  const { t } = useTranslation();
  const money = useMoney();
  return (done, seq, currency) => {
    const amount = money(done.amountMinor, currency);
    const head = t(done.kind === 'void' ? 'correction.done.void' : 'correction.done.refund', {
      amount,
      no: receiptNumber(seq),
    });
    const cash =
      done.cashMinor > 0
        ? t('correction.done.cash', { amount: money(done.cashMinor, currency) })
        : t('correction.done.noCash');
    return `${head} ${cash}`;
  };
}
