import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '@app/api/contract';
import type { MessageKey } from '@app/i18n/en';
import { formatLocalDateTime } from '@app/time/local-time';
import { useMoney } from '../common/format';
import { rateText, taxClassName } from '@app/tax/tax-class';
import { useTaxClasses } from '../settings/useTaxClasses';

/** One labelled amount; data-minor carries the exact integer for tests and exports. */
export function Figure({
  label,
  minor,
  figures,
  testId,
  strong = false,
}: {
  label: string;
  minor: number;
  figures: ReportFigures;
  testId: string;
  strong?: boolean;
}) {
  const money = useMoney();
  return (
    <div className={strong ? 'report-row strong' : 'report-row'}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-minor={minor}>
        {money(minor, figures.currency)}
      </dd>
    </div>
  );
}

/** The summary every report shows: takings, tax, tenders and fees, cash reconciliation. */
export function FiguresSummary({ figures: f, prefix }: { figures: ReportFigures; prefix: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const taxClasses = useTaxClasses();
  const row = (label: string, minor: number, id: string, strong = false) => (
    <Figure label={label} minor={minor} figures={f} testId={`${prefix}-${id}`} strong={strong} />
  );
  const cash = f.cash;
  return (
    <div className="report-columns">
      <dl className="report-list">
        <div className="report-row">
          <dt>{t('reports.sales')}</dt>
          <dd data-testid={`${prefix}-salesCount`}>{f.salesCount}</dd>
        </div>
        <div className="report-row">
          <dt>{t('reports.items')}</dt>
          <dd>{f.itemCount}</dd>
        </div>
        {row(t('reports.gross'), f.grossMinor, 'gross')}
        {row(t('reports.discounts'), -f.discountMinor, 'discounts')}
        {f.roundingMinor !== 0 && row(t('reports.rounding'), f.roundingMinor, 'rounding')}
        {row(t('reports.salesTaken'), f.salesMinor, 'sales')}
        {row(`${t('reports.refunds')} (${String(f.refundCount)})`, -f.refundMinor, 'refunds')}
        {row(`${t('reports.voids')} (${String(f.voidCount)})`, -f.voidMinor, 'voids')}
        {f.reversalCount > 0 &&
          row(
            `${t('reports.reversals')} (${String(f.reversalCount)})`,
            -f.reversalMinor,
            'reversals',
          )}
        {row(t('reports.net'), f.netMinor, 'net', true)}
        {f.taxes.map((tax) =>
          row(
            `${t('reports.taxRate', { name: taxClassName(taxClasses, tax.taxClass), rate: rateText(tax.rateBp) })} · ${t('reports.taxBase', { base: money(tax.baseMinor, f.currency) })}`,
            tax.taxMinor,
            `tax-${tax.taxClass}`,
          ),
        )}
        {row(t('reports.tax'), f.taxMinor, 'tax')}
        {row(t('reports.netExTax'), f.netExTaxMinor, 'netExTax')}
      </dl>
      <dl className="report-list">
        {f.tenders.map((tender) =>
          row(
            `${t(`reports.kind.${tender.kind}` as MessageKey)} (${String(tender.count)})`,
            tender.amountMinor,
            `tender-${tender.kind}`,
          ),
        )}
        {row(t('reports.fees'), -f.feeMinor, 'fees')}
        {row(t('reports.settlement'), f.settlementMinor, 'settlement', true)}
      </dl>
      <dl className="report-list">
        <div className="report-row strong">
          <dt>{t('reports.cash')}</dt>
          <dd />
        </div>
        {row(t('reports.float'), cash.floatMinor, 'float')}
        {row(t('reports.cashSales'), cash.cashSalesMinor, 'cashSales')}
        {row(t('reports.cashReturns'), -cash.cashReturnsMinor, 'cashReturns')}
        {row(t('reports.payIns', { count: cash.payInCount }), cash.payInMinor, 'payIns')}
        {row(t('reports.payOuts', { count: cash.payOutCount }), -cash.payOutMinor, 'payOuts')}
        {row(t('reports.drops', { count: cash.dropCount }), -cash.dropMinor, 'drops')}
        <div className="report-row">
          <dt>{t('reports.noSales')}</dt>
          <dd>{cash.noSaleCount}</dd>
        </div>
        {row(t('reports.expected'), cash.expectedMinor, 'expected', true)}
        {cash.countedMinor === null ? (
          <div className="report-row">
            <dt>{t('reports.counted')}</dt>
            <dd className="muted">{t('reports.notCounted')}</dd>
          </div>
        ) : (
          row(t('reports.counted'), cash.countedMinor, 'counted')
        )}
        {cash.differenceMinor !== null &&
          row(t('reports.difference'), cash.differenceMinor, 'difference', true)}
        <div className="report-row">
          <dt>{t('reports.shifts')}</dt>
          <dd>
            {cash.shiftsOpened} / {cash.shiftsClosed}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Cashier totals; entries with no operator count under "unknown". */
export function CashierTable({ figures: f }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (f.byCashier.length === 0) return null;
  return (
    <table className="table report-table" data-testid="by-cashier">
      <thead>
        <tr>
          <th>{t('reports.cashier')}</th>
          <th className="col-money">{t('reports.sales')}</th>
          <th className="col-money">{t('reports.refunds')}</th>
          <th className="col-money">{t('reports.voids')}</th>
        </tr>
      </thead>
      <tbody>
        {f.byCashier.map((c) => (
          <tr key={c.operatorId}>
            <td>{c.operatorId === 'unknown' ? t('reports.unknownCashier') : c.name}</td>
            <td className="col-money">
              {c.salesCount} · {money(c.salesMinor, f.currency)}
            </td>
            <td className="col-money">
              {c.refundCount} · {money(c.refundMinor, f.currency)}
            </td>
            <td className="col-money">
              {c.voidCount} · {money(c.voidMinor, f.currency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Refunds and voids with who did them. */
export function CorrectionsTable({
  figures: f,
  timeZone,
}: {
  figures: ReportFigures;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  if (f.corrections.length === 0) return <p className="muted">{t('reports.noCorrections')}</p>;
  return (
    <table className="table report-table" data-testid="corrections">
      <thead>
        <tr>
          <th>{t('reports.time')}</th>
          <th>{t('reports.type')}</th>
          <th>{t('reports.who')}</th>
          <th className="col-money">{t('reports.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {f.corrections.map((c) => (
          <tr key={c.seq}>
            <td>{formatLocalDateTime(c.at, timeZone).slice(5, 16)}</td>
            <td>
              {t(`reports.type.${c.type}` as MessageKey)}
              {c.reason ? <span className="muted"> · {c.reason}</span> : null}
            </td>
            <td>{c.operatorId === 'unknown' ? t('reports.unknownCashier') : c.operatorName}</td>
            <td className="col-money">{money(-c.amountMinor, f.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
