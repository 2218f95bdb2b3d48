import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '@app/money/currency';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { CategoriesPanel } from './CategoriesPanel';
import { ImportPanel } from './ImportPanel';
import { ProductList } from './ProductList';

type Tab = 'products' | 'categories' | 'import';
const TABS: Tab[] = ['products', 'categories', 'import'];

/** The owner's and manager's catalog: products, grid categories, CSV import and export. */
export function CatalogScreen({
  currency,
  notify,
}: {
  currency: CurrencyCode;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('products');
  const errorText = useErrorText();
  const sync = useQuery('catalog.syncState', {}, ['catalog.changed']).data;
  const managed = sync?.managed === true;
  // While the back office manages the catalog, products come from there: no import here.
  const tabs = managed ? TABS.filter((id) => id !== 'import') : TABS;
  return (
    <div className="catalog-screen" data-testid="catalog-screen">
      <div className="catalog-head">
        <h1>{t('catalog.title')}</h1>
        <div className="segmented">
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              className={id === tab ? 'active' : ''}
              onClick={() => setTab(id)}
              data-testid={`catalog-tab-${id}`}
            >
              {t(`catalog.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      {managed && (
        <p className="muted" data-testid="catalog-managed">
          {t('catalog.managed', { version: sync.version ?? '—' })}
          {sync.lastError !== null && (
            <> {errorText({ code: sync.lastError.code, message: sync.lastError.code })}</>
          )}
        </p>
      )}
      {tab === 'products' && <ProductList currency={currency} notify={notify} />}
      {tab === 'categories' && <CategoriesPanel notify={notify} />}
      {tab === 'import' && !managed && <ImportPanel notify={notify} />}
    </div>
  );
}
