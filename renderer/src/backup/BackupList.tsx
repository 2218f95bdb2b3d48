import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCopy, BackupStatus } from '@app/api/contract';
import type { Result } from '@app/result';
import { useApi } from '../api/api-context';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { RestoreDialog } from './RestoreDialog';
import { useProblemText } from './backup-text';
import { BackupCopyFacts, BackupCopyHeadings } from './BackupCopyColumns';

/** The copies in the backup folder, newest first, each with its check and a way to restore it. */
export function BackupList({
  status,
  notify,
}: {
  status: BackupStatus;
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const problemText = useProblemText();
  const [copies, setCopies] = useState<BackupCopy[] | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupCopy | null>(null);

  const show = useCallback(
    (result: Result<BackupCopy[]>) => {
      if (result.ok) return setCopies(result.value);
      setCopies([]);
      notify({ kind: 'error', text: errorText(result.error) });
    },
    [errorText, notify],
  );
  const load = () => void api.invoke('backup.list', {}).then(show);
  // Read once per folder and per finished backup: the screen gives this list a new key.
  useEffect(() => void api.invoke('backup.list', {}).then(show), [api, show]);

  const check = async (name: string) => {
    setChecking(name);
    const result = await api.invoke('backup.check', { name });
    setChecking(null);
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    const checked = result.value;
    setCopies((list) => list?.map((c) => (c.name === name ? checked : c)) ?? null);
    notify({
      kind: checked.verified.ok ? 'info' : 'error',
      text: t('backup.checked', {
        name,
        result: checked.verified.ok
          ? t('backup.verifiedOk')
          : problemText(checked.verified.problems),
      }),
    });
  };

  return (
    <section className="panel" data-testid="backup-list">
      <div className="backup-list-head">
        <h2>{t('backup.list')}</h2>
        <span className="muted">{status.settings.folder}</span>
        <button type="button" onClick={load}>
          {t('backup.refresh')}
        </button>
      </div>
      {copies !== null && copies.length === 0 && <p className="muted">{t('backup.empty')}</p>}
      {copies !== null && copies.length > 0 && (
        <table className="table compact backup-table">
          <thead>
            <tr>
              <BackupCopyHeadings />
              <th>{t('backup.verified')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {copies.map((copy) => (
              <tr key={copy.name} data-testid="backup-row" data-name={copy.name}>
                <BackupCopyFacts copy={copy} markOther />
                <td
                  className={copy.verified.ok ? 'swipe-ok' : 'state-error'}
                  data-testid="backup-verified"
                >
                  {copy.verified.ok ? t('backup.verifiedOk') : problemText(copy.verified.problems)}
                </td>
                <td className="backup-actions">
                  <button
                    type="button"
                    disabled={checking !== null}
                    onClick={() => void check(copy.name)}
                  >
                    {t('backup.check')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setRestoring(copy)}
                    data-testid="backup-restore"
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <RestoreDialog
          copy={restoring}
          thisTerminal={status.terminalId}
          onClose={() => setRestoring(null)}
        />
      )}
    </section>
  );
}
