import { useTranslation } from 'react-i18next';
import type { CartView } from '@app/api/contract';
import { currencies } from '@app/money/currency';
import { parseDecimal } from '@app/money/format';
import { Dialog } from '../common/Dialog';
import { Keypad } from '../common/Keypad';
import { useAmountEntry } from '../common/useAmountEntry';
import { useKeyboardWedge } from '../common/useKeyboardWedge';
import { useMoney } from '../common/format';

interface Props {
  cart: CartView;
  busy: boolean;
  onPay: (tenderedMinor: number) => void;
  onCancel: () => void;
  onScan: (code: string) => void;
}

/** Cash tender: type or tap the amount handed over, see the change before completing. */
export function PayDialog({ cart, busy, onPay, onCancel, onScan }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const entry = useAmountEntry(currencies[cart.currency].exponent);
  const due = cart.cashDueMinor;
  // Nothing typed means the exact amount: Enter alone completes an exact cash sale.
  const tenderedFor = (text: string) => (text === '' ? due : parseDecimal(text, cart.currency));
  const typed = entry.text;
  const tendered = tenderedFor(typed);
  const change = tendered === null ? null : tendered - due;

  const complete = (amount: number | null) => {
    if (amount !== null && amount >= due && !busy) onPay(amount);
  };
  const onKey = (key: string) => {
    if (key === 'Enter') complete(tenderedFor(entry.current()));
    else if (key === 'Escape') onCancel();
    else entry.press(key);
  };
  useKeyboardWedge(onScan, onKey);

  return (
    <Dialog title={t('pay.title')} testId="pay-dialog">
      <div className="pay">
        <div className="pay-figures">
          <div className="figure">
            <span>{t('pay.due')}</span>
            <strong data-testid="pay-due">{money(due, cart.currency)}</strong>
          </div>
          <div className="figure">
            <span>{t('pay.tendered')}</span>
            <strong data-testid="pay-tendered" className={typed === '' ? 'muted' : ''}>
              {tendered === null ? typed : money(tendered, cart.currency)}
            </strong>
          </div>
          <div className={`figure figure-change ${change !== null && change < 0 ? 'short' : ''}`}>
            <span>{t('pay.change')}</span>
            <strong data-testid="pay-change">
              {change === null
                ? '—'
                : change < 0
                  ? t('pay.short', { amount: money(-change, cart.currency) })
                  : money(change, cart.currency)}
            </strong>
          </div>
          <div className="quick-cash">
            {cart.quickCash.map((amount, i) => (
              <button
                key={amount}
                type="button"
                className="quick"
                onClick={() => complete(amount)}
                disabled={busy}
              >
                {i === 0 ? t('pay.exact') : money(amount, cart.currency)}
              </button>
            ))}
          </div>
        </div>
        <Keypad onKey={onKey} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          {t('pay.cancel')} (Esc)
        </button>
        <button
          type="button"
          className="primary big"
          data-testid="pay-confirm"
          disabled={busy || change === null || change < 0}
          onClick={() => complete(tendered)}
        >
          {t('pay.confirm')} (Enter)
        </button>
      </div>
    </Dialog>
  );
}
