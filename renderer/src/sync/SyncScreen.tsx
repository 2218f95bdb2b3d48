import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@app/api/contract';
import type { Result } from '@app/result';
import type { Permission } from '@app/staff/permissions';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import type { Notice } from '../common/notices';
import { useAge, useErrorText } from '../common/format';
import { BindForm } from './BindForm';
import { SettlementPanel } from './SettlementPanel';
import { useNow } from './useSyncStatus';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const local = (iso: string | null): string => (iso ? formatLocalDateTime(iso, zone) : '—');

/**
 * The owner's and technician's view of upstream sync: binding, the upload queue with
 * "sync now", the alarm when the ledgers disagree, and end-of-day settlement.
 */
export function SyncScreen({
  status,
  onStatus,
  permissions,
  notify,
}: {
  status: SyncStatus;
  onStatus: (status: SyncStatus) => void;
  /** A technician uploads and reads the queue; settlements are for those who see reports. */
  permissions: readonly Permission[];
  notify: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();

  const run = async (
    call: Promise<Result<SyncStatus>>,
    done?: (status: SyncStatus) => string,
  ): Promise<boolean> => {
    const result = await call;
    if (!result.ok) {
      notify({ kind: 'error', text: errorText(result.error) });
      return false;
    }
    onStatus(result.value);
    notify(done ? { kind: 'info', text: done(result.value) } : null);
    return true;
  };

  return (
    <div className="sync-screen" data-testid="sync-screen">
      <h1>{t('sync.title')}</h1>
      <div className="sync-columns">
        <div className="sync-column">
          {status.alarm && (
            <AlarmPanel
              status={status}
              onClear={() => void run(api.invoke('sync.clearAlarm', {}))}
            />
          )}
          {status.binding ? (
            <BindingCard status={status} run={run} />
          ) : (
            <BindForm
              onBind={(input) =>
                run(api.invoke('sync.bind', input), (bound) =>
                  t('sync.bind.done', {
                    merchant: bound.binding?.merchantName ?? '',
                    terminalId: bound.binding?.terminalId ?? '',
                  }),
                )
              }
            />
          )}
          <QueuePanel status={status} onSyncNow={() => void run(api.invoke('sync.now', {}))} />
        </div>
        {permissions.includes('reports.view') && (
          <div className="sync-column">
            <SettlementPanel status={status} notify={notify} />
          </div>
        )}
      </div>
    </div>
  );
}

function BindingCard({
  status,
  run,
}: {
  status: SyncStatus;
  run: (call: Promise<Result<SyncStatus>>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const binding = status.binding;
  if (!binding) return null;
  return (
    <section className="panel" data-testid="sync-binding">
      <dl className="facts">
        <dt>{t('sync.bound.merchant')}</dt>
        <dd data-testid="sync-merchant">{binding.merchantName}</dd>
        <dt>{t('sync.bound.merchantId')}</dt>
        <dd>{binding.merchantId}</dd>
        <dt>{t('sync.bound.terminalId')}</dt>
        <dd>{binding.terminalId}</dd>
        <dt>{t('sync.bound.account')}</dt>
        <dd data-testid="sync-account">{binding.settlementAccount}</dd>
        <dt>{t('sync.bound.host')}</dt>
        <dd>{binding.hostUrl}</dd>
        <dt>{t('sync.bound.since')}</dt>
        <dd>{local(binding.boundAt)}</dd>
      </dl>
      <button type="button" onClick={() => setConfirming(true)} data-testid="sync-unbind">
        {t('sync.unbind.button')}
      </button>
      {confirming && (
        <Dialog title={t('sync.unbind.title')} testId="unbind-dialog">
          <p>{t('sync.unbind.explain', { terminalId: binding.terminalId })}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(api.invoke('sync.unbind', { confirmTerminalId: typed })).then(
                (ok) => ok && setConfirming(false),
              );
            }}
          >
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={binding.terminalId}
              autoComplete="off"
              aria-label={t('sync.bound.terminalId')}
            />
            <div className="form-row">
              <button type="button" onClick={() => setConfirming(false)}>
                {t('sync.cancel')}
              </button>
              <button type="submit" className="danger">
                {t('sync.unbind.confirm')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}

function QueuePanel({ status, onSyncNow }: { status: SyncStatus; onSyncNow: () => void }) {
  const { t } = useTranslation();
  const age = useAge();
  const now = useNow(5_000);
  const backlog = status.backlog;
  const total = backlog ? backlog.toSeq - backlog.fromSeq + 1 : 0;
  const done = backlog ? Math.max(0, status.ackedSeq - backlog.fromSeq + 1) : 0;
  return (
    <section className="panel" data-testid="sync-queue">
      <h2>{t('sync.queue.title')}</h2>
      <dl className="facts">
        <dt>{t('sync.queue.unsynced')}</dt>
        <dd data-testid="sync-unsynced">{status.unsynced}</dd>
        <dt>{t('sync.queue.oldest')}</dt>
        <dd>
          {status.oldestUnsyncedAt
            ? `${local(status.oldestUnsyncedAt)} (${age(status.oldestUnsyncedAt, now)})`
            : '—'}
        </dd>
        <dt>{t('sync.queue.lastSynced')}</dt>
        <dd>{local(status.syncedAt)}</dd>
        {status.openBatch && status.openBatch.attempts > 0 && (
          <>
            <dt>{t('sync.queue.inFlight')}</dt>
            <dd>
              {t('sync.queue.inFlightValue', {
                from: status.openBatch.fromSeq,
                to: status.openBatch.toSeq,
                attempts: status.openBatch.attempts,
              })}
            </dd>
          </>
        )}
        {status.lastError && (
          <>
            <dt>{t('sync.queue.lastError')}</dt>
            <dd className="state-error" data-testid="sync-last-error">
              <ProblemText code={status.lastError.code} detail={status.lastError.detail} /> ·{' '}
              {local(status.lastError.at)}
            </dd>
          </>
        )}
        {status.nextAttemptAt && status.unsynced > 0 && (
          <>
            <dt>{t('sync.queue.nextAttempt')}</dt>
            <dd>{local(status.nextAttemptAt)}</dd>
          </>
        )}
      </dl>
      {backlog && total > 1 && (
        <div className="progress" data-testid="sync-progress">
          <progress max={total} value={done} />
          <span>{t('sync.queue.progress', { done, total })}</span>
        </div>
      )}
      <div className="form-row">
        <button
          type="button"
          className="primary"
          onClick={onSyncNow}
          disabled={!status.binding || status.alarm !== null}
          data-testid="sync-now"
        >
          {status.uploading ? t('sync.queue.uploading') : t('sync.now')}
        </button>
      </div>
    </section>
  );
}

/** A failure in words: the codes the uploader records, with the raw detail as a fallback. */
function ProblemText({ code, detail }: { code: string; detail: string }) {
  const { t } = useTranslation();
  if (code === 'no_answer') return <>{t('sync.error.no_answer', { detail })}</>;
  if (code === 'bad_signature') return <>{t('sync.error.bad_signature')}</>;
  if (code === 'bad_answer') return <>{t('sync.error.bad_answer')}</>;
  if (code === 'seq_gap') return <>{t('sync.error.seq_gap')}</>;
  if (code === 'not_synced') return <>{t('sync.error.not_synced')}</>;
  if (code === 'http_429' || code === 'http_503') {
    return <>{t('sync.error.busy', { detail })}</>;
  }
  return <>{t('sync.error.http', { detail: `${code}, ${detail}` })}</>;
}

function AlarmPanel({ status, onClear }: { status: SyncStatus; onClear: () => void }) {
  const { t } = useTranslation();
  const alarm = status.alarm;
  if (!alarm) return null;
  const params = { atSeq: alarm.atSeq ?? '', path: alarm.path ?? '', code: alarm.code };
  const text =
    alarm.code === 'chain_broken' ||
    alarm.code === 'sensitive_data' ||
    alarm.code === 'cursor_ahead' ||
    alarm.code === 'cursor_mismatch'
      ? t(`sync.alarm.${alarm.code}`, params)
      : t('sync.alarm.client_bug', params);
  return (
    <section className="panel alarm" role="alert" data-testid="sync-alarm">
      <h2>{t('sync.alarm.title')}</h2>
      <p>{text}</p>
      <p className="muted">{t('sync.alarm.raisedAt', { time: local(alarm.raisedAt) })}</p>
      <button type="button" onClick={onClear} data-testid="sync-clear-alarm">
        {t('sync.alarm.clear')}
      </button>
    </section>
  );
}
