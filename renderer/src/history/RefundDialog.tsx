import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '@app/api/contract';
import type { CorrectionView } from '@app/api/correction-schemas';
import type { AppError, Result } from '@app/result';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText, useMoney } from '../common/format';
import { CorrectionActions } from './CorrectionActions';
import { useLegText } from './correction-text';
import type { CorrectionDone } from './correction-text';
import { QuantityStepper } from './QuantityStepper';
import { ReasonPicker, useReason } from './ReasonPicker';
import { useEscape } from './useEscape';
import { allLeft, requestedLines, setUnits } from './refund-draft';
import type { Quantities } from './refund-draft';

interface Props {
  view: CorrectionView;
  onCancel: () => void;
  onDone: (done: CorrectionDone) => void;
  /** A leg failed: the refund is now pending (its banner takes over), so the dialog closes. */
  onPending: (error: AppError) => void;
}

type Preview = CommandOutput<'correction.preview'>;

/**
 * 退货: units per line (never more than is left), a reason, back to stock or not, and what
 * goes back to which tender as main computes it, before anything is confirmed. An error
 * keeps everything chosen on screen.
 */
export function RefundDialog({ view, onCancel, onDone, onPending }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const legText = useLegText();
  const reason = useReason();
  const { sale } = view;
  const [units, setUnitsState] = useState<Quantities>({});
  const [restock, setRestock] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ key: string; result: Result<Preview> } | null>(null);

  const lines = useMemo(() => requestedLines(units), [units]);
  const key = JSON.stringify(lines);
  useEffect(() => {
    if (lines.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      void api.invoke('correction.preview', { saleId: sale.id, lines }).then((result) => {
        if (live) setPreview({ key, result });
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, sale.id, lines, key]);
  // A preview of older units is never shown for newer ones.
  const current = lines.length > 0 && preview?.key === key ? preview.result : null;
  const shown = current?.ok ? current.value : null;
  const chip = shown?.legs.some((leg) => leg.entryMode === 'chip') ?? false;

  const confirm = async () => {
    if (!shown || reason.reason === '' || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.invoke('sale.refund', {
      saleId: sale.id,
      lines,
      reason: reason.reason,
      restock,
    });
    setBusy(false);
    if (result.ok) return onDone(result.value);
    if (result.error.code === 'refund_leg_failed') return onPending(result.error);
    setError(errorText(result.error));
  };
  useEscape(onCancel, !busy);
  const name = (lineId: string) => {
    const line = sale.lines.find((l) => l.lineId === lineId);
    return (i18n.language === 'zh-CN' ? line?.nameZh : line?.nameEn) ?? lineId;
  };

  return (
    <Dialog
      title={t('correction.refund.title', { no: receiptNumber(sale.seq) })}
      testId="refund-dialog"
    >
      <div className="refund">
        <div className="refund-lines">
          <table className="table refund-table">
            <thead>
              <tr>
                <th>{t('correction.detail.item')}</th>
                <th className="col-money">{t('correction.detail.sold')}</th>
                <th className="col-money">{t('correction.detail.left')}</th>
                <th className="col-stepper">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setUnitsState(allLeft(view.lines))}
                    disabled={busy}
                    data-testid="refund-all"
                  >
                    {t('correction.refund.all')}
                  </button>
                  <button
                    type="button"
                    className="ghost"
                    onClick={() => setUnitsState({})}
                    disabled={busy || lines.length === 0}
                    data-testid="refund-none"
                  >
                    {t('correction.refund.none')}
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((line) => (
                <tr
                  key={line.lineId}
                  className={line.left === 0 ? 'line-done' : ''}
                  data-testid="refund-line"
                >
                  <td>{name(line.lineId)}</td>
                  <td className="col-money">{line.sold}</td>
                  <td className="col-money">{line.left}</td>
                  <td className="col-stepper">
                    <QuantityStepper
                      value={units[line.lineId] ?? 0}
                      max={line.left}
                      disabled={busy}
                      onChange={(n) => setUnitsState((q) => setUnits(q, line.lineId, n, line.left))}
                      label={name(line.lineId)}
                      testId="refund-qty"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="refund-side">
          <ReasonPicker state={reason} />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={restock}
              onChange={(e) => setRestock(e.target.checked)}
              data-testid="refund-restock"
            />
            {t('correction.refund.restock')}
          </label>
          <div className="refund-preview" data-testid="refund-preview" aria-live="polite">
            {lines.length === 0 && <p className="muted">{t('correction.refund.choose')}</p>}
            {current && !current.ok && (
              <p className="notice notice-error" role="alert">
                {errorText(current.error)}
              </p>
            )}
            {shown && (
              <>
                <div className="figure">
                  <span>{t('correction.refund.goesBack')}</span>
                  <strong data-testid="refund-amount">
                    {money(shown.amountMinor, sale.currency)}
                  </strong>
                </div>
                <ul className="refund-legs">
                  {shown.legs.map((leg) => (
                    <li key={leg.legIndex} data-testid="refund-leg">
                      {legText(leg, sale.currency)}
                    </li>
                  ))}
                </ul>
                {shown.needsManager && (
                  <p className="notice notice-info" data-testid="refund-needs-manager">
                    {t('correction.refund.needsManager', {
                      limit: money(view.refundLimitMinor, sale.currency),
                    })}
                  </p>
                )}
              </>
            )}
          </div>
        </div>
      </div>
      <CorrectionActions
        testPrefix="refund"
        busy={busy}
        working={chip ? t('correction.refund.presentCard') : t('correction.refund.working')}
        error={error}
        onCancel={onCancel}
      >
        <button
          type="button"
          className="primary big"
          onClick={() => void confirm()}
          disabled={!shown || reason.reason === '' || busy}
          data-testid="refund-confirm"
        >
          {shown
            ? t('correction.refund.confirm', { amount: money(shown.amountMinor, sale.currency) })
            : t('correction.refund.button')}
        </button>
      </CorrectionActions>
    </Dialog>
  );
}
