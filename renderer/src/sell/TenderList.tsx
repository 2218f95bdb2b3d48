import { useTranslation } from 'react-i18next';
import type { PaymentView } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import { useMoney } from '../common/format';

type Leg = PaymentView['tenders'][number];

const LABEL = {
  cash: 'tender.cash',
  swipe: 'tender.swipe',
  chip: 'tender.chip',
  qr: 'tender.qr',
  other: 'tender.other',
} as const;

const labelOf = (leg: Leg) =>
  leg.method === 'cash'
    ? LABEL.cash
    : leg.method === 'other'
      ? LABEL.other
      : LABEL[leg.entryMode ?? (leg.method === 'qr' ? 'qr' : 'swipe')];

/** The tenders taken so far, the amount paid and the remaining due: always on screen. */
export function TenderList({
  payment,
  currency,
}: {
  payment: PaymentView | null;
  currency: CurrencyCode;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const legs = payment?.tenders ?? [];
  return (
    <section className="tender-list" aria-label={t('tender.taken')} data-testid="pay-tenders">
      {legs.length === 0 ? (
        <p className="muted">{t('tender.none')}</p>
      ) : (
        <ul>
          {legs.map((leg, i) => (
            <li key={`${String(i)}-${leg.authId ?? leg.method}`} data-testid="pay-tender">
              <span>
                {t(labelOf(leg))}
                {leg.cardMasked ? ` ${leg.cardMasked}` : ''}
                {leg.offline === true && (
                  <em className="tender-offline" data-testid="pay-tender-offline">
                    {' '}
                    {t('tender.acceptedOffline')}
                  </em>
                )}
                {leg.reference ? ` ${leg.reference}` : ''}
                {leg.changeMinor > 0
                  ? ` (${t('tender.change', { amount: money(leg.changeMinor, currency) })})`
                  : ''}
              </span>
              <strong>{money(leg.amountMinor, currency)}</strong>
            </li>
          ))}
        </ul>
      )}
      {payment && (
        <div className="tender-sums">
          <span>
            {t('tender.paid')}{' '}
            <strong data-testid="pay-paid">{money(payment.paidMinor, currency)}</strong>
          </span>
          <span>
            {t('tender.remaining')}{' '}
            <strong data-testid="pay-remaining">{money(payment.remainingMinor, currency)}</strong>
          </span>
        </div>
      )}
    </section>
  );
}
