import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@app/result';
import type { CartView, PaymentView } from '@app/api/contract';
import type { SaleRecord } from '@app/sale/sale';
import { minorUnits } from '@app/money/currency';
import { parseDecimal } from '@app/money/format';
import { useApi, useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import { Dialog } from '../common/Dialog';
import { Keypad } from '../common/Keypad';
import { useAmountEntry } from '../common/useAmountEntry';
import { useKeyboardWedge } from '../common/useKeyboardWedge';
import { useErrorText, useMoney } from '../common/format';
import { TenderList } from './TenderList';

type Mode = 'cash' | 'swipe' | 'chip' | 'qr' | 'other';
const MODES: { mode: Mode; key: string; label: string }[] = [
  { mode: 'cash', key: 'F5', label: 'tender.cash' },
  { mode: 'swipe', key: 'F6', label: 'tender.swipe' },
  { mode: 'chip', key: 'F7', label: 'tender.chip' },
  { mode: 'qr', key: 'F8', label: 'tender.qr' },
  { mode: 'other', key: 'F9', label: 'tender.other' },
];

interface Props {
  cart: CartView;
  onDone: (sale: SaleRecord) => void;
  onCancel: () => void;
  onScan: (code: string) => void;
}

/**
 * Taking payment (issue #6): cash, card swipe, chip/tap, QR or other, one tender at a time
 * until the remaining due is 0. The tenders taken and what is left stay on screen.
 */
export function PayDialog({ cart, onDone, onCancel, onScan }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const entry = useAmountEntry(minorUnits(cart.currency));
  const [mode, setMode] = useState<Mode>('cash');
  const paymentQuery = useQuery('payment.get', {});
  const payment = paymentQuery.data;
  const setPayment = paymentQuery.set;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [qrCode, setQrCode] = useState('');
  const [otherKind, setOtherKind] = useState<'voucher' | 'bank_transfer'>('voucher');
  const [reference, setReference] = useState('');

  useEvent('payment.changed', setPayment);

  const legs = payment?.tenders ?? [];
  const remaining = payment?.remainingMinor ?? cart.totals.totalMinor;
  // Cash alone pays the rounded cash amount; after another tender, cash pays what is left.
  const due = legs.length === 0 && mode === 'cash' ? cart.cashDueMinor : remaining;
  const typed = entry.text;
  const amountFor = (text: string) => (text === '' ? due : parseDecimal(text, cart.currency));
  const amount = amountFor(typed);
  const change = mode === 'cash' && amount !== null ? amount - due : null;
  const waiting = payment?.waiting ?? null;

  const finish = async (view: PaymentView) => {
    setPayment(view);
    entry.set('');
    setQrCode('');
    setReference('');
    if (view.saleId === null) return;
    const sale = await api.invoke('sale.get', { saleId: view.saleId });
    // Paid and committed; only reading it back failed: say so rather than sit still.
    if (sale.ok) onDone(sale.value);
    else setError(sale.error);
  };

  const send = async (
    call: Promise<{ ok: true; value: PaymentView } | { ok: false; error: AppError }>,
  ) => {
    setBusy(true);
    setError(null);
    const result = await call;
    setBusy(false);
    if (result.ok) await finish(result.value);
    else setError(result.error);
  };

  const take = (value: number | null, scannedQr = qrCode) => {
    if (busy || value === null || value <= 0) return;
    switch (mode) {
      case 'cash':
        void send(api.invoke('payment.cash', { tenderedMinor: value }));
        return;
      case 'swipe':
        void send(api.invoke('payment.swipe', { amountMinor: value }));
        return;
      case 'chip':
        void send(api.invoke('payment.chip', { amountMinor: value }));
        return;
      case 'qr':
        void send(api.invoke('payment.qr', { amountMinor: value, code: scannedQr }));
        return;
      case 'other':
        void send(api.invoke('payment.other', { amountMinor: value, kind: otherKind, reference }));
        return;
    }
  };

  const cancelAll = () => void send(api.invoke('payment.cancel', {}));
  const stop = () => void api.invoke('payment.stop', {});
  const back = () => {
    if (waiting !== null) stop();
    else if (legs.length === 0) onCancel();
  };

  const onKey = (key: string) => {
    const picked = MODES.find((m) => m.key === key);
    if (picked) setMode(picked.mode);
    else if (key === 'Enter') take(amountFor(entry.current()));
    else if (key === 'Escape') back();
    else entry.press(key);
  };
  // In QR mode a scanner's burst is the customer's payment code, not an item: its own
  // Enter takes the payment, as Enter in the code field does.
  const scanned = (code: string) => {
    if (mode !== 'qr') return onScan(code);
    setQrCode(code);
    take(amountFor(entry.current()), code);
  };
  useKeyboardWedge(scanned, onKey);

  const waitingText =
    waiting === 'swipe'
      ? t('tender.waitingSwipe')
      : waiting === 'terminal'
        ? t('tender.waitingTerminal')
        : waiting === 'host'
          ? t('tender.waitingHost')
          : null;

  return (
    <Dialog title={t('tender.title')} testId="pay-dialog">
      <div className="tender-modes" role="tablist">
        {MODES.map((m) => (
          <button
            key={m.mode}
            type="button"
            role="tab"
            aria-selected={mode === m.mode}
            className={mode === m.mode ? 'tender-mode active' : 'tender-mode'}
            data-testid={`tender-${m.mode}`}
            disabled={busy}
            onClick={() => setMode(m.mode)}
          >
            {t(m.label as 'tender.cash')} ({m.key})
          </button>
        ))}
      </div>
      <div className="pay">
        <div className="pay-figures">
          <div className="figure">
            <span>{legs.length === 0 ? t('pay.due') : t('tender.remaining')}</span>
            <strong data-testid="pay-due">{money(due, cart.currency)}</strong>
          </div>
          <div className="figure">
            <span>{mode === 'cash' ? t('pay.tendered') : t('tender.amount')}</span>
            <strong data-testid="pay-tendered" className={typed === '' ? 'muted' : ''}>
              {amount === null ? typed : money(amount, cart.currency)}
            </strong>
          </div>
          {mode === 'cash' && (
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
          )}
          {mode === 'cash' && legs.length === 0 && (
            <div className="quick-cash">
              {cart.quickCash.map((quick, i) => (
                <button
                  key={quick}
                  type="button"
                  className="quick"
                  onClick={() => take(quick)}
                  disabled={busy}
                >
                  {i === 0 ? t('pay.exact') : money(quick, cart.currency)}
                </button>
              ))}
            </div>
          )}
          {mode === 'qr' && <p className="muted">{t('tender.qrOnlineOnly')}</p>}
          {mode === 'qr' && (
            <label className="tender-field">
              {t('tender.qrCode')}
              <input
                data-testid="pay-qr-code"
                inputMode="numeric"
                autoComplete="off"
                value={qrCode}
                maxLength={64}
                onChange={(e) => setQrCode(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && take(amountFor(entry.current()))}
              />
            </label>
          )}
          {mode === 'other' && (
            <div className="tender-field">
              <select
                data-testid="pay-other-kind"
                value={otherKind}
                onChange={(e) => setOtherKind(e.target.value as 'voucher' | 'bank_transfer')}
              >
                <option value="voucher">{t('tender.voucher')}</option>
                <option value="bank_transfer">{t('tender.bankTransfer')}</option>
              </select>
              <label>
                {t('tender.reference')}
                <input
                  data-testid="pay-reference"
                  autoComplete="off"
                  value={reference}
                  maxLength={40}
                  onChange={(e) => setReference(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && take(amountFor(entry.current()))}
                />
              </label>
            </div>
          )}
        </div>
        <Keypad onKey={onKey} />
      </div>
      <TenderList payment={payment} currency={cart.currency} />
      {waitingText !== null && (
        <div className="tender-waiting" role="status" data-testid="pay-waiting">
          <strong>{waitingText}</strong>
          {payment?.terminalText && (
            <span data-testid="pay-terminal-text">
              {i18n.language === 'zh-CN' ? payment.terminalText.zh : payment.terminalText.en}
            </span>
          )}
          <button type="button" className="secondary" data-testid="pay-stop" onClick={stop}>
            {t('tender.stop')}
          </button>
        </div>
      )}
      {error && (
        <p className="pay-error" role="alert" data-testid="pay-error">
          {errorText(error)}
        </p>
      )}
      <div className="dialog-actions">
        {legs.length === 0 ? (
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('pay.cancel')} (Esc)
          </button>
        ) : (
          <button
            type="button"
            className="secondary danger"
            data-testid="pay-cancel-all"
            onClick={cancelAll}
            disabled={busy}
          >
            {t('tender.cancelAll')}
          </button>
        )}
        {legs.length > 0 && remaining === 0 && (
          <button
            type="button"
            className="secondary"
            onClick={() => void send(api.invoke('payment.complete', {}))}
          >
            {t('tender.retryCommit')}
          </button>
        )}
        <button
          type="button"
          className="primary big"
          data-testid="pay-confirm"
          disabled={busy || amount === null || amount <= 0 || (mode !== 'cash' && amount > due)}
          onClick={() => take(amountFor(entry.current()))}
        >
          {mode === 'cash' && (change ?? -1) >= 0 ? t('pay.confirm') : t('tender.take')} (Enter)
        </button>
      </div>
    </Dialog>
  );
}
