import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '@app/display/customer-view';
import { customerViewOfCart } from '@app/display/customer-view';
import { useApi, useEvent } from '../api/api-context';
import { useMoney } from '../common/format';
import { changeLocale } from '../i18n';

/**
 * The window for a monitor facing the customer: the last item and the total while the
 * cashier scans, then "thank you" and the change. Read-only: it sends no commands but reads.
 */
export function CustomerScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const [view, setView] = useState<CustomerView>({ kind: 'welcome' });
  const [shopName, setShopName] = useState('');

  useEffect(() => {
    void api.invoke('cart.get', {}).then((r) => r.ok && setView(customerViewOfCart(r.value)));
    void api.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      setShopName(r.value.shopName);
      void changeLocale(r.value.locale);
    });
  }, [api]);
  useEvent('cart.changed', (cart) => setView(customerViewOfCart(cart)));
  useEvent('sale.committed', (sale) => {
    void api.invoke('sale.get', { saleId: sale.id }).then((r) => {
      if (!r.ok) return;
      const cash = r.value.tenders.find((tender) => tender.method === 'cash');
      setView({
        kind: 'thanks',
        paidMinor: r.value.paidMinor,
        changeMinor: cash?.changeMinor ?? 0,
        currency: r.value.currency,
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
