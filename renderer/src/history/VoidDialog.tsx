import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '@app/api/correction-schemas';
import type { AppError } from '@app/result';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText, useMoney } from '../common/format';
import { CorrectionActions } from './CorrectionActions';
import type { CorrectionDone } from './correction-text';
import { ReasonPicker, useReason } from './ReasonPicker';
import { useEscape } from './useEscape';

interface Props {
  view: CorrectionView;
  onCancel: () => void;
  onDone: (done: CorrectionDone) => void;
  onPending: (error: AppError) => void;
}

/** 撤销: the whole sale of the open batch, each tender cancelled where it was paid, with a reason. */
export function VoidDialog({ view, onCancel, onDone, onPending }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const reason = useReason();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { sale } = view;

  const confirm = async () => {
    if (reason.reason === '' || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.invoke('sale.void', { saleId: sale.id, reason: reason.reason });
    setBusy(false);
    if (result.ok) return onDone(result.value);
    if (result.error.code === 'refund_leg_failed') return onPending(result.error);
    setError(errorText(result.error));
  };
  useEscape(onCancel, !busy);

  return (
    <Dialog
      title={t('correction.void.title', { no: receiptNumber(sale.seq) })}
      testId="void-dialog"
    >
      <div className="void">
        <p>{t('correction.void.explain', { amount: money(sale.paidMinor, sale.currency) })}</p>
        <ul className="refund-legs">
          {sale.tenders.map((tender, i) => (
            <li key={i} data-testid="void-leg">
              {[
                t(`correction.method.${tender.method}`),
                tender.cardMasked,
                money(tender.amountMinor, sale.currency),
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
        <ReasonPicker state={reason} />
      </div>
      <CorrectionActions
        testPrefix="void"
        busy={busy}
        working={t('correction.refund.working')}
        error={error}
        onCancel={onCancel}
      >
        <button
          type="button"
          className="primary big danger-fill"
          onClick={() => void confirm()}
          disabled={reason.reason === '' || busy}
          data-testid="void-confirm"
        >
          {t('correction.void.confirm', { amount: money(sale.paidMinor, sale.currency) })}
        </button>
      </CorrectionActions>
    </Dialog>
  );
}
