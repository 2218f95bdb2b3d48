import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '@app/api/correction-schemas';
import { formatLocalDateTime } from '@app/time/local-time';
import { receiptNumber } from '@app/receipt/receipt-number';
import { useMoney } from '../common/format';
import { useRefusalText } from './correction-text';
import { reasonIn } from './refund-draft';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Props {
  view: CorrectionView;
  /** The last void or refund done here, as the cashier was told (cash to hand back). */
  done: string | null;
  onVoid: () => void;
  onRefund: () => void;
  onReprint: () => void;
}

/** One sale: per line sold / returned / left, its tenders, earlier voids and refunds, actions. */
export function SaleDetail({ view, done, onVoid, onRefund, onReprint }: Props) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const refusalText = useRefusalText();
  const { sale } = view;
  const left = new Map(view.lines.map((l) => [l.lineId, l]));
  const voided = view.corrections.some((c) => c.type === 'void');
  const nothingLeft = view.lines.every((l) => l.left === 0);
  const state = voided
    ? 'voided'
    : view.corrections.length === 0
      ? null
      : nothingLeft
        ? 'refunded'
        : 'partlyRefunded';
  const settled = view.voidRefusal === 'already_settled';

  return (
    <section className="history-detail" data-testid="sale-detail" data-sale-id={sale.id}>
      <div className="detail-head">
        <h2>
          {t('history.receipt')} {receiptNumber(sale.seq)}
        </h2>
        {state && (
          <span className={`badge badge-${state}`} data-testid="sale-state">
            {t(`correction.state.${state}`)}
          </span>
        )}
      </div>
      <p className="muted">{formatLocalDateTime(sale.at, zone)}</p>
      {done && (
        <div
          className="notice notice-info correction-done"
          role="status"
          data-testid="correction-done"
        >
          {done}
        </div>
      )}
      <table className="table detail-lines">
        <thead>
          <tr>
            <th>{t('correction.detail.item')}</th>
            <th className="col-money">{t('correction.detail.sold')}</th>
            <th className="col-money">{t('correction.detail.returned')}</th>
            <th className="col-money">{t('correction.detail.left')}</th>
            <th className="col-money">{t('correction.detail.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((line) => {
            const l = left.get(line.lineId);
            return (
              <tr key={line.lineId} data-testid="detail-line">
                <td>{i18n.language === 'zh-CN' ? line.nameZh : line.nameEn}</td>
                <td className="col-money">{line.quantity}</td>
                <td className="col-money" data-testid="detail-returned">
                  {l?.returned ?? 0}
                </td>
                <td className="col-money" data-testid="detail-left">
                  {l?.left ?? line.quantity}
                </td>
                <td className="col-money">{money(line.netMinor, sale.currency)}</td>
              </tr>
            );
          })}
          <tr className="bold">
            <td colSpan={4}>{t('totals.total')}</td>
            <td className="col-money">{money(sale.paidMinor, sale.currency)}</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('correction.detail.paidWith')}</h3>
      <ul className="detail-tenders">
        {sale.tenders.map((tender, i) => (
          <li key={i}>
            <span>
              {[t(`correction.method.${tender.method}`), tender.cardMasked]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span>{money(tender.amountMinor, sale.currency)}</span>
          </li>
        ))}
      </ul>

      {view.corrections.length > 0 && (
        <>
          <h3>{t('correction.detail.earlier')}</h3>
          <table className="table compact" data-testid="detail-corrections">
            <thead>
              <tr>
                <th>{t('correction.detail.seq')}</th>
                <th>{t('correction.detail.time')}</th>
                <th>{t('correction.detail.kind')}</th>
                <th className="col-money">{t('correction.detail.amount')}</th>
                <th>{t('correction.detail.by')}</th>
                <th>{t('correction.detail.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {view.corrections.map((c) => (
                <tr key={c.seq} data-testid="detail-correction">
                  <td>{receiptNumber(c.seq)}</td>
                  <td>{formatLocalDateTime(c.at, zone)}</td>
                  <td>{t(`correction.kind.${c.type}`)}</td>
                  <td className="col-money">{money(c.amountMinor, sale.currency)}</td>
                  <td>{c.operatorName}</td>
                  <td>{reasonIn(i18n.language === 'zh-CN' ? 'zh-CN' : 'en', c.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <div className="detail-actions">
        <div className="detail-action">
          <button
            type="button"
            className="secondary danger"
            disabled={view.voidRefusal !== null}
            onClick={onVoid}
            data-testid="void-open"
          >
            {t('correction.void.button')}
          </button>
          {view.voidRefusal && (
            <span className={settled ? 'refusal settled' : 'refusal'} data-testid="void-refusal">
              {refusalText(view.voidRefusal)}
            </span>
          )}
        </div>
        <div className="detail-action">
          <button
            type="button"
            className={settled && view.refundRefusal === null ? 'primary highlight' : 'secondary'}
            disabled={view.refundRefusal !== null}
            onClick={onRefund}
            data-testid="refund-open"
          >
            {t('correction.refund.button')}
          </button>
          {view.refundRefusal && (
            <span className="refusal" data-testid="refund-refusal">
              {refusalText(view.refundRefusal)}
            </span>
          )}
        </div>
        <div className="detail-action">
          <button type="button" className="secondary" onClick={onReprint} data-testid="reprint">
            {t('history.reprint')}
          </button>
        </div>
      </div>
    </section>
  );
}
