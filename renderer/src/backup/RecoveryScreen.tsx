import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCopy } from '@app/api/contract';
import type { RecoveryStatus } from '@app/api/recovery-contract';
import type { AppError } from '@app/result';
import { useApi, useEvent } from '../api/api-context';
import { useErrorText } from '../common/format';
import { changeLocale } from '../i18n';
import { BackupCopyFacts, BackupCopyHeadings } from './BackupCopyColumns';
import './backup.css';

/**
 * What the till shows when its ledger cannot be opened: why, where its data is, and a way
 * for an owner to restore a backup (the folder, the copies in it, the owner's PIN from that
 * copy). Once the till has restarted on the copy, the page reloads to the PIN pad.
 */
export function RecoveryScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const chinese = i18n.language === 'zh-CN';
  const errorText = useErrorText();
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [copies, setCopies] = useState<BackupCopy[] | null>(null);
  const [chosen, setChosen] = useState<BackupCopy | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.invoke('recovery.status', {}).then((result) => {
      if (!result.ok) return setError(result.error);
      setStatus(result.value);
      if (result.value.folder !== null) setFolder(result.value.folder);
    });
  }, [api]);
  useEvent('backup.restored', (outcome) => {
    if (outcome.ok) window.location.reload();
    else setError(outcome.error);
  });

  const list = async () => {
    setError(null);
    setChosen(null);
    const result = await api.invoke('recovery.list', { folder: folder.trim() });
    if (result.ok) setCopies(result.value);
    else {
      setCopies(null);
      setError(result.error);
    }
  };
  const restore = async (copy: BackupCopy) => {
    setError(null);
    setBusy(true);
    const result = await api.invoke('recovery.restore', {
      folder: folder.trim(),
      name: copy.name,
      ownerPin: pin,
    });
    setBusy(false);
    setPin('');
    if (!result.ok) setError(result.error);
  };

  return (
    <main className="panel recovery-screen" data-testid="recovery-screen">
      <div className="recovery-head">
        <h1>{t('recovery.title')}</h1>
        {/* Nobody is signed in to choose a language: the page offers both. */}
        <button
          type="button"
          lang={chinese ? 'en' : 'zh-CN'}
          onClick={() => void changeLocale(chinese ? 'en' : 'zh-CN')}
          data-testid="locale-toggle"
        >
          {chinese ? 'EN' : '中文'}
        </button>
      </div>
      <p>{t('recovery.explain')}</p>
      {status && (
        <p className="muted" data-testid="recovery-problem">
          {t('recovery.problem', { problem: status.problem })}
          <br />
          {t('recovery.dataDir', { dir: status.dataDir })}
        </p>
      )}
      {error && (
        <p className="state-error" role="alert" data-testid="recovery-error">
          {errorText(error)}
        </p>
      )}
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void list();
        }}
      >
        <label className="recovery-folder">
          {t('recovery.folder')}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            autoComplete="off"
            data-testid="recovery-folder"
          />
        </label>
        <button type="submit" disabled={folder.trim() === ''} data-testid="recovery-show">
          {t('recovery.show')}
        </button>
      </form>
      {copies !== null && copies.length === 0 && <p className="muted">{t('recovery.none')}</p>}
      {copies !== null && copies.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <BackupCopyHeadings />
              <th />
            </tr>
          </thead>
          <tbody>
            {copies.map((copy) => (
              <tr key={copy.name} data-testid="recovery-row" data-name={copy.name}>
                <BackupCopyFacts copy={copy} markOther={false} />
                <td>
                  <button
                    type="button"
                    className={chosen?.name === copy.name ? 'primary' : ''}
                    onClick={() => setChosen(copy)}
                  >
                    {t('recovery.choose')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void restore(chosen);
          }}
        >
          <label>
            {t('recovery.pin')}
            <input
              type="password"
              inputMode="numeric"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              autoComplete="off"
              autoFocus
              data-testid="recovery-pin"
            />
          </label>
          <button
            type="submit"
            className="danger"
            disabled={busy || pin.length < 4}
            data-testid="recovery-restore"
          >
            {t('recovery.restore')}
          </button>
          {busy && <span className="muted">{t('restore.running')}</span>}
        </form>
      )}
    </main>
  );
}
