import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointsRuleView } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import { parseDecimal, toDecimalString } from '@app/money/format';
import { useApi } from '../api/api-context';
import { useErrorText } from '../common/format';

/** The owner's points rule: how much net buys a point, and what a block of points is worth. */
export function PointsRuleForm({
  rule,
  currency,
  onSaved,
}: {
  rule: PointsRuleView;
  currency: CurrencyCode;
  onSaved: (rule: PointsRuleView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [earn, setEarn] = useState(toDecimalString(rule.earnMinorPerPoint, currency));
  const [points, setPoints] = useState(String(rule.redeemPoints));
  const [value, setValue] = useState(toDecimalString(rule.redeemValueMinor, currency));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const save = async () => {
    const earnMinorPerPoint = parseDecimal(earn, currency);
    const redeemValueMinor = parseDecimal(value, currency);
    const redeemPoints = /^\d{1,7}$/.test(points) ? Number(points) : 0;
    if (!earnMinorPerPoint || !redeemValueMinor || redeemPoints < 1) {
      setMessage({ error: true, text: t('members.rule.invalid') });
      return;
    }
    const result = await api.invoke('members.setPointsRule', {
      earnMinorPerPoint,
      redeemPoints,
      redeemValueMinor,
    });
    if (!result.ok) {
      setMessage({ error: true, text: errorText(result.error) });
      return;
    }
    setMessage({ error: false, text: t('members.rule.saved') });
    onSaved(result.value);
  };

  return (
    <form
      className="selling-form points-rule"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="points-rule"
    >
      <h3>{t('members.rule.title')}</h3>
      {message && (
        <p className={message.error ? 'danger' : 'muted'} role="status">
          {message.text}
        </p>
      )}
      <label>
        {t('members.rule.earn')}
        <input inputMode="decimal" value={earn} onChange={(e) => setEarn(e.target.value)} />
      </label>
      <label>
        {t('members.rule.redeemPoints')}
        <input inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} />
      </label>
      <label>
        {t('members.rule.redeemValue')}
        <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="secondary big">
        {t('members.rule.save')}
      </button>
    </form>
  );
}
