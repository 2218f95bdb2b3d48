import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '@app/catalog/product';
import type { CurrencyCode } from '@app/money/currency';
import type { Result } from '@app/result';
import { useApi, useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText, useMoney } from '../common/format';
import { ProductForm } from './ProductForm';

const PAGE = 50;

/** Products by SKU, a page at a time, or those matching a search; one category or all. */
export function ProductList({
  currency,
  notify,
}: {
  currency: CurrencyCode;
  notify: (notice: Notice | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const categories = useQuery('catalog.categories', {}, ['catalog.changed']).data ?? [];
  const [products, setProducts] = useState<Product[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const zh = i18n.language === 'zh-CN';

  useEvent('catalog.changed', () => setVersion((v) => v + 1));

  // Each read takes a ticket; an answer to an older search (slower than the newer one) is dropped.
  const latest = useRef(0);
  const load = async (afterSku: string, append: boolean) => {
    const ticket = ++latest.current;
    const result = await api.invoke('catalog.list', {
      limit: PAGE,
      afterSku,
      ...(query.trim() === '' ? {} : { query }),
      ...(categoryId === '' ? {} : { categoryId }),
    });
    if (ticket !== latest.current) return;
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setProducts((current) =>
      append ? [...current, ...result.value.products] : result.value.products,
    );
    setHasMore(result.value.hasMore);
  };
  useEffect(() => {
    const timer = setTimeout(() => void load('', false), 150);
    return () => clearTimeout(timer);
    // load reads query and categoryId; it is rebuilt on each render, so it is not a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, categoryId, version]);

  const run = async (call: Promise<Result<Product>>) => {
    const result = await call;
    if (!result.ok) notify({ kind: 'error', text: errorText(result.error) });
    else notify(null);
  };
  const categoryName = (id: string | null) => {
    const found = categories.find((c) => c.id === id);
    return found ? (zh ? found.nameZh : found.nameEn) : '—';
  };

  return (
    <div className="panel catalog-products">
      <div className="form-row">
        <input
          className="catalog-search"
          value={query}
          placeholder={t('catalog.search')}
          aria-label={t('catalog.search')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="catalog-search"
        />
        <select
          value={categoryId}
          onChange={(e) => setCategoryId(e.target.value)}
          aria-label={t('catalog.category')}
          data-testid="catalog-category-filter"
        >
          <option value="">{t('catalog.allCategories')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {zh ? c.nameZh : c.nameEn}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          onClick={() => setEditing('new')}
          data-testid="catalog-new"
        >
          + {t('catalog.newProduct')}
        </button>
      </div>
      <table className="table" data-testid="catalog-table">
        <thead>
          <tr>
            <th>{t('catalog.field.sku')}</th>
            <th>{t('catalog.field.name')}</th>
            <th>{t('catalog.field.barcode')}</th>
            <th>{t('catalog.category')}</th>
            <th className="col-money">{t('catalog.field.price')}</th>
            <th>{t('catalog.field.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr
              key={p.id}
              onClick={() => setEditing(p)}
              className={p.active ? '' : 'inactive'}
              data-testid="catalog-row"
            >
              <td>{p.sku}</td>
              <td>
                <div>{zh ? p.nameZh : p.nameEn}</div>
                <div className="muted">{zh ? p.nameEn : p.nameZh}</div>
              </td>
              <td>{p.barcode || (p.plu ? `PLU ${p.plu}` : '—')}</td>
              <td>{categoryName(p.categoryId)}</td>
              <td className="col-money">
                {money(p.priceMinor, currency)}
                {p.unit === 'kg' ? '/kg' : ''}
              </td>
              <td>{p.active ? t('catalog.active') : t('catalog.inactive')}</td>
              <td>
                <button
                  type="button"
                  className="ghost"
                  aria-pressed={p.favourite}
                  aria-label={t('grid.favourite')}
                  onClick={(e) => {
                    e.stopPropagation();
                    void run(
                      api.invoke('catalog.setFavourite', {
                        productId: p.id,
                        favourite: !p.favourite,
                      }),
                    );
                  }}
                >
                  {p.favourite ? '★' : '☆'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {products.length === 0 && <p className="muted">{t('catalog.none')}</p>}
      {hasMore && (
        <button
          type="button"
          className="secondary"
          onClick={() => void load(products.at(-1)?.sku ?? '', true)}
        >
          {t('history.more')}
        </button>
      )}
      {editing && (
        <ProductForm
          product={editing === 'new' ? null : editing}
          categories={categories}
          currency={currency}
          notify={notify}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
