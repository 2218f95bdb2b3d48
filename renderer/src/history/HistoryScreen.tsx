import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleSummary } from '@app/sale/sale';
import type { SaleRecord } from '@app/sale/sale';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi, useEvent } from '../api/api-context';
import type { Notice } from '../common/ErrorBanner';
import { useErrorText, useMoney } from '../common/format';

const PAGE = 50;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Committed sales from the ledger, newest first, with a detail view and reprint. */
export function HistoryScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const [sales, setSales] = useState<SaleSummary[]>([]);
  const [more, setMore] = useState(false);
  const [open, setOpen] = useState<SaleRecord | null>(null);

  const [refreshed, setRefreshed] = useState(0);
  const load = useCallback(
    (beforeSeq?: number) =>
      api
        .invoke('sale.list', beforeSeq === undefined ? { limit: PAGE } : { limit: PAGE, beforeSeq })
        .then((result) => {
          if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
          setSales((current) =>
            beforeSeq === undefined ? result.value : [...current, ...result.value],
          );
          setMore(result.value.length === PAGE);
        }),
    [api, notify, errorText],
  );
  useEffect(() => {
    void load();
  }, [load, refreshed]);
  useEvent('sale.committed', () => setRefreshed((n) => n + 1));

  const show = async (id: string) => {
    const result = await api.invoke('sale.get', { saleId: id });
    if (result.ok) setOpen(result.value);
    else notify({ kind: 'error', text: errorText(result.error) });
  };
  const reprint = async (id: string) => {
    const result = await api.invoke('printer.reprint', { saleId: id });
    notify(result.ok ? null : { kind: 'error', text: errorText(result.error) });
  };

  return (
    <div className="history">
      <section className="history-list">
        <h1>{t('history.title')}</h1>
        {sales.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <table className="table" data-testid="history">
            <thead>
              <tr>
                <th>{t('history.receipt')}</th>
                <th>{t('history.time')}</th>
                <th className="col-money">{t('history.items')}</th>
                <th className="col-money">{t('history.total')}</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((s) => (
                <tr
                  key={s.id}
                  onClick={() => void show(s.id)}
                  className={open?.id === s.id ? 'selected' : ''}
                  data-testid="history-row"
                >
                  <td>{String(s.seq).padStart(6, '0')}</td>
                  <td>{formatLocalDateTime(s.at, zone)}</td>
                  <td className="col-money">{s.itemCount}</td>
                  <td className="col-money">{money(s.paidMinor, s.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more && (
          <button type="button" className="secondary" onClick={() => void load(sales.at(-1)?.seq)}>
            {t('history.more')}
          </button>
        )}
      </section>
      {open && (
        <section className="history-detail" data-testid="sale-detail">
          <h2>
            {t('history.receipt')} {String(open.seq).padStart(6, '0')}
          </h2>
          <p className="muted">{formatLocalDateTime(open.at, zone)}</p>
          <table className="table">
            <tbody>
              {open.lines.map((line) => (
                <tr key={line.lineId}>
                  <td>{i18n.language === 'zh-CN' ? line.nameZh : line.nameEn}</td>
                  <td className="col-money">× {line.quantity}</td>
                  <td className="col-money">{money(line.netMinor, open.currency)}</td>
                </tr>
              ))}
              <tr className="bold">
                <td>{t('totals.total')}</td>
                <td />
                <td className="col-money">{money(open.paidMinor, open.currency)}</td>
              </tr>
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => void reprint(open.id)}>
            {t('history.reprint')}
          </button>
        </section>
      )}
    </div>
  );
}
