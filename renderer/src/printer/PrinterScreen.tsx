import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedPage, PrinterStatus } from '@app/api/contract';
import type { Result } from '@app/result';
import { formatLocalDateTime } from '@app/time/local-time';
import { useApi, useEvent } from '../api/api-context';
import { useCommand } from '../api/useCommand';
import { useQuery } from '../api/useQuery';
import type { Notice } from '../common/notices';
import { useErrorText } from '../common/format';
import { DrawerSettingsForm } from './DrawerSettingsForm';
import { LogoPanel } from './LogoPanel';
import { PrinterChoice } from './PrinterChoice';
import { ReceiptPaper } from './ReceiptPaper';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The receipt printer: which one, its queue (retry / skip), and the simulated printer's paper. */
export function PrinterScreen({
  status,
  notify,
}: {
  status: PrinterStatus | null;
  notify: (n: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const jobsQuery = useQuery('printer.jobs', {}, ['printer.status']);
  const jobs = jobsQuery.data ?? [];
  const refresh = jobsQuery.refresh;
  // The pages printed before this screen opened, then each new one as it comes.
  const [pages, setPages] = useState<PrintedPage[]>([]);
  const readPages = useCommand('printer.pages', { read: true }).run;
  useEffect(() => {
    void readPages({}).then((printed) => printed && setPages(printed));
  }, [readPages]);
  useEvent('printer.page', (page) => setPages((current) => [...current.slice(-19), page]));

  const act = async (call: Promise<Result<unknown>>) => {
    const result = await call;
    notify(result.ok ? null : { kind: 'error', text: errorText(result.error) });
    refresh();
  };
  const simulated = status?.config.kind === 'simulated';
  const pending = jobs.filter((j) => j.status === 'queued' || j.status === 'failed');

  return (
    <div className="printer-screen">
      <section className="printer-config">
        <h1>{t('printer.title')}</h1>
        {status && (
          <p data-testid="printer-state" className={`state state-${status.state}`}>
            {simulated ? t('printer.simulatedName') : status.description} ·{' '}
            {t(`printer.state.${status.state}`)}
            {status.lastError ? ` · ${status.lastError}` : ''}
          </p>
        )}
        <PrinterChoice
          current={status?.config ?? null}
          onChoose={(config) => void act(api.invoke('printer.configure', config))}
          testIdPrefix="printer"
        />
        {simulated && (
          <div className="form-row">
            <button
              type="button"
              className="secondary"
              data-testid="sim-offline"
              onClick={() =>
                void act(api.invoke('printer.simulateOffline', { reason: 'paper out' }))
              }
            >
              {t('printer.goOffline')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="sim-online"
              onClick={() => void act(api.invoke('printer.simulateOffline', { reason: null }))}
            >
              {t('printer.goOnline')}
            </button>
          </div>
        )}
        {status && (
          <dl className="facts" data-testid="printer-condition" data-condition={status.condition}>
            <dt>{t('printer.condition')}</dt>
            <dd className={status.condition === 'ready' ? 'swipe-ok' : 'state-error'}>
              {t(`printer.condition.${status.condition}`)}
              {status.statusError ? ` · ${status.statusError}` : ''}
            </dd>
            <dt>{t('printer.drawer')}</dt>
            <dd data-testid="drawer-state">
              {t(
                status.drawerOpen === null
                  ? 'printer.drawer.unknown'
                  : status.drawerOpen
                    ? 'printer.drawer.open'
                    : 'printer.drawer.closed',
              )}
            </dd>
          </dl>
        )}
        <div className="form-row">
          {([2, 5] as const).map((pin) => (
            <button
              key={pin}
              type="button"
              className="secondary"
              data-testid={`drawer-kick-${String(pin)}`}
              onClick={() => void act(api.invoke('printer.kickDrawer', { pin }))}
            >
              {t('printer.kick', { pin })}
            </button>
          ))}
          <button
            type="button"
            className="secondary"
            data-testid="printer-test-page"
            onClick={() => void act(api.invoke('printer.testPage', {}))}
          >
            {t('printer.testPage')}
          </button>
        </div>
        {status && (
          <DrawerSettingsForm
            key={`${String(status.drawer.pulseMs)}-${status.drawer.openWhen}`}
            current={status.drawer}
            onSave={(drawer) => void act(api.invoke('printer.drawerSettings', drawer))}
          />
        )}
        <LogoPanel notify={notify} />
        <h2>{t('printer.backup')}</h2>
        <p className="muted">{t('printer.backupHint')}</p>
        <p data-testid="backup-printer">
          {status?.backup ? status.backup.description : t('printer.backupNone')}
          {status?.backup && (
            <button
              type="button"
              className="ghost"
              onClick={() => void act(api.invoke('printer.setBackup', { config: null }))}
            >
              {t('printer.clearBackup')}
            </button>
          )}
        </p>
        <PrinterChoice
          current={status?.backup?.config ?? null}
          onChoose={(config) => void act(api.invoke('printer.setBackup', { config }))}
          testIdPrefix="backup"
        />
        <h2>{t('printer.queue')}</h2>
        {pending.length === 0 && <p className="muted">{t('printer.queueEmpty')}</p>}
        <table className="table" data-testid="print-queue">
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{t(`printer.job.${job.kind}`)}</td>
                <td>{formatLocalDateTime(job.createdAt, zone)}</td>
                <td className={`job-${job.status}`}>{t(`printer.status.${job.status}`)}</td>
                <td className="muted">{job.lastError ?? ''}</td>
                <td>
                  {(job.status === 'failed' || job.status === 'queued') && (
                    <>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => void act(api.invoke('printer.retry', { jobId: job.id }))}
                      >
                        {t('printer.retry')}
                      </button>
                      <button
                        type="button"
                        className="ghost"
                        onClick={() => void act(api.invoke('printer.skip', { jobId: job.id }))}
                      >
                        {t('printer.skip')}
                      </button>
                      {job.status === 'failed' && status?.backup && (
                        <button
                          type="button"
                          className="secondary"
                          data-testid="send-to-backup"
                          onClick={() =>
                            void act(api.invoke('printer.sendToBackup', { jobId: job.id }))
                          }
                        >
                          {t('printer.sendToBackup', { printer: status.backup.description })}
                        </button>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="printer-output">
        <h2>{t('printer.output')}</h2>
        {pages.length === 0 && <p className="muted">{t('printer.noOutput')}</p>}
        <div className="pages">
          {[...pages].reverse().map((page) => (
            <ReceiptPaper key={page.receivedAt + String(page.byteCount)} page={page} />
          ))}
        </div>
      </section>
    </div>
  );
}
