import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '@app/money/currency';
import type { Notice } from '../common/notices';
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
  return (
    <div className="catalog-screen" data-testid="catalog-screen">
      <div className="catalog-head">
        <h1>{t('catalog.title')}</h1>
        <div className="segmented">
          {TABS.map((id) => (
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
      {tab === 'products' && <ProductList currency={currency} notify={notify} />}
      {tab === 'categories' && <CategoriesPanel notify={notify} />}
      {tab === 'import' && <ImportPanel notify={notify} />}
    </div>
  );
}
