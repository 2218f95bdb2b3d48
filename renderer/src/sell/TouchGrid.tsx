import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '@app/catalog/product';
import type { CurrencyCode } from '@app/money/currency';
import { useQuery } from '../api/useQuery';
import { useMoney } from '../common/format';

/** Products on one page of the grid: five rows of three large buttons. */
export const GRID_PAGE = 15;
const FAVOURITES = 'favourites';

interface Props {
  currency: CurrencyCode;
  onPick: (product: Product) => void;
}

/**
 * The cashier's touch grid beside the scan field: category buttons in the owner's colours
 * and order (favourites first), a page of product buttons, favourites first in each. Pages
 * come from main a screenful at a time, so a million products cost the same as a hundred.
 */
export function TouchGrid({ currency, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const [category, setCategory] = useState(FAVOURITES);
  const [offset, setOffset] = useState(0);
  const categories = useQuery('catalog.categories', {}, ['catalog.changed']).data ?? [];
  // A slow page for a category tapped before does not replace the one tapped last.
  const page = useQuery('catalog.grid', { categoryId: category, offset, limit: GRID_PAGE }, [
    'catalog.changed',
  ]).data;
  const zh = i18n.language === 'zh-CN';

  const choose = (id: string) => {
    setCategory(id);
    setOffset(0);
  };
  const tabs = [
    { id: FAVOURITES, name: t('grid.favourites'), colour: '#fde68a' },
    ...categories.map((c) => ({ id: c.id, name: zh ? c.nameZh : c.nameEn, colour: c.colour })),
  ];
  const colour = tabs.find((tab) => tab.id === category)?.colour ?? '#e2e8f0';

  return (
    <section className="grid-panel" aria-label={t('grid.title')}>
      <div className="grid-categories" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === category}
            className={tab.id === category ? 'grid-category active' : 'grid-category'}
            style={{ background: tab.colour }}
            onClick={() => choose(tab.id)}
            data-testid={`grid-category-${tab.id}`}
          >
            {tab.name}
          </button>
        ))}
      </div>
      <div className="grid-products" data-testid="grid-products">
        {page?.products.length === 0 && <div className="muted">{t('grid.empty')}</div>}
        {page?.products.map((p) => (
          <button
            key={p.id}
            type="button"
            className="grid-product"
            style={{ borderColor: colour }}
            onClick={() => onPick(p)}
            data-testid="grid-product"
            data-sku={p.sku}
          >
            <span className="grid-product-name">
              {p.favourite && <span aria-label={t('grid.favourite')}>★ </span>}
              {zh ? p.nameZh : p.nameEn}
            </span>
            <span className="grid-product-price">
              {money(p.priceMinor, currency)}
              {p.unit === 'kg' ? '/kg' : ''}
            </span>
          </button>
        ))}
      </div>
      <div className="grid-pager">
        <button
          type="button"
          className="secondary"
          disabled={offset === 0}
          onClick={() => setOffset((o) => Math.max(0, o - GRID_PAGE))}
          data-testid="grid-prev"
        >
          ‹ {t('grid.prev')}
        </button>
        <span className="muted">{t('grid.page', { n: offset / GRID_PAGE + 1 })}</span>
        <button
          type="button"
          className="secondary"
          disabled={!page?.hasMore}
          onClick={() => setOffset((o) => o + GRID_PAGE)}
          data-testid="grid-next"
        >
          {t('grid.next')} ›
        </button>
      </div>
    </section>
  );
}
