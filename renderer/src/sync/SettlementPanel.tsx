import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementView, SyncStatus } from '@app/api/contract';
import { entryTypes } from '@app/ledger/entry';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import { Dialog } from '../common/Dialog';
import type { Notice } from '../common/notices';
import { useErrorText, useMoney } from '../common/format';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const METHODS = ['cash', 'card', 'qr', 'other'] as const;

/** End of day: close the batch, then the host's verdict, with both sides when they differ. */
export function SettlementPanel({
  status,
  notify,
}: {
  status: SyncStatus;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [settlements, setSettlements] = useState<SettlementView[]>([]);
  const [confirming, setConfirming] = useState(false);

  const readSettlements = useCommand('sync.settlements', { read: true }).run;
  const refresh = useCallback(
    () => void readSettlements({}).then((list) => list && setSettlements(list)),
    [readSettlements],
  );
  // A settlement answer arrives as a status change (pendingSettlements drops).
  useEffect(refresh, [refresh, status.pendingSettlements, status.batchNo]);

  const next = String((Number(status.batchNo) % 999_999) + 1).padStart(6, '0');
  const close = async () => {
    const result = await api.invoke('sync.closeBatch', {});
    setConfirming(false);
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    notify(null);
    refresh();
  };

  return (
    <section className="panel" data-testid="settlements">
      <h2>{t('sync.settle.title')}</h2>
      <div className="form-row">
        <span>{t('sync.settle.current', { batchNo: status.batchNo })}</span>
        <button type="button" onClick={() => setConfirming(true)} data-testid="close-batch">
          {t('sync.settle.close', { batchNo: status.batchNo })}
        </button>
      </div>
      {confirming && (
        <Dialog
          title={t('sync.settle.confirmTitle', { batchNo: status.batchNo })}
          testId="close-dialog"
        >
          <p>{t('sync.settle.confirmText', { next })}</p>
          <div className="form-row">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('sync.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void close()}
              data-testid="close-batch-confirm"
            >
              {t('sync.settle.confirm')}
            </button>
          </div>
        </Dialog>
      )}
      {settlements.length === 0 && <p className="muted">{t('sync.settle.none')}</p>}
      {settlements.map((s) => (
        <SettlementCard key={s.batchNo} settlement={s} />
      ))}
    </section>
  );
}

function SettlementCard({ settlement: s }: { settlement: SettlementView }) {
  const { t } = useTranslation();
  const money = useMoney();
  const host = s.host;
  const rows = [
    ...entryTypes
      .filter((type) => s.terminal.totals[type] ?? host?.totals[type])
      .map((type) => {
        const mine = s.terminal.totals[type] ?? { count: 0, amount: 0 };
        const theirs = host ? (host.totals[type] ?? { count: 0, amount: 0 }) : null;
        const show = (v: { count: number; amount: number }) =>
          `${t('sync.settle.count', { count: v.count })} ${money(v.amount, s.currency)}`;
        return {
          key: type,
          label: t(`sync.type.${type}`),
          terminal: show(mine),
          host: theirs ? show(theirs) : null,
          differs:
            theirs !== null && (theirs.count !== mine.count || theirs.amount !== mine.amount),
        };
      }),
    ...METHODS.filter(
      (m) => s.terminal.byMethod[m] !== undefined || host?.byMethod[m] !== undefined,
    ).map((m) => {
      const mine = s.terminal.byMethod[m] ?? 0;
      const theirs = host ? (host.byMethod[m] ?? 0) : null;
      return {
        key: `method-${m}`,
        label: t(`sync.method.${m}`),
        terminal: money(mine, s.currency),
        host: theirs === null ? null : money(theirs, s.currency),
        differs: theirs !== null && theirs !== mine,
      };
    }),
  ];
  return (
    <article
      className={`settlement settlement-${s.status}`}
      data-testid={`settlement-${s.batchNo}`}
      data-status={s.status}
    >
      <header>
        <strong>{t('sync.settle.batch', { batchNo: s.batchNo })}</strong>{' '}
        <span className="muted">
          {t('sync.settle.closedAt', { time: formatLocalDateTime(s.closedAt, zone) })}
        </span>{' '}
        <span className={`badge badge-${s.status}`}>{t(`sync.settle.status.${s.status}`)}</span>
      </header>
      {s.status === 'unbalanced' && (
        <p className="state-error">{t('sync.settle.unbalancedHelp')}</p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('sync.settle.row')}</th>
            <th className="col-money">{t('sync.settle.terminal')}</th>
            {host && <th className="col-money">{t('sync.settle.host')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.differs ? 'differs' : undefined}>
              <td>
                {row.differs ? '≠ ' : ''}
                {row.label}
              </td>
              <td className="col-money">{row.terminal}</td>
              {host && <td className="col-money">{row.host}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
