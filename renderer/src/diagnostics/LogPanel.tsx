import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogTailView } from '@app/api/contract';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';

const LEVELS = ['info', 'warn', 'error'] as const;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The newest records of the app's log, newest first, filtered by level. */
export function LogPanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [minLevel, setMinLevel] = useState<(typeof LEVELS)[number]>('info');
  const [tail, setTail] = useState<LogTailView | null>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void api.invoke('diagnostics.logTail', { lines: 300, minLevel }).then((result) => {
      if (!current) return;
      if (result.ok) setTail(result.value);
      else notify({ kind: 'error', text: errorText(result.error) });
    });
    return () => {
      current = false;
    };
  }, [api, minLevel, version, notify, errorText]);

  return (
    <section className="panel" data-testid="log-panel">
      <h2>{t('diag.log')}</h2>
      <div className="form-row">
        <label>
          {t('diag.log.level')}{' '}
          <select
            value={minLevel}
            onChange={(e) => setMinLevel(e.target.value as (typeof LEVELS)[number])}
            data-testid="log-level"
          >
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`diag.level.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setVersion((n) => n + 1)} data-testid="log-refresh">
          {t('diag.refresh')}
        </button>
      </div>
      {tail && tail.lines.length === 0 && <p className="muted">{t('diag.log.empty')}</p>}
      {tail && tail.lines.length > 0 && (
        <ol className="log-lines" data-testid="log-lines">
          {[...tail.lines].reverse().map((line, i) => (
            <li key={i} className={`log-${line.level}`}>
              <span className="muted">
                {line.at ? formatLocalDateTime(line.at, zone).slice(5) : '—'}
              </span>{' '}
              <strong>{line.level.toUpperCase()}</strong> {line.message}
              {Object.keys(line.fields).length > 0 && (
                <code>
                  {' '}
                  {Object.entries(line.fields)
                    .map(([key, value]) => `${key}=${String(value)}`)
                    .join(' ')}
                </code>
              )}
            </li>
          ))}
        </ol>
      )}
      {tail && tail.skipped > 0 && (
        <p className="muted">{t('diag.log.skipped', { n: tail.skipped })}</p>
      )}
    </section>
  );
}
