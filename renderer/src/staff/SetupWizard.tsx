import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, Settings } from '@app/api/contract';
import { currencies } from '@app/money/currency';
import { parseDecimal } from '@app/money/format';
import { useApi } from '../api/api-context';
import { useErrorText } from '../common/format';
import { changeLocale } from '../i18n';

/** "13" or "6.5" percent → basis points; null unless 0–100 with at most two decimals. */
const percentToBp = (text: string): number | null => {
  const bp = parseDecimal(text, 'CNY');
  return bp !== null && bp <= 10_000 ? bp : null;
};

/** First start: the owner account and the shop, then straight to selling. */
export function SetupWizard({
  settings,
  onDone,
}: {
  settings: Settings;
  onDone: (view: SessionView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [form, setForm] = useState({
    ownerName: '',
    pin: '',
    pinAgain: '',
    shopName: '',
    shopAddress: settings.shopAddress,
    currency: settings.currency,
    standard: String(settings.taxRates.standard / 100),
    reduced: String(settings.taxRates.reduced / 100),
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
    locale: settings.locale,
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async () => {
    if (!/^\d{4,8}$/.test(form.pin)) return setError(t('errors.pin_invalid'));
    if (form.pin !== form.pinAgain) return setError(t('setup.pinMismatch'));
    const standard = percentToBp(form.standard);
    const reduced = percentToBp(form.reduced);
    if (standard === null || reduced === null) return setError(t('setup.taxInvalid'));
    const result = await api.invoke('setup.complete', {
      ownerName: form.ownerName,
      pin: form.pin,
      shopName: form.shopName,
      shopAddress: form.shopAddress,
      currency: form.currency,
      taxRates: { standard, reduced },
      receiptHeader: form.receiptHeader,
      receiptFooter: form.receiptFooter,
      locale: form.locale,
    });
    if (!result.ok) return setError(errorText(result.error));
    onDone(result.value);
  };

  const field = (key: keyof typeof form, label: string, props: object = {}) => (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`setup-${key}`}
        {...props}
      />
    </label>
  );

  return (
    <form
      className="settings setup"
      data-testid="setup-wizard"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      <label>
        {t('setup.language')}
        <select
          value={form.locale}
          data-testid="setup-locale"
          onChange={(e) => {
            set('locale', e.target.value);
            void changeLocale(e.target.value as Settings['locale']);
          }}
        >
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
      {field('ownerName', t('setup.owner'), { required: true, maxLength: 40 })}
      {field('pin', t('setup.pin'), { type: 'password', inputMode: 'numeric', maxLength: 8 })}
      {field('pinAgain', t('setup.pinAgain'), {
        type: 'password',
        inputMode: 'numeric',
        maxLength: 8,
      })}
      {field('shopName', t('setup.shopName'), { required: true, maxLength: 64 })}
      {field('shopAddress', t('setup.shopAddress'), { maxLength: 200 })}
      <label>
        {t('setup.currency')}
        <select
          value={form.currency}
          data-testid="setup-currency"
          onChange={(e) => set('currency', e.target.value)}
        >
          {Object.keys(currencies).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {field('standard', t('setup.taxStandard'), { inputMode: 'decimal' })}
      {field('reduced', t('setup.taxReduced'), { inputMode: 'decimal' })}
      {field('receiptHeader', t('setup.header'), { maxLength: 200 })}
      {field('receiptFooter', t('setup.footer'), { maxLength: 200 })}
      {error && (
        <div className="notice notice-error" role="alert" data-testid="setup-error">
          {error}
        </div>
      )}
      <button type="submit" className="primary big" data-testid="setup-finish">
        {t('setup.finish')}
      </button>
    </form>
  );
}
