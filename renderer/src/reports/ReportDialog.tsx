import { useTranslation } from 'react-i18next';
import type { ShiftReport } from '@app/api/contract';
import { formatLocalDateTime } from '@app/time/local-time';
import { Dialog } from '../common/Dialog';
import { CashierTable, CorrectionsTable, FiguresSummary } from './FiguresView';

/** An X or Z on screen, as it prints: the header facts, then the figures. */
export function ReportDialog({
  report,
  onPrint,
  onClose,
}: {
  report: ShiftReport;
  onPrint: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const local = (iso: string) => formatLocalDateTime(iso, report.timeZone).slice(0, 16);
  const z = report.z;
  const empty =
    report.figures.salesCount === 0 &&
    report.figures.refundCount === 0 &&
    report.figures.voidCount === 0;
  return (
    <Dialog title={t(z ? 'report.z' : 'report.x')} testId={`report-${report.kind}`}>
      <div className="report-dialog">
        <dl className="facts">
          {z && (
            <>
              <dt>{t('report.zNo')}</dt>
              <dd data-testid="z-number">{z.zNo}</dd>
            </>
          )}
          <dt>{t('report.day')}</dt>
          <dd data-testid="report-day">{report.businessDay}</dd>
          <dt>{t('report.batch')}</dt>
          <dd>{report.batchNo}</dd>
          {report.firstAt && report.lastAt && (
            <>
              <dt>{t('report.period')}</dt>
              <dd>
                {local(report.firstAt)} – {local(report.lastAt)}
              </dd>
            </>
          )}
          <dt>{t('report.entries')}</dt>
          <dd>{report.entryCount}</dd>
          {z && (
            <>
              <dt>{t('report.closedAt')}</dt>
              <dd>{local(z.closedAt)}</dd>
              <dt>{t('report.chainHead')}</dt>
              <dd className="hash" data-testid="z-chain-head">
                {z.chainHeadHash}
              </dd>
            </>
          )}
        </dl>
        {!z && <p className="muted">{t('report.notClosing')}</p>}
        {empty && (
          <p className="notice notice-info" data-testid="report-zero">
            {t('reports.zeroDay')}
          </p>
        )}
        <FiguresSummary figures={report.figures} prefix={report.kind} />
        <CashierTable figures={report.figures} />
        <CorrectionsTable figures={report.figures} timeZone={report.timeZone} />
      </div>
      <div className="dialog-actions no-print">
        <button type="button" onClick={onPrint} data-testid="report-print">
          {z ? t('reports.reprint') : t('reports.print')}
        </button>
        <button type="button" className="primary" onClick={onClose} data-testid="report-close">
          {t('reports.close')}
        </button>
      </div>
    </Dialog>
  );
}
