import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecordView, Settings } from '@app/api/contract';
import type { MessageKey } from '@app/i18n/en';
import { useApi } from '../api/api-context';
import { useErrorText, useMoney } from '../common/format';
import { useNotify } from '../common/notices';

const PAGE = 100;

/** A settings change names the settings it changed: each by its label on the settings screens. */
const SETTING_LABELS: Partial<Record<keyof Settings, MessageKey>> = {
  locale: 'settings.receiptLanguage',
  shopName: 'settings.shopName',
  shopAddress: 'setup.shopAddress',
  currency: 'setup.currency',
  taxMode: 'settings.taxMode',
  taxRounding: 'settings.taxRounding',
  taxClasses: 'tax.classes',
  cashRoundingStep: 'settings.cashRounding',
  paperWidth: 'settings.paperWidth',
  receiptHeader: 'setup.header',
  receiptFooter: 'settings.receiptFooter',
};

/** The owner's view of the audit log, newest first. */
export function AuditScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  // Field names and known values in the screen's language; names, ids and free text as typed.
  const value = (key: string, v: string | number | boolean | null): string => {
    if (v === null) return '—';
    if (key === 'amountMinor' && typeof v === 'number') return money(v, settings.currency);
    if (key === 'permission') return t(`permission.${String(v)}`, { defaultValue: String(v) });
    if (key === 'role') return t(`role.${String(v)}`, { defaultValue: String(v) });
    if (key === 'keys') {
      return String(v)
        .split(',')
        .map((k) => {
          const label = SETTING_LABELS[k as keyof Settings];
          return label ? t(label) : k;
        })
        .join(', ');
    }
    return t(`audit.value.${String(v)}`, { defaultValue: String(v) });
  };
  const detailText = (r: AuditRecordView): string =>
    [
      r.object,
      ...Object.entries(r.detail)
        .filter(([k]) => !k.endsWith('Id'))
        .map(([k, v]) => `${t(`audit.field.${k}`, { defaultValue: k })}: ${value(k, v)}`),
    ]
      .filter(Boolean)
      .join(' · ');
  const notify = useNotify();
  const errorText = useErrorText();
  const [records, setRecords] = useState<AuditRecordView[]>([]);
  const load = useCallback(
    (beforeId?: number) => {
      void api
        .invoke('audit.list', beforeId === undefined ? { limit: PAGE } : { limit: PAGE, beforeId })
        .then((r) => {
          if (r.ok) setRecords((old) => (beforeId === undefined ? r.value : [...old, ...r.value]));
          else notify({ kind: 'error', text: errorText(r.error) });
        });
    },
    [api, notify, errorText],
  );
  useEffect(() => load(), [load]);
  return (
    <div className="history" data-testid="audit-screen">
      <section className="history-list audit-list">
        <h1>{t('audit.title')}</h1>
        <table className="table" data-testid="audit-log">
          <thead>
            <tr>
              <th>{t('audit.time')}</th>
              <th>{t('audit.user')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.outcome')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td>{new Date(r.at).toLocaleString(settings.locale)}</td>
                <td>{r.user ? `${r.user.name} (${t(`role.${r.user.role}`)})` : '—'}</td>
                <td>{t(`audit.action.${r.action}`, { defaultValue: r.action })}</td>
                <td className={r.outcome === 'ok' ? '' : 'danger'}>
                  {t(`audit.outcome.${r.outcome}`)}
                </td>
                <td className="muted">{detailText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {records.length > 0 && records.length % PAGE === 0 && (
          <button type="button" className="secondary" onClick={() => load(records.at(-1)?.id)}>
            {t('audit.more')}
          </button>
        )}
      </section>
    </div>
  );
}
