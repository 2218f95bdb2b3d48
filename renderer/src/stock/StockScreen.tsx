import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '@app/api/contract';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import '../sell/selling.css';

/**
 * Stock of tracked products (owner, manager): what is on hand, what is low, and a count
 * form. A count records who counted, why and how many; it never overwrites a number.
 */
export function StockScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [lowOnly, setLowOnly] = useState(false);
  const [rows, setRows] = useState<StockRow[] | null>(null);
  const [counting, setCounting] = useState<StockRow | null>(null);
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const [threshold, setThreshold] = useState('');

  const load = useCallback(() => {
    void api.invoke('stock.list', { lowOnly }).then((r) => {
      if (r.ok) setRows(r.value);
      else notify({ kind: 'error', text: errorText(r.error) });
    });
  }, [api, lowOnly, notify, errorText]);
  useEffect(load, [load]);

  const save = async (row: StockRow) => {
    if (!/^\d{1,9}$/.test(counted)) {
      notify({ kind: 'error', text: t('stock.invalidCount') });
      return;
    }
    const result = await api.invoke('stock.adjust', {
      productId: row.productId,
      counted: Number(counted),
      reason,
    });
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return;
    }
    notify({ kind: 'info', text: t('stock.saved', { sku: row.sku, onHand: result.value.onHand }) });
    setCounting(null);
    setCounted('');
    setReason('');
    load();
  };

  const saveThreshold = async () => {
    if (!/^\d{1,9}$/.test(threshold)) {
      notify({ kind: 'error', text: t('stock.invalidCount') });
      return;
    }
    const result = await api.invoke('stock.setThreshold', { threshold: Number(threshold) });
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return;
    }
    setThreshold('');
    load();
  };

  return (
    <div className="stock-screen" data-testid="stock-screen">
      <h1>{t('stock.title')}</h1>
      <div className="stock-toolbar">
        <label>
          <input
            type="checkbox"
            checked={lowOnly}
            onChange={(e) => setLowOnly(e.target.checked)}
            data-testid="stock-low-only"
          />{' '}
          {t('stock.lowOnly')}
        </label>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveThreshold();
          }}
        >
          <label>
            {t('stock.defaultThreshold')}
            <input
              type="number"
              min={0}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              data-testid="stock-default-threshold"
            />
          </label>
          <button type="submit" className="secondary" data-testid="stock-threshold-save">
            {t('stock.setThreshold')}
          </button>
        </form>
      </div>
      {rows?.length === 0 && <p className="muted">{t('stock.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table" data-testid="stock-table">
          <thead>
            <tr>
              <th>{t('stock.sku')}</th>
              <th>{t('stock.name')}</th>
              <th className="col-money">{t('stock.onHand')}</th>
              <th className="col-money">{t('stock.threshold')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.productId} className={row.low ? 'low' : ''} data-testid="stock-row">
                <td>{row.sku}</td>
                <td>
                  {i18n.language === 'zh-CN' ? row.nameZh : row.nameEn}
                  {row.low && <strong className="danger"> · {t('stock.low')}</strong>}
                </td>
                <td className="col-money">
                  {row.onHand}
                  {row.unit === 'kg' ? ' g' : ''}
                </td>
                <td className="col-money">{row.threshold}</td>
                <td>
                  {counting?.productId === row.productId ? (
                    <form
                      className="row-actions"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void save(row);
                      }}
                    >
                      <input
                        autoFocus
                        required
                        inputMode="numeric"
                        aria-label={row.unit === 'kg' ? t('stock.countedKg') : t('stock.counted')}
                        placeholder={row.unit === 'kg' ? t('stock.countedKg') : t('stock.counted')}
                        value={counted}
                        onChange={(e) => setCounted(e.target.value)}
                        data-testid="stock-counted"
                      />
                      <input
                        required
                        maxLength={120}
                        aria-label={t('stock.reason')}
                        placeholder={t('stock.reason')}
                        value={reason}
                        onChange={(e) => setReason(e.target.value)}
                        data-testid="stock-reason"
                      />
                      <button type="submit" className="primary" data-testid="stock-save">
                        {t('stock.save')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setCounting(null)}>
                        {t('selling.cancel')}
                      </button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setCounting(row)}
                      data-testid="stock-count"
                    >
                      {t('stock.count')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
