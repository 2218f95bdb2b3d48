import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseHealthView } from '@app/api/contract';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { formatBytes, useErrorText } from '../common/format';

/** Integrity check, sizes and the re-verified hash chain of the ledger, on request. */
export function DatabasePanel({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [health, setHealth] = useState<DatabaseHealthView | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (full: boolean) => {
    setBusy(true);
    const result = await api.invoke('diagnostics.database', { full });
    setBusy(false);
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    setHealth(result.value);
  };

  const healthy = health && health.integrity.ok && health.chain?.ok && health.errors.length === 0;
  return (
    <section className="panel" data-testid="database-panel">
      <h2>{t('diag.database')}</h2>
      <div className="form-row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void check(false)}
          data-testid="db-check"
        >
          {t('diag.database.quick')}
        </button>
        <button type="button" disabled={busy} onClick={() => void check(true)}>
          {t('diag.database.full')}
        </button>
      </div>
      {health && (
        <dl className="facts" data-testid="db-health" data-ok={healthy ? 'true' : 'false'}>
          <dt>{t('diag.database.integrity')}</dt>
          <dd className={health.integrity.ok ? 'swipe-ok' : 'state-error'}>
            {health.integrity.ok ? t('diag.ok') : health.integrity.problems.join('; ')} (
            {health.integrity.check}, {Math.round(health.tookMs)} ms)
          </dd>
          <dt>{t('diag.database.chain')}</dt>
          <dd className={health.chain?.ok ? 'swipe-ok' : 'state-error'}>
            {health.chain === null
              ? '—'
              : health.chain.ok
                ? t('diag.database.chainOk', {
                    n: health.chain.count,
                    head: health.chain.headHash.slice(0, 16),
                  })
                : t('diag.database.chainBroken', {
                    seq: health.chain.atSeq,
                    reason: health.chain.reason,
                  })}
          </dd>
          <dt>{t('diag.database.size')}</dt>
          <dd>
            {formatBytes(health.files.databaseBytes)} + WAL {formatBytes(health.files.walBytes)}
            {' · '}
            {t('diag.database.free', { size: formatBytes(health.freelistCount * health.pageSize) })}
          </dd>
          <dt>{t('diag.database.entries')}</dt>
          <dd>{health.entryCount ?? '—'}</dd>
          {health.errors.map((e) => (
            <dd key={e.part} className="state-error">
              {e.part}: {e.message}
            </dd>
          ))}
        </dl>
      )}
    </section>
  );
}
