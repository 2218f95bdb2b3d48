import { useEffect, useState } from 'react';
import type { BatchRow, Places, RangeFilter, Summary, TillStatus } from '../../dashboard-api';
import { api } from './api';
import { errorText, isSignedOut } from './errors';
import { Filters } from './Filters';
import { money } from './format';
import { ErrorBanner } from './fields';
import { useLocale } from './locale';
import { BatchesTable, FiguresTable, Section, StatusTable, TendersTable } from './tables';
import { presetRange } from './dates';

interface Loaded {
  summary: Summary;
  batches: BatchRow[];
  tills: TillStatus[];
  at: number;
}

export function Dashboard(props: { login: string; onSignedOut: (expired: boolean) => void }) {
  const { t, locale } = useLocale();
  const { onSignedOut } = props;
  const [filter, setFilter] = useState<RangeFilter>(() => presetRange('today'));
  const [places, setPlaces] = useState<Places>({ shops: [], tills: [] });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(true);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const run = { cancelled: false };
    void (async () => {
      setBusy(true);
      try {
        const [summary, batches, tills, where] = await Promise.all([
          api.summary(filter),
          api.batches(filter),
          api.tills(filter),
          api.places(),
        ]);
        if (run.cancelled) return;
        setPlaces(where);
        setLoaded({ summary, batches, tills, at: Date.now() });
        setError(null);
      } catch (caught) {
        if (run.cancelled) return;
        if (isSignedOut(caught)) onSignedOut(true);
        else setError(caught);
      } finally {
        if (!run.cancelled) setBusy(false);
      }
    })();
    return () => {
      run.cancelled = true;
    };
  }, [filter, reload, onSignedOut]);

  const shopName = (shopId: string): string =>
    places.shops.find((s) => s.shopId === shopId)?.name ?? shopId;
  const summary = loaded?.summary ?? null;
  const currency = summary?.currency ?? null;
  const total = summary?.total;

  return (
    <div className="dashboard" aria-busy={busy}>
      <Filters
        filter={filter}
        places={places}
        busy={busy}
        onChange={setFilter}
        onRefresh={() => setReload((n) => n + 1)}
      />
      <ErrorBanner text={error === null ? null : errorText(error, t)} />
      {summary !== null && total !== undefined && (
        <>
          <div className="cards" data-testid="summary-cards">
            <Card
              label={t('summary.net')}
              value={money(total.netMinor, currency, locale)}
              testId="net"
            />
            <Card
              label={t('summary.sales')}
              value={String(total.salesCount)}
              testId="sales-count"
            />
            <Card
              label={t('summary.returns')}
              value={money(
                total.refundMinor + total.voidMinor + total.reversalMinor,
                currency,
                locale,
              )}
              testId="returns"
            />
            <Card
              label={t('summary.fees')}
              value={money(total.feeMinor, currency, locale)}
              testId="fees"
            />
            <Card
              label={t('summary.settlement')}
              value={money(total.settlementMinor, currency, locale)}
              testId="settlement"
            />
          </div>
          {loaded && (
            <p className="muted small">
              {summary.tills.length === 0 ? `${t('summary.empty')} ` : ''}
              {t('summary.updated', {
                time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(loaded.at),
              })}
            </p>
          )}
          <Section title={t('section.shops')} csv={api.csvHref(filter, 'shops')} id="shops">
            <FiguresTable
              rows={summary.shops.map((s) => ({
                key: s.shopId,
                labels: [shopName(s.shopId)],
                figures: s,
              }))}
              headings={[t('table.shop')]}
              total={total}
              currency={currency}
            />
          </Section>
          <Section title={t('section.tenders')} csv={api.csvHref(filter, 'tenders')} id="tenders">
            <TendersTable tenders={summary.tenders} currency={currency} />
          </Section>
          <Section title={t('section.tills')} csv={api.csvHref(filter, 'tills')} id="tills">
            <FiguresTable
              rows={summary.tills.map((till) => ({
                key: till.terminalId,
                labels: [shopName(till.shopId), till.terminalId],
                figures: till,
              }))}
              headings={[t('table.shop'), t('table.till')]}
              total={total}
              currency={currency}
            />
          </Section>
          <Section title={t('section.batches')} csv={api.csvHref(filter, 'batches')} id="batches">
            <BatchesTable rows={loaded?.batches ?? []} currency={currency} shopName={shopName} />
          </Section>
          <Section title={t('section.status')} csv={api.csvHref(filter, 'status')} id="status">
            <StatusTable rows={loaded?.tills ?? []} shopName={shopName} />
          </Section>
        </>
      )}
    </div>
  );
}

function Card(props: { label: string; value: string; testId: string }) {
  return (
    <div className="card figure" data-testid={`card-${props.testId}`}>
      <span className="muted">{props.label}</span>
      <strong>{props.value}</strong>
    </div>
  );
}
