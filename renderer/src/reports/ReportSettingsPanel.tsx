import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSettings } from '@app/api/contract';
import { feeKinds, formatPpmAsPercent, parsePercentToPpm } from '@app/fees/fee-schedule';
import type { FeeKind, FeeSchedule } from '@app/fees/fee-schedule';
import type { MessageKey } from '@app/i18n/en';
import { parseDecimal, toDecimalString } from '@app/money/format';
import type { CurrencyCode } from '@app/money/currency';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

type FeeText = Record<FeeKind, { rate: string; cap: string }>;

/** The owner's report settings: shop time zone, business-day cut-off, merchant fee rates. */
export function ReportSettingsPanel({
  settings,
  currency,
  onSaved,
  notify,
}: {
  settings: ReportSettings;
  currency: CurrencyCode;
  onSaved: (settings: ReportSettings) => void;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [cutoff, setCutoff] = useState(settings.cutoffHour);
  const [fees, setFees] = useState<FeeText>(() => {
    const text = {} as FeeText;
    for (const kind of feeKinds) {
      const rate = settings.fees[kind];
      text[kind] = {
        rate: formatPpmAsPercent(rate.ppm),
        cap: rate.capMinor === null ? '' : toDecimalString(rate.capMinor, currency),
      };
    }
    return text;
  });

  const save = async () => {
    const schedule = {} as FeeSchedule;
    for (const kind of feeKinds) {
      const ppm = parsePercentToPpm(fees[kind].rate);
      const cap = fees[kind].cap.trim() === '' ? null : parseDecimal(fees[kind].cap, currency);
      if (ppm === null || (fees[kind].cap.trim() !== '' && cap === null)) {
        notify({
          kind: 'error',
          text: errorText({ code: 'invalid_amount', message: `fee ${kind}` }),
        });
        return;
      }
      schedule[kind] = { ppm, capMinor: cap };
    }
    const result = await api.invoke('reports.updateSettings', {
      timeZone: timeZone.trim(),
      cutoffHour: cutoff,
      fees: schedule,
    });
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    notify({ kind: 'info', text: t('reports.saved') });
    onSaved(result.value);
  };

  return (
    <section className="panel" data-testid="report-settings">
      <h2>{t('reports.settings')}</h2>
      <div className="form-row">
        <label>
          {t('reports.timeZone')}
          <input
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            data-testid="report-timezone"
          />
        </label>
        <label>
          {t('reports.cutoff')}
          <select
            value={cutoff}
            onChange={(e) => setCutoff(Number(e.target.value))}
            data-testid="report-cutoff"
          >
            {Array.from({ length: 13 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="fee-grid">
        {feeKinds
          .filter((kind) => kind !== 'cash')
          .map((kind) => (
            <div key={kind} className="form-row">
              <label>
                {t('reports.feeRate', { kind: t(`reports.kind.${kind}` as MessageKey) })}
                <input
                  inputMode="decimal"
                  value={fees[kind].rate}
                  onChange={(e) =>
                    setFees({ ...fees, [kind]: { ...fees[kind], rate: e.target.value } })
                  }
                  data-testid={`fee-rate-${kind}`}
                />
              </label>
              <label>
                {t('reports.feeCap')}
                <input
                  inputMode="decimal"
                  placeholder={t('reports.noCap')}
                  value={fees[kind].cap}
                  onChange={(e) =>
                    setFees({ ...fees, [kind]: { ...fees[kind], cap: e.target.value } })
                  }
                  data-testid={`fee-cap-${kind}`}
                />
              </label>
            </div>
          ))}
      </div>
      <button
        type="button"
        className="primary"
        onClick={() => void save()}
        data-testid="report-settings-save"
      >
        {t('reports.save')}
      </button>
    </section>
  );
}
