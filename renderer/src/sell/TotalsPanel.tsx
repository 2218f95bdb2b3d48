import { useTranslation } from 'react-i18next';
import type { CartView, Settings } from '@app/api/contract';
import { rateText, taxClassName } from '@app/tax/tax-class';
import { useMoney } from '../common/format';

export function TotalsPanel({
  cart,
  settings,
}: {
  cart: CartView;
  settings: Pick<Settings, 'taxMode' | 'taxClasses'>;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const { totals } = cart;
  return (
    <dl className="totals" data-testid="totals">
      <div>
        <dt>{t('totals.subtotal')}</dt>
        <dd>{money(totals.subtotalMinor, cart.currency)}</dd>
      </div>
      {totals.discountMinor > 0 && (
        <div>
          <dt>{t('totals.discount')}</dt>
          <dd>−{money(totals.discountMinor, cart.currency)}</dd>
        </div>
      )}
      {totals.taxes.map((tax) => (
        <div key={tax.taxClass} className="totals-tax">
          <dt>
            {t(settings.taxMode === 'inclusive' ? 'totals.taxIncluded' : 'totals.tax', {
              name: taxClassName(settings.taxClasses, tax.taxClass),
              rate: rateText(tax.rateBp),
            })}
          </dt>
          <dd>{money(tax.taxMinor, cart.currency)}</dd>
        </div>
      ))}
      <div className="totals-total">
        <dt>{t('totals.total')}</dt>
        <dd data-testid="total">{money(totals.totalMinor, cart.currency)}</dd>
      </div>
      {cart.cashRoundingMinor !== 0 && (
        <div className="totals-cash">
          <dt>{t('totals.cashDue')}</dt>
          <dd>{money(cart.cashDueMinor, cart.currency)}</dd>
        </div>
      )}
    </dl>
  );
}
