import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView, Settings } from '@app/api/contract';
import type { Locale } from '@app/i18n/messages';
import { currencyCodes } from '@app/money/currency';
import { defaultTaxClasses } from '@app/tax/tax-class';
import { classesFromDraft, draftOf } from '@app/tax/tax-class-draft';
import type { TaxClassDraft } from '@app/tax/tax-class-draft';
import { useApi } from '../api/api-context';
import { useErrorText } from '../common/format';
import { browserLocale, changeLocale } from '../i18n';
import { TaxClassesEditor } from '../settings/TaxClassesEditor';

/** The two starting classes keep their names in step with the wizard's language until edited. */
function renameDefaults(rows: TaxClassDraft[], from: Locale, to: Locale): TaxClassDraft[] {
  const before = defaultTaxClasses(from);
  const after = defaultTaxClasses(to);
  return rows.map((row) => {
    const i = before.findIndex((c) => c.id === row.id && c.name === row.name);
    return { ...row, name: after[i]?.name ?? row.name };
  });
}

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
  // The wizard speaks the computer's language until the owner picks another.
  const [locale, setLocale] = useState<Locale>(browserLocale);
  const [form, setForm] = useState({
    ownerName: '',
    pin: '',
    pinAgain: '',
    shopName: '',
    shopAddress: settings.shopAddress,
    currency: settings.currency,
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
  });
  const [taxRows, setTaxRows] = useState(() =>
    draftOf(defaultTaxClasses(locale, { standard: 1300, reduced: 900 })),
  );
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form, value: string) => setForm((f) => ({ ...f, [key]: value }));
  useEffect(() => void changeLocale(locale), [locale]);
  const currencyNames = useMemo(
    () => new Intl.DisplayNames([locale], { type: 'currency' }),
    [locale],
  );

  const submit = async () => {
    if (!/^\d{4,8}$/.test(form.pin)) return setError(t('errors.pin_invalid'));
    if (form.pin !== form.pinAgain) return setError(t('setup.pinMismatch'));
    const taxClasses = classesFromDraft(taxRows);
    if (!taxClasses.ok) return setError(errorText(taxClasses.error));
    const result = await api.invoke('setup.complete', {
      ownerName: form.ownerName,
      pin: form.pin,
      shopName: form.shopName,
      shopAddress: form.shopAddress,
      currency: form.currency,
      taxClasses: taxClasses.value,
      receiptHeader: form.receiptHeader,
      receiptFooter: form.receiptFooter,
      locale,
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
          value={locale}
          data-testid="setup-locale"
          onChange={(e) => {
            const next = e.target.value as Locale;
            setTaxRows((rows) => renameDefaults(rows, locale, next));
            setLocale(next);
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
          {currencyCodes().map((c) => (
            <option key={c} value={c}>
              {c} · {currencyNames.of(c) ?? c}
            </option>
          ))}
        </select>
      </label>
      <TaxClassesEditor rows={taxRows} onChange={setTaxRows} />
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
