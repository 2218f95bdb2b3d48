import { useTranslation } from 'react-i18next';
import type { PrintedPage, PrinterStatus } from '@app/api/contract';
import type { SaleRecord } from '@app/sale/sale';
import { useMoney } from '../common/format';
import { useKeyboardWedge } from '../common/useKeyboardWedge';
import { ReceiptPaper } from '../printer/ReceiptPaper';
import { receiptNumber } from '@app/receipt/receipt-number';

interface Props {
  sale: SaleRecord;
  receipt: PrintedPage | null;
  printer: PrinterStatus | null;
  onNext: () => void;
  onScan: (code: string) => void;
}

/** After payment: the change to hand back, as large as the screen allows, and the receipt. */
export function SaleDone({ sale, receipt, printer, onNext, onScan }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const change = sale.tenders.reduce((sum, tender) => sum + tender.changeMinor, 0);
  useKeyboardWedge(onScan, (key) => {
    if (key === 'Enter' || key === 'Escape') onNext();
  });
  return (
    <div className="done" data-testid="sale-done">
      <div className="done-main">
        <div className="done-title">{t('done.title')}</div>
        <div className="done-receipt-no">
          {t('done.receiptNo', { no: receiptNumber(sale.seq) })}
        </div>
        <div className="done-change-label">
          {change > 0 ? t('done.change') : t('done.noChange')}
        </div>
        <div className="done-change" data-testid="change-due">
          {money(change, sale.currency)}
        </div>
        {printer?.state === 'error' && (
          <div className="notice notice-error" role="alert">
            {t('done.printQueued', { reason: printer.lastError ?? '' })}
          </div>
        )}
        <button
          type="button"
          className="primary big"
          onClick={onNext}
          autoFocus
          data-testid="next-sale"
        >
          {t('done.next')} (Enter)
        </button>
      </div>
      <div className="done-receipt">{receipt && <ReceiptPaper page={receipt} />}</div>
    </div>
  );
}
