import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@app/api/contract';
import { useApi, useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { localTime } from './backup-text';
import './backup.css';

/**
 * The owner's backups: where and when they go, "Back up now" with its progress, the copies
 * in the folder with their checks, and restoring one.
 */
export function BackupScreen({ notify }: { notify: (notice: Notice | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const query = useQuery('backup.status', {});
  const status = query.data;
  const setStatus = query.set;
  // Bumped when a backup finishes, so the list reads the folder again.
  const [written, setWritten] = useState(0);
  const [busy, setBusy] = useState(false);

  useEvent('backup.changed', setStatus);

  const backUpNow = useCallback(async () => {
    setBusy(true);
    notify(null);
    const result = await api.invoke('backup.run', {});
    setBusy(false);
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return;
    }
    setStatus(result.value);
    setWritten((n) => n + 1);
    notify({ kind: 'info', text: t('backup.done', { name: result.value.last?.name ?? '' }) });
  }, [api, errorText, notify, setStatus, t]);

  if (!status) return null;
  const { last, running } = status;
  return (
    <div className="backup-screen" data-testid="backup-screen">
      <h1>{t('backup.title')}</h1>
      <div className="backup-columns">
        <BackupSettingsForm status={status} onSaved={setStatus} notify={notify} />
        <section className="panel" data-testid="backup-status">
          <h2>{t('backup.status')}</h2>
          {status.settings.folder === null && <p className="state-error">{t('backup.noFolder')}</p>}
          <dl className="facts">
            <dt>{t('backup.last')}</dt>
            <dd
              className={last === null ? '' : last.ok ? 'swipe-ok' : 'state-error'}
              data-testid="backup-last"
            >
              {last === null
                ? t('backup.never')
                : t(last.ok ? 'backup.lastOk' : 'backup.lastFailed', { at: localTime(last.at) })}
            </dd>
            {last?.error && (
              <dd className="state-error backup-last-error">{errorText(last.error)}</dd>
            )}
            <dt>{t('backup.lastSuccess')}</dt>
            <dd>{localTime(status.lastSuccessAt)}</dd>
            <dt>{t('backup.next')}</dt>
            <dd>{localTime(status.nextAt)}</dd>
          </dl>
          <button
            type="button"
            className="primary"
            disabled={busy || running !== null || status.settings.folder === null}
            onClick={() => void backUpNow()}
            data-testid="backup-now"
          >
            {t('backup.now')}
          </button>
          {running && <BackupProgress running={running} />}
        </section>
      </div>
      {status.settings.folder !== null && (
        <BackupList key={`${status.settings.folder}:${written}`} status={status} notify={notify} />
      )}
    </div>
  );
}

function BackupProgress({ running }: { running: NonNullable<BackupStatus['running']> }) {
  const { t } = useTranslation();
  const percent = running.total > 0 ? Math.floor((running.done / running.total) * 100) : 0;
  return (
    <div className="progress" data-testid="backup-progress" data-phase={running.phase}>
      <progress max={100} value={running.phase === 'verifying' ? undefined : percent} />
      <span>{t(`backup.phase.${running.phase}`, { percent })}</span>
    </div>
  );
}
