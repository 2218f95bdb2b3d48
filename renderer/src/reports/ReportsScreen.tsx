import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, ShiftReport, ZSummary } from '@app/api/contract';
import type { MessageKey } from '@app/i18n/en';
import { divRound } from '@app/money/rounding';
import { addDays } from '@app/reports/business-day';
import { figuresCsv } from '@app/reports/csv';
import type { ReportFigures } from '@app/reports/report-schema';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi, useEvent } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import { useQuery } from '../api/useQuery';
import { Dialog } from '../common/Dialog';
import type { Notice } from '../common/notices';
import { useErrorText, useMoney } from '../common/format';
import { downloadText } from './download';
import { CashierTable, CorrectionsTable, FiguresSummary } from './FiguresView';
import { HourChart } from './HourChart';
import { ReportDialog } from './ReportDialog';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import './reports.css';

/**
 * The owner's reports: the dashboard for any range of business days (today against
 * yesterday and the same weekday last week), the X and the Z, the Z history with reprints,
 * CSV export and a printable page (the browser's or Electron's print dialog saves it as PDF).
 */
export function ReportsScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [zs, setZs] = useState<ZSummary[]>([]);
  const settingsQuery = useQuery('reports.settings', {});
  const settings = settingsQuery.data;
  const readZs = useCommand('reports.zList', { read: true }).run;
  const [shown, setShown] = useState<ShiftReport | null>(null);
  const [confirmZ, setConfirmZ] = useState(false);

  const load = useCallback(
    () =>
      void api.invoke('reports.dashboard', range ?? {}).then((result) => {
        if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
        setDashboard(result.value);
        setDraft({ from: result.value.range.from, to: result.value.range.to });
        void readZs({}).then((list) => list && setZs(list));
      }),
    [api, range, notify, errorText, readZs],
  );
  useEffect(load, [load]);
  // Today's figures follow the till: a new sale refreshes them.
  useEvent('sale.committed', () => {
    if (range === null) load();
  });

  // Electron saves the page as PDF itself (printToPDF); a browser's print dialog offers it.
  const inElectron = window.countertop?.host === 'electron';
  const savePdf = async () => {
    const span = dashboard ? `${dashboard.range.from}_${dashboard.range.to}` : 'today';
    const result = await api.invoke('reports.savePdf', { suggestedName: `countertop-${span}` });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    if (result.value.saved) {
      notify({ kind: 'info', text: t('reports.pdfSaved', { path: result.value.path ?? '' }) });
    }
  };

  const runX = async () => {
    const result = await api.invoke('reports.x', {});
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setShown(result.value);
  };
  const closeDay = async () => {
    setConfirmZ(false);
    const result = await api.invoke('reports.closeDay', {});
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    notify({ kind: 'info', text: t('reports.printed') });
    setShown(result.value);
    load();
  };
  const print = async (report: ShiftReport) => {
    const result = report.z
      ? await api.invoke('reports.reprintZ', { zNo: report.z.zNo })
      : await api.invoke('reports.printX', {});
    notify(
      result.ok
        ? { kind: 'info', text: t('reports.printed') }
        : { kind: 'error', text: errorText(result.error) },
    );
  };
  const openZ = async (zNo: number) => {
    const result = await api.invoke('reports.z', { zNo });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setShown(result.value);
  };
  const exportCsv = () => {
    if (!dashboard) return;
    const { from, to, figures } = dashboard.range;
    const csv = figuresCsv(figures, {
      from,
      to,
      timeZone: dashboard.timeZone,
      cutoffHour: String(dashboard.cutoffHour),
    });
    downloadText(`countertop-${from}_${to}.csv`, csv, 'text/csv;charset=utf-8');
  };

  if (!dashboard) return <div className="reports-screen" data-testid="reports-screen" />;
  const today = dashboard.range;
  const single = today.from === today.to;
  const f = today.figures;
  const day = (offset: number) => {
    const d = addDays(today.from, offset);
    setRange({ from: d, to: d });
  };

  return (
    <div className="reports-screen" data-testid="reports-screen">
      <div className="reports-toolbar no-print">
        <h1>{t('reports.title')}</h1>
        <button type="button" onClick={() => setRange(null)} data-testid="reports-today">
          {t('reports.today')}
        </button>
        <button type="button" onClick={() => day(-1)} aria-label="previous day">
          ◀
        </button>
        <button type="button" onClick={() => day(1)} aria-label="next day">
          ▶
        </button>
        <label>
          {t('reports.from')}
          <input
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            data-testid="reports-from"
          />
        </label>
        <label>
          {t('reports.to')}
          <input
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            data-testid="reports-to"
          />
        </label>
        <button type="button" onClick={() => setRange({ ...draft })} data-testid="reports-show">
          {t('reports.show')}
        </button>
        <span className="toolbar-gap" />
        <button type="button" onClick={() => void runX()} data-testid="reports-x">
          {t('reports.runX')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setConfirmZ(true)}
          data-testid="reports-z"
        >
          {t('reports.runZ')}
        </button>
        <button type="button" onClick={exportCsv} data-testid="reports-csv">
          {t('reports.exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()} data-testid="reports-pdf">
          {inElectron ? t('reports.print') : t('reports.exportPdf')}
        </button>
        {inElectron && (
          <button type="button" onClick={() => void savePdf()} data-testid="reports-save-pdf">
            {t('reports.savePdf')}
          </button>
        )}
      </div>

      <p className="reports-heading">
        <strong data-testid="reports-range">
          {single
            ? t('reports.businessDay', { day: today.from })
            : t('reports.range', { from: today.from, to: today.to })}
        </strong>{' '}
        <span className="muted">
          {t('reports.dayInfo', {
            hour: String(dashboard.cutoffHour).padStart(2, '0'),
            zone: dashboard.timeZone,
          })}
        </span>
      </p>
      {f.salesCount === 0 && f.refundCount === 0 && f.voidCount === 0 && (
        <p className="muted" data-testid="reports-empty">
          {t('reports.zeroDay')}
        </p>
      )}

      <Kpis dashboard={dashboard} />

      <div className="reports-grid">
        <section className="panel">
          <h2>{t('reports.byHour')}</h2>
          <HourChart figures={f} />
        </section>
        <section className="panel">
          <h2>{t('reports.tenderMix')}</h2>
          <TenderTable figures={f} />
        </section>
        <section className="panel">
          <h2>{t('reports.topProducts')}</h2>
          <ProductTable figures={f} />
        </section>
        <section className="panel">
          <h2>{t('reports.corrections')}</h2>
          <CorrectionsTable figures={f} timeZone={dashboard.timeZone} />
        </section>
        <section className="panel">
          <h2>{t('reports.byCashier')}</h2>
          <CashierTable figures={f} />
        </section>
      </div>
      <section className="panel">
        <FiguresSummary figures={f} prefix="dash" />
      </section>

      <section className="panel no-print" data-testid="z-history">
        <h2>{t('reports.zHistory')}</h2>
        {zs.length === 0 && <p className="muted">{t('reports.noZ')}</p>}
        <ZTable zs={zs} timeZone={dashboard.timeZone} onOpen={(zNo) => void openZ(zNo)} />
      </section>
      {settings && (
        <div className="no-print">
          <ReportSettingsPanel
            settings={settings}
            currency={f.currency}
            notify={notify}
            onSaved={(next) => {
              settingsQuery.set(next);
              load();
            }}
          />
        </div>
      )}

      {confirmZ && (
        <Dialog title={t('reports.runZ')} testId="z-confirm">
          <p>{t('reports.zConfirm', { day: dashboard.range.to })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirmZ(false)}>
              {t('reports.close')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void closeDay()}
              data-testid="z-confirm-button"
            >
              {t('reports.zConfirmButton')}
            </button>
          </div>
        </Dialog>
      )}
      {shown && (
        <ReportDialog
          report={shown}
          onPrint={() => void print(shown)}
          onClose={() => setShown(null)}
        />
      )}
    </div>
  );
}

function Kpis({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const money = useMoney();
  const f = dashboard.range.figures;
  const currency = f.currency;
  const compare = (label: MessageKey, other: ReportFigures | undefined) =>
    other ? (
      <div className="kpi-compare">
        {t('reports.vs', { label: t(label), amount: money(other.netMinor, currency) })}{' '}
        <Delta now={f.netMinor} then={other.netMinor} />
      </div>
    ) : null;
  // Average sale: net ÷ sales, rounded half away from zero to the minor unit.
  const average = f.salesCount === 0 ? 0 : divRound(BigInt(f.netMinor), BigInt(f.salesCount));
  return (
    <div className="kpis">
      <div className="kpi" data-testid="kpi-net">
        <span>{t('reports.net')}</span>
        <strong data-minor={f.netMinor}>{money(f.netMinor, currency)}</strong>
        {compare('reports.yesterday', dashboard.yesterday?.figures)}
        {compare('reports.lastWeek', dashboard.lastWeek?.figures)}
      </div>
      <div className="kpi" data-testid="kpi-sales">
        <span>{t('reports.sales')}</span>
        <strong>{f.salesCount}</strong>
        <div className="kpi-compare">
          {t('reports.average')}: {money(average, currency)}
        </div>
      </div>
      <div className="kpi">
        <span>{t('reports.settlement')}</span>
        <strong>{money(f.settlementMinor, currency)}</strong>
        <div className="kpi-compare">
          {t('reports.fees')}: {money(f.feeMinor, currency)}
        </div>
      </div>
      <div className="kpi">
        <span>
          {t('reports.refunds')} / {t('reports.voids')}
        </span>
        <strong>
          {f.refundCount} / {f.voidCount}
        </strong>
        <div className="kpi-compare">{money(f.refundMinor + f.voidMinor, currency)}</div>
      </div>
    </div>
  );
}

/** +12 % / −3 %: change against an earlier day, whole percent toward zero; — without a base. */
function Delta({ now, then }: { now: number; then: number }) {
  if (then <= 0) return <span className="muted">—</span>;
  const pct = Number(((BigInt(now) - BigInt(then)) * 100n) / BigInt(then));
  return (
    <span className={pct < 0 ? 'delta down' : 'delta up'}>
      {pct > 0 ? '+' : ''}
      {pct}%
    </span>
  );
}

function TenderTable({ figures: f }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const money = useMoney();
  const total = f.tenders.reduce((s, x) => s + Math.max(0, x.amountMinor), 0);
  return (
    <table className="table report-table" data-testid="tender-mix">
      <thead>
        <tr>
          <th />
          <th className="col-money">{t('reports.amount')}</th>
          <th className="col-money">%</th>
          <th className="col-money">{t('reports.fee')}</th>
        </tr>
      </thead>
      <tbody>
        {f.tenders.map((x) => (
          <tr key={x.kind} data-testid={`tender-${x.kind}`}>
            <td>
              {t(`reports.kind.${x.kind}` as MessageKey)} ({x.count})
            </td>
            <td className="col-money">{money(x.amountMinor, f.currency)}</td>
            <td className="col-money">
              {total > 0
                ? String(divRound(BigInt(Math.max(0, x.amountMinor)) * 100n, BigInt(total)))
                : '0'}
            </td>
            <td className="col-money">{money(x.feeMinor, f.currency)}</td>
          </tr>
        ))}
        <tr className="strong">
          <td>{t('reports.nonCash')}</td>
          <td className="col-money">{money(f.nonCashMinor, f.currency)}</td>
          <td />
          <td className="col-money">{money(f.feeMinor, f.currency)}</td>
        </tr>
        <tr className="strong">
          <td>{t('reports.settlement')}</td>
          <td className="col-money" data-testid="settlement">
            {money(f.settlementMinor, f.currency)}
          </td>
          <td />
          <td />
        </tr>
      </tbody>
    </table>
  );
}

function ProductTable({ figures: f }: { figures: ReportFigures }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  return (
    <table className="table report-table" data-testid="top-products">
      <thead>
        <tr>
          <th>{t('reports.product')}</th>
          <th className="col-money">{t('reports.qty')}</th>
          <th className="col-money">{t('reports.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {f.topProducts.map((p) => (
          <tr key={p.productId}>
            <td>{i18n.language === 'zh-CN' ? p.nameZh : p.nameEn}</td>
            <td className="col-money">{p.quantity}</td>
            <td className="col-money">{money(p.netMinor, f.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ZTable({
  zs,
  timeZone,
  onOpen,
}: {
  zs: ZSummary[];
  timeZone: string;
  onOpen: (zNo: number) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  if (zs.length === 0) return null;
  return (
    <table className="table report-table">
      <thead>
        <tr>
          <th>{t('report.zNo')}</th>
          <th>{t('report.day')}</th>
          <th>{t('report.closedAt')}</th>
          <th className="col-money">{t('reports.sales')}</th>
          <th className="col-money">{t('reports.net')}</th>
        </tr>
      </thead>
      <tbody>
        {zs.map((z) => (
          <tr key={z.zNo} onClick={() => onOpen(z.zNo)} data-testid={`z-row-${String(z.zNo)}`}>
            <td>{z.zNo}</td>
            <td>{z.businessDay}</td>
            <td>{formatLocalDateTime(z.closedAt, timeZone).slice(0, 16)}</td>
            <td className="col-money">{z.salesCount}</td>
            <td className="col-money">{money(z.netMinor, z.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
