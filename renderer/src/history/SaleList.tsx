import { useTranslation } from 'react-i18next';
import type { SaleSummary } from '@app/sale/sale';
import { formatLocalDateTime } from '@app/time/local-time';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useMoney } from '../common/format';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Props {
  sales: SaleSummary[];
  openId: string | null;
  onOpen: (saleId: string) => void;
  more: boolean;
  onMore: () => void;
}

/** The committed sales, newest first; a row opens the sale. */
export function SaleList({ sales, openId, onOpen, more, onMore }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  if (sales.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <>
      <table className="table" data-testid="history">
        <thead>
          <tr>
            <th>{t('history.receipt')}</th>
            <th>{t('history.time')}</th>
            <th className="col-money">{t('history.items')}</th>
            <th className="col-money">{t('history.total')}</th>
          </tr>
        </thead>
        <tbody>
          {sales.map((s) => (
            <tr
              key={s.id}
              onClick={() => onOpen(s.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onOpen(s.id);
                }
              }}
              tabIndex={0}
              className={openId === s.id ? 'selected' : ''}
              data-testid="history-row"
            >
              <td>{receiptNumber(s.seq)}</td>
              <td>{formatLocalDateTime(s.at, zone)}</td>
              <td className="col-money">{s.itemCount}</td>
              <td className="col-money">{money(s.paidMinor, s.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more && (
        <button type="button" className="secondary" onClick={onMore}>
          {t('history.more')}
        </button>
      )}
    </>
  );
}
