import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '@app/api/contract';
import { toDecimalString } from '@app/money/format';
import { classesFromDraft, draftOf } from '@app/tax/tax-class-draft';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { TaxClassesEditor } from './TaxClassesEditor';

const CASH_STEPS: Settings['cashRoundingStep'][] = [0, 5, 10, 50, 100];

/** Shop settings that change how sales are priced and printed. */
export function SettingsScreen({
  settings,
  onSaved,
  notify,
}: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(settings);
  const [taxRows, setTaxRows] = useState(() => draftOf(settings.taxClasses));
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const taxClasses = classesFromDraft(taxRows);
    if (!taxClasses.ok) return notify({ kind: 'error', text: errorText(taxClasses.error) });
    const result = await api.invoke('settings.update', { ...draft, taxClasses: taxClasses.value });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setTaxRows(draftOf(result.value.taxClasses));
    onSaved(result.value);
    notify({ kind: 'info', text: t('settings.saved') });
  };

  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{t('settings.title')}</h1>
      <label title={t('settings.receiptLanguageHint')}>
        {t('settings.receiptLanguage')}
        <select
          data-testid="settings-receipt-language"
          value={draft.locale}
          onChange={(e) => set('locale', e.target.value as Settings['locale'])}
        >
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t('settings.shopName')}
        <input
          value={draft.shopName}
          maxLength={64}
          onChange={(e) => set('shopName', e.target.value)}
        />
      </label>
      <label>
        {t('settings.taxMode')}
        <select
          value={draft.taxMode}
          onChange={(e) => set('taxMode', e.target.value as Settings['taxMode'])}
        >
          <option value="inclusive">{t('settings.taxMode.inclusive')}</option>
          <option value="exclusive">{t('settings.taxMode.exclusive')}</option>
        </select>
      </label>
      <label>
        {t('settings.taxRounding')}
        <select
          value={draft.taxRounding}
          onChange={(e) => set('taxRounding', e.target.value as Settings['taxRounding'])}
        >
          <option value="per-line">{t('settings.taxRounding.per-line')}</option>
          <option value="per-receipt">{t('settings.taxRounding.per-receipt')}</option>
        </select>
      </label>
      <TaxClassesEditor rows={taxRows} onChange={setTaxRows} />
      <label>
        {t('settings.cashRounding')}
        <select
          value={draft.cashRoundingStep}
          onChange={(e) =>
            set('cashRoundingStep', Number(e.target.value) as Settings['cashRoundingStep'])
          }
        >
          {CASH_STEPS.map((step) => (
            <option key={step} value={step}>
              {step === 0 ? t('settings.cashRounding.off') : toDecimalString(step, draft.currency)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.paperWidth')}
        <select
          value={draft.paperWidth}
          onChange={(e) => set('paperWidth', Number(e.target.value) as Settings['paperWidth'])}
        >
          <option value={58}>58 mm</option>
          <option value={80}>80 mm</option>
        </select>
      </label>
      <label>
        {t('settings.receiptFooter')}
        <textarea
          value={draft.receiptFooter}
          maxLength={200}
          onChange={(e) => set('receiptFooter', e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('settings.save')}
      </button>
    </form>
  );
}
