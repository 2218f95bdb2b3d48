import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingCorrection } from '@app/api/correction-schemas';
import type { CurrencyCode } from '@app/money/currency';
import { isCurrencyCode } from '@app/money/currency';
import type { Result } from '@app/result';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText, useMoney } from '../common/format';
import { useDoneText, useLegErrorText, useLegText } from './correction-text';
import type { CorrectionDone } from './correction-text';
import './history.css';

interface Props {
  pending: PendingCorrection;
  notify: (notice: Notice | null) => void;
  /** The Sell screen's strip: one line per leg, smaller buttons. */
  compact?: boolean;
}

/**
 * A void or refund a card leg could not finish (host or terminal unanswered): money may be
 * half back, so it stays on screen, on History and on Sell, until it is retried, paid back
 * in cash, or cancelled (main refuses the cancel once a card was paid back).
 */
export function PendingCorrectionBanner({ pending, notify, compact = false }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const legText = useLegText();
  const legErrorText = useLegErrorText();
  const doneText = useDoneText();
  const [busy, setBusy] = useState(false);
  const currency: CurrencyCode = isCurrencyCode(pending.currency) ? pending.currency : 'CNY';
  const chipWaiting =
    busy && pending.legs.some((l) => l.status !== 'done' && l.entryMode === 'chip');

  /** Runs one action; what it did, or why not, is said in the notice at the top. */
  const act = async <T,>(call: Promise<Result<T>>, said: (value: T) => string) => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    notify(
      result.ok
        ? { kind: 'info', text: said(result.value) }
        : { kind: 'error', text: errorText(result.error) },
    );
  };
  const finished = (done: CorrectionDone) => doneText(done, pending.saleSeq, currency);

  return (
    <div
      className={compact ? 'pending-correction compact' : 'pending-correction'}
      role="alert"
      data-testid="pending-correction"
    >
      <div className="pending-text">
        <strong>
          {t(pending.kind === 'void' ? 'correction.pending.void' : 'correction.pending.refund', {
            no: receiptNumber(pending.saleSeq),
            amount: money(pending.amountMinor, currency),
          })}
        </strong>
        {!compact && <span className="muted">{t('correction.pending.explain')}</span>}
        <ul className="pending-legs">
          {pending.legs.map((leg) => (
            <li
              key={leg.legIndex}
              className={`leg-${leg.status}`}
              data-testid="pending-leg"
              data-status={leg.status}
            >
              <span>{legText(leg, currency)}</span>
              <span className="leg-status">{t(`correction.leg.${leg.status}`)}</span>
              {leg.error && <span className="leg-error">{legErrorText(leg.error)}</span>}
            </li>
          ))}
        </ul>
        {chipWaiting && (
          <strong className="present-card">{t('correction.refund.presentCard')}</strong>
        )}
      </div>
      <div className="pending-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void act(api.invoke('correction.retry', {}), finished)}
          data-testid="pending-retry"
        >
          {t('correction.pending.retry')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act(api.invoke('correction.cashInstead', {}), finished)}
          data-testid="pending-cash"
        >
          {t('correction.pending.cash')}
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={busy}
          onClick={() =>
            void act(api.invoke('correction.abandon', {}), () => t('correction.pending.abandoned'))
          }
          data-testid="pending-abandon"
        >
          {t('correction.pending.abandon')}
        </button>
      </div>
    </div>
  );
}
