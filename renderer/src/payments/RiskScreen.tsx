import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskRulesInput, RiskView } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import { parseDecimal, toDecimalString } from '@app/money/format';
import { riskTenders } from '@app/payments/risk-rules';
import type { RiskTender, TenderLimits } from '@app/payments/risk-rules';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useMoney } from '../common/format';
import { useEditableView } from '../common/useEditableView';
import { OfflinePanel } from './OfflinePanel';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const LIMITS = ['perTransactionMinor', 'dailyMinor', 'monthlyMinor'] as const;
type Draft = Record<RiskTender, Record<(typeof LIMITS)[number], string>> & {
  bins: string;
  uses: string;
  minutes: string;
  refundDays: string;
};

const wholeOrNull = (text: string): number | null | undefined => {
  if (text.trim() === '') return null;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
};

/** The owner's risk rules as text fields, and back; undefined where a field does not parse. */
function draftOf(rules: RiskRulesInput, currency: CurrencyCode): Draft {
  const money = (minor: number | null) => (minor === null ? '' : toDecimalString(minor, currency));
  const limits = (l: TenderLimits) => ({
    perTransactionMinor: money(l.perTransactionMinor),
    dailyMinor: money(l.dailyMinor),
    monthlyMinor: money(l.monthlyMinor),
  });
  return {
    card: limits(rules.limits.card),
    qr: limits(rules.limits.qr),
    other: limits(rules.limits.other),
    bins: rules.blockedBinPrefixes.join(', '),
    uses: rules.velocity ? String(rules.velocity.maxUses) : '',
    minutes: rules.velocity ? String(rules.velocity.withinMinutes) : '',
    refundDays: rules.refundWithinDays === null ? '' : String(rules.refundWithinDays),
  };
}

function rulesOf(draft: Draft, currency: CurrencyCode): RiskRulesInput | null {
  const money = (text: string): number | null | undefined =>
    text.trim() === '' ? null : (parseDecimal(text, currency) ?? undefined);
  const limits = {} as Record<RiskTender, TenderLimits>;
  for (const tender of riskTenders) {
    const parsed = LIMITS.map((field) => money(draft[tender][field]));
    if (parsed.some((v) => v === undefined)) return null;
    const [perTransactionMinor, dailyMinor, monthlyMinor] = parsed as (number | null)[];
    limits[tender] = {
      perTransactionMinor: perTransactionMinor ?? null,
      dailyMinor: dailyMinor ?? null,
      monthlyMinor: monthlyMinor ?? null,
    };
  }
  const bins = draft.bins.split(/[\s,，]+/).filter(Boolean);
  if (bins.some((bin) => !/^\d{1,8}$/.test(bin))) return null;
  const uses = wholeOrNull(draft.uses);
  const minutes = wholeOrNull(draft.minutes);
  const refundDays = wholeOrNull(draft.refundDays);
  if (uses === undefined || minutes === undefined || refundDays === undefined) return null;
  if ((uses === null) !== (minutes === null)) return null;
  return {
    limits,
    blockedBinPrefixes: bins,
    velocity: uses === null || minutes === null ? null : { maxUses: uses, withinMinutes: minutes },
    refundWithinDays: refundDays,
  };
}

/** The owner's risk controls: limits per tender, blocked ranges and cards, and refusals. */
export function RiskScreen({
  currency,
  notify,
}: {
  currency: CurrencyCode;
  notify: (n: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const load = useCallback(() => api.invoke('risk.get', {}), [api]);
  const toDraft = useCallback((v: RiskView) => draftOf(v.rules, currency), [currency]);
  const { view, draft, setDraft, act } = useEditableView(load, toDraft, notify);
  const save = () => {
    const rules = draft && rulesOf(draft, currency);
    if (!rules) return notify({ kind: 'error', text: t('risk.invalid') });
    void act(api.invoke('risk.set', rules), t('risk.saved'));
  };
  if (!view || !draft) return null;
  const field = (value: string, onChange: (v: string) => void, testId: string) => (
    <input
      value={value}
      inputMode="decimal"
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );

  return (
    <div className="sync-screen" data-testid="risk-screen">
      <h1>{t('risk.title')}</h1>
      <p className="muted">{t('risk.hint')}</p>
      <section className="panel">
        <table className="table">
          <thead>
            <tr>
              <th>{t('risk.tender')}</th>
              <th>{t('risk.perTransaction')}</th>
              <th>{t('risk.daily')}</th>
              <th>{t('risk.monthly')}</th>
            </tr>
          </thead>
          <tbody>
            {riskTenders.map((tender) => (
              <tr key={tender}>
                <td>{t(`risk.tender.${tender}`)}</td>
                {LIMITS.map((limit) => (
                  <td key={limit}>
                    {field(
                      draft[tender][limit],
                      (v) => setDraft({ ...draft, [tender]: { ...draft[tender], [limit]: v } }),
                      `risk-${tender}-${limit}`,
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-row">
          <label>
            {t('risk.bins')}
            {field(draft.bins, (bins) => setDraft({ ...draft, bins }), 'risk-bins')}
          </label>
        </div>
        <div className="form-row">
          <label>
            {t('risk.velocityUses')}
            {field(draft.uses, (uses) => setDraft({ ...draft, uses }), 'risk-uses')}
          </label>
          <label>
            {t('risk.velocityMinutes')}
            {field(draft.minutes, (minutes) => setDraft({ ...draft, minutes }), 'risk-minutes')}
          </label>
          <label>
            {t('risk.refundDays')}
            {field(
              draft.refundDays,
              (refundDays) => setDraft({ ...draft, refundDays }),
              'risk-refund-days',
            )}
          </label>
        </div>
        <button type="button" className="primary" onClick={save} data-testid="risk-save">
          {t('risk.save')}
        </button>
      </section>
      <section className="panel">
        <p data-testid="risk-blocked-cards">{t('risk.cards', { count: view.blockedCards })}</p>
        <p className="muted">{t('risk.blockHint')}</p>
        <div className="form-row">
          <button
            type="button"
            onClick={() => void act(api.invoke('risk.blockSwipedCard', {}))}
            data-testid="risk-block-swiped"
          >
            {t('risk.blockSwiped')}
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => void act(api.invoke('risk.unblockCards', {}))}
          >
            {t('risk.unblockAll')}
          </button>
        </div>
      </section>
      <OfflinePanel currency={currency} notify={notify} />
      <section className="panel">
        <h2>{t('risk.events')}</h2>
        {view.events.length === 0 && <p className="muted">{t('risk.noEvents')}</p>}
        <table className="table" data-testid="risk-events">
          <tbody>
            {view.events.map((event, i) => (
              <tr key={`${event.at}-${String(i)}`}>
                <td>{formatLocalDateTime(event.at, zone)}</td>
                <td>{t(`risk.rule.${event.rule}`)}</td>
                <td>{t(`risk.tender.${event.tender}`)}</td>
                <td>{money(event.amountMinor, currency)}</td>
                <td>{event.cardMasked ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
