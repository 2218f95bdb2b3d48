import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCopy, RestoreOutcome } from '@app/api/contract';
import type { AppError } from '@app/result';
import { useApi, useEvent } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText } from '../common/format';
import { localTime, useProblemText } from './backup-text';

type Step =
  | { kind: 'checking' }
  | { kind: 'checked'; copy: BackupCopy }
  | { kind: 'restarting' }
  | { kind: 'finished'; outcome: RestoreOutcome };

/**
 * Restoring in the steps the owner needs: the copy is checked first (integrity, hash chain,
 * checksum), then what happens is said, another till's copy needs its terminal ID typed,
 * and the till restarts on it. Afterwards the page reloads and everyone signs in again.
 */
export function RestoreDialog({
  copy,
  thisTerminal,
  onClose,
}: {
  copy: BackupCopy;
  thisTerminal: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const problemText = useProblemText();
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void api.invoke('backup.check', { name: copy.name }).then((result) => {
      if (result.ok) setStep({ kind: 'checked', copy: result.value });
      else setError(result.error);
    });
  }, [api, copy.name]);
  useEvent('backup.restored', (outcome) => {
    if (outcome.name === copy.name) setStep({ kind: 'finished', outcome });
  });

  const restore = async (checked: BackupCopy) => {
    setError(null);
    const result = await api.invoke('backup.restore', {
      name: checked.name,
      ...(checked.thisTerminal ? {} : { confirmTerminalId: typed }),
    });
    if (!result.ok) setError(result.error);
    // The event may have come first: only a dialog still waiting moves on.
    else setStep((now) => (now.kind === 'finished' ? now : { kind: 'restarting' }));
  };

  const other = copy.terminalId ?? '';
  return (
    <Dialog title={t('restore.title', { name: copy.name })} testId="restore-dialog">
      {error && (
        <p className="state-error" data-testid="restore-error">
          {errorText(error)}
        </p>
      )}
      {step.kind === 'checking' && !error && <p>{t('restore.checking')}</p>}
      {step.kind === 'checked' && !step.copy.verified.ok && (
        <p className="state-error" data-testid="restore-check-failed">
          {t('restore.checkFailed', { problems: problemText(step.copy.verified.problems) })}
        </p>
      )}
      {step.kind === 'checked' && step.copy.verified.ok && (
        <form
          className="restore-form"
          onSubmit={(e) => {
            e.preventDefault();
            void restore(step.copy);
          }}
        >
          <p className="swipe-ok" data-testid="restore-check-ok">
            {t('restore.checkOk', {
              entries: step.copy.headSeq ?? 0,
              at: localTime(step.copy.createdAt),
              terminal: other,
            })}
          </p>
          <p>{t('restore.explain')}</p>
          {!step.copy.thisTerminal && (
            <>
              <p className="state-error">
                {t('restore.otherTerminal', { backupTerminal: other, thisTerminal })}
              </p>
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                placeholder={other}
                autoComplete="off"
                aria-label={t('backup.terminal')}
                data-testid="restore-confirm-terminal"
              />
            </>
          )}
          <div className="form-row">
            <button type="button" onClick={onClose}>
              {t('restore.cancel')}
            </button>
            <button
              type="submit"
              className="danger"
              disabled={!step.copy.thisTerminal && typed.trim().toUpperCase() !== other}
              data-testid="restore-confirm"
            >
              {t('restore.confirm')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'restarting' && <p data-testid="restore-running">{t('restore.running')}</p>}
      {step.kind === 'finished' && (
        <>
          <p
            className={step.outcome.ok ? 'swipe-ok' : 'state-error'}
            data-testid="restore-finished"
            data-ok={step.outcome.ok ? 'true' : 'false'}
          >
            {step.outcome.ok
              ? t('restore.done', { name: step.outcome.name, aside: step.outcome.asideDir ?? '' })
              : t('restore.failed', {
                  reason: step.outcome.error?.message ?? '',
                })}
          </p>
          <div className="form-row">
            <button
              type="button"
              className="primary"
              onClick={() => window.location.reload()}
              data-testid="restore-continue"
            >
              {t('restore.continue')}
            </button>
          </div>
        </>
      )}
      {(step.kind === 'checking' || (step.kind === 'checked' && !step.copy.verified.ok)) && (
        <div className="form-row">
          <button type="button" onClick={onClose}>
            {t('restore.cancel')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
