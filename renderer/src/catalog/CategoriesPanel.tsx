import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '@app/api/contract';
import type { Result } from '@app/result';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

/** The grid's categories: names in both languages, button colour and order. */
export function CategoriesPanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [rows, setRows] = useState<CategoryView[]>([]);

  // The saved categories seed the rows being edited; a failed read is said, not skipped.
  const read = useCommand('catalog.categories', { read: true }).run;
  useEffect(() => {
    void read({}).then((saved) => saved && setRows(saved));
  }, [read]);

  const run = async (call: Promise<Result<CategoryView[]>>) => {
    const result = await call;
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setRows(result.value);
    notify({ kind: 'info', text: t('catalog.categoriesSaved') });
  };
  const change = (i: number, patch: Partial<CategoryView>) =>
    setRows((current) => current.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const add = () =>
    setRows((current) => [
      ...current,
      {
        id: '',
        nameEn: '',
        nameZh: '',
        colour: '#e2e8f0',
        sortOrder: Math.max(0, ...current.map((c) => c.sortOrder)) + 10,
      },
    ]);
  // Moving a row swaps its order number with its neighbour's.
  const move = (i: number, by: -1 | 1) =>
    setRows((current) => {
      const a = current[i];
      const b = current[i + by];
      if (!a || !b) return current;
      const next = [...current];
      next[i] = { ...b, sortOrder: a.sortOrder };
      next[i + by] = { ...a, sortOrder: b.sortOrder };
      return next;
    });

  return (
    <div className="panel" data-testid="categories-panel">
      <table className="table categories-table">
        <thead>
          <tr>
            <th>{t('catalog.field.code')}</th>
            <th>{t('catalog.field.nameEn')}</th>
            <th>{t('catalog.field.nameZh')}</th>
            <th>{t('catalog.field.colour')}</th>
            <th>{t('catalog.field.order')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input
                  value={row.id}
                  maxLength={16}
                  onChange={(e) => change(i, { id: e.target.value.toUpperCase() })}
                  aria-label={t('catalog.field.code')}
                />
              </td>
              <td>
                <input
                  value={row.nameEn}
                  onChange={(e) => change(i, { nameEn: e.target.value })}
                  aria-label={t('catalog.field.nameEn')}
                />
              </td>
              <td>
                <input
                  value={row.nameZh}
                  onChange={(e) => change(i, { nameZh: e.target.value })}
                  aria-label={t('catalog.field.nameZh')}
                />
              </td>
              <td>
                <input
                  type="color"
                  value={row.colour}
                  onChange={(e) => change(i, { colour: e.target.value })}
                  aria-label={t('catalog.field.colour')}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="ghost"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label="↑"
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="ghost"
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label="↓"
                >
                  ↓
                </button>
              </td>
              <td>
                <button
                  type="button"
                  className="ghost danger"
                  aria-label={t('cart.remove')}
                  onClick={() =>
                    row.id === ''
                      ? setRows((current) => current.filter((_, j) => j !== i))
                      : void run(api.invoke('catalog.deleteCategory', { categoryId: row.id }))
                  }
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <button type="button" className="secondary" onClick={add}>
          + {t('catalog.addCategory')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={rows.length === 0}
          onClick={() => void run(api.invoke('catalog.saveCategories', { categories: rows }))}
          data-testid="categories-save"
        >
          {t('catalog.save')}
        </button>
      </div>
    </div>
  );
}
