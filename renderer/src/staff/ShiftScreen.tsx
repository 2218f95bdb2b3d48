import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, ShiftCloseView, ShiftView } from '@app/api/contract';
import type { Result } from '@app/result';
import { denominationsOf } from '@app/staff/denominations';
import { parseDecimal, toDecimalString } from '@app/money/format';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import type { Notice } from '../common/notices';
import { useErrorText, useMoney } from '../common/format';

/**
 * The cashier's shift: open with a counted float; pay in, pay out, cash drop, no sale; close
 * on a blind count (the expected figure appears only after the count is submitted).
 */
export function ShiftScreen({
  settings,
  notify,
  onChange,
}: {
  settings: Settings;
  notify: (notice: Notice | null) => void;
  onChange: (view: ShiftView) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const { currency } = settings;
  const [view, setView] = useState<ShiftView | null>(null);
  const [float, setFloat] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [counting, setCounting] = useState(false);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [closed, setClosed] = useState<ShiftCloseView | null>(null);

  const show = useCallback(
    (next: ShiftView) => {
      setView(next);
      onChange(next);
    },
    [onChange],
  );
  const readShift = useCommand('shift.current', { read: true }).run;
  const reload = useCallback(
    () => void readShift({}).then((next) => next && show(next)),
    [readShift, show],
  );
  useEffect(reload, [reload]);

  const done = <T,>(result: Result<T>): T | null => {
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return null;
    }
    notify(null);
    return result.value;
  };
  const open = async () => {
    const minor = parseDecimal(float, currency);
    if (minor === null) return notify({ kind: 'error', text: t('errors.invalid_amount') });
    const next = done(await api.invoke('shift.open', { floatMinor: minor }));
    if (next) {
      setClosed(null);
      show(next);
    }
  };
  const move = async (command: 'shift.payIn' | 'shift.payOut' | 'shift.drop') => {
    const minor = parseDecimal(amount, currency);
    if (minor === null || minor === 0) {
      return notify({ kind: 'error', text: t('errors.invalid_amount') });
    }
    const next = done(await api.invoke(command, { amountMinor: minor, reason }));
    if (next) {
      show(next);
      setAmount('');
      setReason('');
      notify({ kind: 'info', text: t('shift.recorded') });
    }
  };
  const noSale = async () => {
    if (done(await api.invoke('printer.kickDrawer', { pin: 2 }))) {
      reload();
      notify({ kind: 'info', text: t('shift.recorded') });
    }
  };
  const denominations = denominationsOf(currency);
  const countOf = (value: number): number => {
    const n = Number(counts[String(value)] ?? '0');
    return Number.isInteger(n) && n >= 0 ? n : NaN;
  };
  const countedMinor = denominations.reduce((sum, d) => sum + d * countOf(d), 0);
  const submitCount = async () => {
    if (!Number.isSafeInteger(countedMinor)) {
      return notify({ kind: 'error', text: t('errors.count_invalid') });
    }
    const entries = denominations.map((d) => [String(d), countOf(d)] as const);
    const result = done(
      await api.invoke('shift.close', {
        denominations: Object.fromEntries(entries.filter(([, n]) => n > 0)),
        counted: {},
      }),
    );
    if (!result) return;
    setClosed(result);
    setCounting(false);
    setCounts({});
    reload();
  };

  if (!view) return null;
  return (
    <div className="settings shift" data-testid="shift-screen">
      <h1>{t('shift.title')}</h1>
      {closed && (
        <section data-testid="shift-result">
          <h2>{t('shift.result.title')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th>{t('shift.result.method')}</th>
                <th className="col-money">{t('shift.result.expected')}</th>
                <th className="col-money">{t('shift.result.counted')}</th>
                <th className="col-money">{t('shift.result.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(closed.byMethod).map(([method, r]) => (
                <tr key={method} data-testid={`result-${method}`}>
                  <td>{t(`shift.method.${method}` as 'shift.method.cash')}</td>
                  <td className="col-money">{money(r.expectedMinor, currency)}</td>
                  <td className="col-money">{money(r.countedMinor, currency)}</td>
                  <td
                    className={r.differenceMinor === 0 ? 'col-money' : 'col-money bold danger'}
                    data-testid={`difference-${method}`}
                  >
                    {r.differenceMinor === 0
                      ? t('shift.result.even')
                      : t(r.differenceMinor > 0 ? 'shift.result.over' : 'shift.result.short', {
                          amount: money(Math.abs(r.differenceMinor), currency),
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {closed.approvedBy && (
            <p className="muted">
              {t('shift.result.approvedBy', { name: closed.approvedBy.name })}
            </p>
          )}
        </section>
      )}
      {!view.open && (
        <form
          className="shift-open-form"
          onSubmit={(event) => {
            event.preventDefault();
            void open();
          }}
        >
          <p>{t('shift.none')}</p>
          <label>
            {t('shift.float')}
            <input
              inputMode="decimal"
              value={float}
              onChange={(e) => setFloat(e.target.value)}
              data-testid="shift-float"
              placeholder={toDecimalString(0, currency)}
            />
          </label>
          <button type="submit" className="primary big" data-testid="shift-open">
            {t('shift.open')}
          </button>
        </form>
      )}
      {view.open && !view.open.own && (
        <p className="notice notice-error">
          {t('shift.otherOpen', { name: view.open.operatorName })}
        </p>
      )}
      {view.open?.own && !counting && (
        <>
          <p className="muted">
            {t('shift.openedBy', {
              name: view.open.operatorName,
              time: new Date(view.open.openedAt).toLocaleTimeString(settings.locale),
            })}
          </p>
          {view.totals && (
            <table className="table" data-testid="shift-totals">
              <tbody>
                <tr>
                  <td>{t('shift.totals.count')}</td>
                  <td className="col-money">{view.totals.saleCount}</td>
                </tr>
                <tr>
                  <td>{t('shift.totals.sales')}</td>
                  <td className="col-money">{money(view.totals.salesMinor, currency)}</td>
                </tr>
                <tr>
                  <td>{t('shift.totals.payIns')}</td>
                  <td className="col-money">{money(view.totals.payInsMinor, currency)}</td>
                </tr>
                <tr>
                  <td>{t('shift.totals.payOuts')}</td>
                  <td className="col-money">{money(view.totals.payOutsMinor, currency)}</td>
                </tr>
                <tr>
                  <td>{t('shift.totals.drops')}</td>
                  <td className="col-money">{money(view.totals.dropsMinor, currency)}</td>
                </tr>
                <tr>
                  <td>{t('shift.totals.noSales')}</td>
                  <td className="col-money">{view.totals.noSaleCount}</td>
                </tr>
              </tbody>
            </table>
          )}
          <div className="form-row">
            <label>
              {t('shift.amount')}
              <input
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                data-testid="cash-amount"
              />
            </label>
            <label>
              {t('shift.reason')}
              <input
                value={reason}
                maxLength={120}
                onChange={(e) => setReason(e.target.value)}
                data-testid="cash-reason"
              />
            </label>
          </div>
          <div className="form-row">
            <button
              type="button"
              className="secondary"
              onClick={() => void move('shift.payIn')}
              data-testid="pay-in"
            >
              {t('shift.payIn')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void move('shift.payOut')}
              data-testid="pay-out"
            >
              {t('shift.payOut')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void move('shift.drop')}
              data-testid="cash-drop"
            >
              {t('shift.drop')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void noSale()}
              data-testid="no-sale"
            >
              {t('shift.noSale')}
            </button>
          </div>
          <button
            type="button"
            className="primary big"
            onClick={() => {
              setClosed(null);
              setCounting(true);
            }}
            data-testid="shift-close"
          >
            {t('shift.close')}
          </button>
        </>
      )}
      {view.open?.own && counting && (
        <section data-testid="blind-count">
          <h2>{t('shift.count.title')}</h2>
          <p className="muted">{t('shift.count.explain')}</p>
          <div className="count-grid">
            {denominations.map((d) => (
              <label key={d}>
                {money(d, currency)}
                <input
                  inputMode="numeric"
                  value={counts[String(d)] ?? ''}
                  placeholder="0"
                  onChange={(e) => setCounts((c) => ({ ...c, [String(d)]: e.target.value }))}
                  data-testid={`count-${d}`}
                />
              </label>
            ))}
          </div>
          <p className="bold" data-testid="count-total">
            {t('shift.count.total')}:{' '}
            {Number.isSafeInteger(countedMinor) ? money(countedMinor, currency) : '—'}
          </p>
          <div className="form-row">
            <button type="button" className="secondary" onClick={() => setCounting(false)}>
              {t('shift.count.cancel')}
            </button>
            <button
              type="button"
              className="primary big"
              onClick={() => void submitCount()}
              data-testid="count-submit"
            >
              {t('shift.count.submit')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
