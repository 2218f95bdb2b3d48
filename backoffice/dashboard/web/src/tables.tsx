import type { ReactNode } from 'react';
import type {
  Alarm,
  BatchRow,
  BatchState,
  Figures,
  TenderFigures,
  TillStatus,
} from '../../dashboard-api';
import { dateTime, duration, money } from './format';
import { useLocale } from './locale';
import type { DashboardKey } from './messages';

export function Section(props: {
  title: string;
  csv: string | null;
  id: string;
  children: ReactNode;
}) {
  const { t } = useLocale();
  return (
    <section
      className="card section"
      aria-labelledby={`${props.id}-title`}
      data-testid={`section-${props.id}`}
    >
      <div className="section-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.csv !== null && (
          <a className="button secondary" href={props.csv} download>
            {t('csv.download')}
          </a>
        )}
      </div>
      <div className="table-scroll">{props.children}</div>
    </section>
  );
}

/** Sales, returns, net, card and QR, fees and expected settlement, one row each and a total. */
export function FiguresTable(props: {
  rows: { key: string; labels: string[]; figures: Figures }[];
  headings: string[];
  total: Figures;
  currency: string | null;
}) {
  const { t, locale } = useLocale();
  const m = (minor: number) => money(minor, props.currency, locale);
  const cells = (f: Figures) => (
    <>
      <td className="num">{f.salesCount}</td>
      <td className="num">{m(f.salesMinor)}</td>
      <td className="num">{m(f.refundMinor + f.voidMinor + f.reversalMinor)}</td>
      <td className="num">{m(f.netMinor)}</td>
      <td className="num">{m(f.nonCashMinor)}</td>
      <td className="num">{m(f.feeMinor)}</td>
      <td className="num">{m(f.settlementMinor)}</td>
    </>
  );
  return (
    <table>
      <thead>
        <tr>
          {props.headings.map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th className="num">{t('reports.count')}</th>
          <th className="num">{t('reports.salesTaken')}</th>
          <th className="num">{t('summary.returns')}</th>
          <th className="num">{t('reports.net')}</th>
          <th className="num">{t('reports.nonCash')}</th>
          <th className="num">{t('reports.fees')}</th>
          <th className="num">{t('reports.settlement')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            {row.labels.map((label, i) => (
              <td key={i}>{label}</td>
            ))}
            {cells(row.figures)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={props.headings.length}>{t('table.total')}</th>
          {cells(props.total)}
        </tr>
      </tfoot>
    </table>
  );
}

export function TendersTable(props: { tenders: TenderFigures[]; currency: string | null }) {
  const { t, locale } = useLocale();
  const m = (minor: number) => money(minor, props.currency, locale);
  const sum = (pick: (x: TenderFigures) => number) =>
    props.tenders.reduce((s, x) => s + pick(x), 0);
  return (
    <table>
      <thead>
        <tr>
          <th>{t('table.tender')}</th>
          <th className="num">{t('reports.count')}</th>
          <th className="num">{t('reports.amount')}</th>
          <th className="num">{t('reports.fee')}</th>
          <th className="num">{t('table.afterFees')}</th>
        </tr>
      </thead>
      <tbody>
        {props.tenders.map((x) => (
          <tr key={x.kind}>
            <td>{t(`reports.kind.${x.kind}`)}</td>
            <td className="num">{x.count}</td>
            <td className="num">{m(x.amountMinor)}</td>
            <td className="num">{m(x.feeMinor)}</td>
            <td className="num">{m(x.amountMinor - x.feeMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th>{t('table.total')}</th>
          <td className="num">{sum((x) => x.count)}</td>
          <td className="num">{m(sum((x) => x.amountMinor))}</td>
          <td className="num">{m(sum((x) => x.feeMinor))}</td>
          <td className="num">{m(sum((x) => x.amountMinor - x.feeMinor))}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const stateKey: Record<BatchState, DashboardKey> = {
  open: 'batch.open',
  closed: 'batch.closed',
  balanced: 'batch.balanced',
  unbalanced: 'batch.unbalanced',
};

export function BatchesTable(props: {
  rows: BatchRow[];
  currency: string | null;
  shopName: (shopId: string) => string;
}) {
  const { t, locale } = useLocale();
  const m = (minor: number) => money(minor, props.currency, locale);
  const sum = (pick: (x: BatchRow) => number) => props.rows.reduce((s, x) => s + pick(x), 0);
  return (
    <table>
      <thead>
        <tr>
          <th>{t('table.shop')}</th>
          <th>{t('table.till')}</th>
          <th>{t('table.batch')}</th>
          <th>{t('table.days')}</th>
          <th className="num">{t('reports.net')}</th>
          <th className="num">{t('reports.fees')}</th>
          <th className="num">{t('reports.settlement')}</th>
          <th>{t('table.state')}</th>
          <th>{t('table.settledAt')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((b) => (
          <tr key={`${b.terminalId}-${b.batchNo}`}>
            <td>{props.shopName(b.shopId)}</td>
            <td>{b.terminalId}</td>
            <td>{b.batchNo}</td>
            <td>{b.firstDay === b.lastDay ? b.firstDay : `${b.firstDay} – ${b.lastDay}`}</td>
            <td className="num">{m(b.netMinor)}</td>
            <td className="num">{m(b.feeMinor)}</td>
            <td className="num">{m(b.settlementMinor)}</td>
            <td>
              <span className={`badge ${b.state}`}>{t(stateKey[b.state])}</span>
            </td>
            <td>{b.settledAt === null ? t('table.none') : dateTime(b.settledAt, locale, t)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={4}>{t('table.total')}</th>
          <td className="num">{m(sum((b) => b.netMinor))}</td>
          <td className="num">{m(sum((b) => b.feeMinor))}</td>
          <td className="num">{m(sum((b) => b.settlementMinor))}</td>
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}

const alarmKeys: Record<string, DashboardKey> = {
  no_contact: 'alarm.no_contact',
  chain_broken: 'alarm.chain_broken',
  sensitive_data: 'alarm.sensitive_data',
  unbalanced_settlement: 'alarm.unbalanced_settlement',
  not_summed: 'alarm.not_summed',
};

function AlarmList(props: { alarms: Alarm[] }) {
  const { t } = useLocale();
  if (props.alarms.length === 0) return <span className="badge balanced">{t('alarm.ok')}</span>;
  return (
    <ul className="alarms">
      {props.alarms.map((alarm, i) => {
        const key = alarmKeys[alarm.kind];
        return (
          <li key={i} className="badge unbalanced">
            {key === undefined ? alarm.kind : t(key, { detail: alarm.detail })}
          </li>
        );
      })}
    </ul>
  );
}

export function StatusTable(props: { rows: TillStatus[]; shopName: (shopId: string) => string }) {
  const { t, locale } = useLocale();
  return (
    <table>
      <thead>
        <tr>
          <th>{t('table.shop')}</th>
          <th>{t('table.till')}</th>
          <th>{t('table.device')}</th>
          <th>{t('table.lastContact')}</th>
          <th className="num">{t('table.held')}</th>
          <th>{t('table.newest')}</th>
          <th className="num">{t('table.lag')}</th>
          <th>{t('table.alarms')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((s) => (
          <tr key={s.terminalId}>
            <td>{props.shopName(s.shopId)}</td>
            <td>{s.terminalId}</td>
            <td>{s.deviceName}</td>
            <td>{dateTime(s.lastContactAt, locale, t)}</td>
            <td className="num">{s.heldSeq}</td>
            <td>{s.newestAt === null ? t('table.none') : dateTime(s.newestAt, locale, t)}</td>
            <td className="num">{duration(s.uploadLagMs, t)}</td>
            <td>
              <AlarmList alarms={s.alarms} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
