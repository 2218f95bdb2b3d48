import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '@app/display/customer-view';
import { customerViewOfCart } from '@app/display/customer-view';
import { useEvent } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import { useQuery } from '../api/useQuery';
import { useMoney } from '../common/format';
import { changeLocale } from '../i18n';

/**
 * The window for a monitor facing the customer: the last item and the total while the
 * cashier scans, then "thank you" and the change. Read-only: it sends no commands but reads.
 */
export function CustomerScreen() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  // What failed to load is said in this window's notice area; the welcome stays meanwhile.
  const cart = useQuery('cart.get', {});
  const settings = useQuery('settings.get', {});
  const getSale = useCommand('sale.get', { read: true });
  const [shown, setView] = useState<CustomerView | null>(null);
  const view = shown ?? (cart.data ? customerViewOfCart(cart.data) : { kind: 'welcome' });
  const shopName = settings.data?.shopName ?? '';
  const locale = settings.data?.locale;
  useEffect(() => {
    if (locale) void changeLocale(locale);
  }, [locale]);
  useEvent('cart.changed', (next) => setView(customerViewOfCart(next)));
  useEvent('sale.committed', (sale) => {
    void getSale.run({ saleId: sale.id }).then((done) => {
      if (!done) return;
      const cash = done.tenders.find((tender) => tender.method === 'cash');
      setView({
        kind: 'thanks',
        paidMinor: done.paidMinor,
        changeMinor: cash?.changeMinor ?? 0,
        currency: done.currency,
      });
    });
  });

  return (
    <div className="customer-screen" data-testid="customer-screen" data-kind={view.kind}>
      {view.kind === 'welcome' && (
        <>
          <p className="customer-big">{shopName}</p>
          <p className="customer-small">{t('customer.welcome')}</p>
        </>
      )}
      {view.kind === 'item' && (
        <>
          <p className="customer-small">
            {i18n.language === 'zh-CN' ? view.nameZh : view.nameEn}
            {view.quantity > 1 ? ` × ${String(view.quantity)}` : ''}{' '}
            {money(view.lineMinor, view.currency)}
          </p>
          <p className="customer-label">{t('customer.total')}</p>
          <p className="customer-big" data-testid="customer-total">
            {money(view.totalMinor, view.currency)}
          </p>
        </>
      )}
      {view.kind === 'thanks' && (
        <>
          <p className="customer-big">{t('customer.thanks')}</p>
          <p className="customer-label">{t('customer.change')}</p>
          <p className="customer-big" data-testid="customer-change">
            {money(view.changeMinor, view.currency)}
          </p>
        </>
      )}
    </div>
  );
}
