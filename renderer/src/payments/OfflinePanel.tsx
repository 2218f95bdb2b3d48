import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfflineView } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import { parseDecimal, toDecimalString } from '@app/money/format';
import type { OfflineSettings } from '@app/payments/offline-rules';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi, useEvent } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useMoney } from '../common/format';
import { useEditableView } from '../common/useEditableView';
import { receiptNumber } from '@app/receipt/receipt-number';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Draft {
  enabled: boolean;
  perSale: string;
  total: string;
  count: string;
}

const draftOf = (s: OfflineSettings, currency: CurrencyCode): Draft => ({
  enabled: s.enabled,
  perSale: toDecimalString(s.perSaleCapMinor, currency),
  total: toDecimalString(s.totalCapMinor, currency),
  count: String(s.countCap),
});

/** The draft as settings, or null where a field does not parse (or a cap is 0 while on). */
function settingsOf(draft: Draft, currency: CurrencyCode): OfflineSettings | null {
  const perSale = parseDecimal(draft.perSale.trim() || '0', currency);
  const total = parseDecimal(draft.total.trim() || '0', currency);
  const count = /^\d{1,5}$/.test(draft.count.trim() || '0')
    ? Number(draft.count.trim() || '0')
    : null;
  if (perSale === null || total === null || count === null) return null;
  if (perSale < 0 || total < 0 || count > 10_000) return null;
  if (draft.enabled && (perSale === 0 || total === 0 || count === 0)) return null;
  return {
    enabled: draft.enabled,
    perSaleCapMinor: perSale,
    totalCapMinor: total,
    countCap: count,
  };
}

/**
 * Issue #6 "Offline" on the owner's risk screen: whether the till may approve swipes while the
 * host is unreachable and within which caps, what waits to be forwarded, and the worklist of
 * offline payments the host declined or that expired, each to be marked resolved (audited).
 */
export function OfflinePanel({
  currency,
  notify,
}: {
  currency: CurrencyCode;
  notify: (n: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const load = useCallback(() => api.invoke('offline.get', {}), [api]);
  const toDraft = useCallback((v: OfflineView) => draftOf(v.settings, currency), [currency]);
  const { view, draft, setDraft, act, refresh } = useEditableView(load, toDraft, notify);
  useEvent('offline.changed', refresh);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const save = () => {
    const settings = draft && settingsOf(draft, currency);
    if (!settings) return notify({ kind: 'error', text: t('offline.invalid') });
    void act(api.invoke('offline.setSettings', settings), t('offline.saved'));
  };
  const resolve = (authId: string) => {
    const note = (notes[authId] ?? '').trim();
    if (note === '') return notify({ kind: 'error', text: t('offline.noteRequired') });
    void act(api.invoke('offline.resolve', { authId, note }));
  };
  if (!view || !draft) return null;
  const field = (key: 'perSale' | 'total' | 'count', label: string, testId: string) => (
    <label>
      {label}
      <input
        value={draft[key]}
        inputMode={key === 'count' ? 'numeric' : 'decimal'}
        data-testid={testId}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <>
      <section className="panel offline-panel" data-testid="offline-panel">
        <h2>{t('offline.title')}</h2>
        <p className="muted">{t('offline.hint')}</p>
        <div className="form-row">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.enabled}
              data-testid="offline-enabled"
              onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
            />
            {t('offline.enabled')}
          </label>
        </div>
        <div className="form-row">
          {field('perSale', t('offline.perSaleCap'), 'offline-per-sale')}
          {field('total', t('offline.totalCap'), 'offline-total')}
          {field('count', t('offline.countCap'), 'offline-count')}
        </div>
        <button type="button" className="primary" onClick={save} data-testid="offline-save">
          {t('offline.save')}
        </button>
        <p data-testid="offline-pending">
          <strong>
            {t('offline.pending', {
              count: view.pending.count,
              total: money(view.pending.totalMinor, currency),
            })}
          </strong>
        </p>
        {view.pending.oldestAt !== null && (
          <p className="muted">
            {t('offline.oldest', { at: formatLocalDateTime(view.pending.oldestAt, zone) })}
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{t('offline.worklist')}</h2>
        <p className="muted">{t('offline.worklistHint')}</p>
        {view.worklist.length === 0 && <p className="muted">{t('offline.noWorklist')}</p>}
        {view.worklist.length > 0 && (
          <table className="table" data-testid="offline-worklist">
            <thead>
              <tr>
                <th>{t('offline.sale')}</th>
                <th>{t('offline.accepted')}</th>
                <th>{t('offline.card')}</th>
                <th>{t('offline.amount')}</th>
                <th>{t('offline.outcome')}</th>
                <th>{t('offline.note')}</th>
              </tr>
            </thead>
            <tbody>
              {view.worklist.map((item) => (
                <tr key={item.authId} data-testid="offline-work-item">
                  <td>{item.saleSeq === null ? '—' : receiptNumber(item.saleSeq)}</td>
                  <td>{formatLocalDateTime(item.acceptedAt, zone)}</td>
                  <td>{item.cardMasked}</td>
                  <td>{money(item.amountMinor, currency)}</td>
                  <td>
                    {item.status === 'declined'
                      ? t('offline.declined', {
                          code: item.responseCode ?? '',
                          message: item.message ?? '',
                        })
                      : t('offline.expired')}
                  </td>
                  <td>
                    {item.resolvedAt !== null ? (
                      t('offline.resolved', {
                        at: formatLocalDateTime(item.resolvedAt, zone),
                        by: item.resolvedBy ?? '',
                        note: item.resolution ?? '',
                      })
                    ) : (
                      <div className="form-row">
                        <input
                          value={notes[item.authId] ?? ''}
                          maxLength={200}
                          placeholder={t('offline.notePlaceholder')}
                          aria-label={t('offline.note')}
                          data-testid="offline-note"
                          onChange={(e) => setNotes({ ...notes, [item.authId]: e.target.value })}
                        />
                        <button
                          type="button"
                          onClick={() => resolve(item.authId)}
                          data-testid="offline-resolve"
                        >
                          {t('offline.resolve')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
