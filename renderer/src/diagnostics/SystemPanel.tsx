import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfoView } from '@app/api/contract';
import { useApi } from '../api/api-context';
import { formatBytes } from '../common/format';

/** Which build, on what, with how much room left: what support asks first. */
export function SystemPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<SystemInfoView | null>(null);
  useEffect(() => {
    void api.invoke('diagnostics.system', {}).then((r) => r.ok && setInfo(r.value));
  }, [api]);
  if (!info) return null;
  const describePart = (part: SystemInfoView['storage']['log']): string =>
    part.failing
      ? t('diag.storage.failing', {
          since: part.since ?? '',
          count: part.failures,
          error: part.lastError ?? '',
        })
      : part.failures > 0
        ? t('diag.storage.okAfter', { count: part.failures })
        : t('diag.storage.ok');
  const { versions } = info;
  return (
    <section className="panel" data-testid="system-panel">
      <h2>{t('diag.system')}</h2>
      <dl className="facts">
        <dt>{t('diag.system.version')}</dt>
        <dd>
          Countertop {info.appVersion} · Node {versions.node}
          {versions.electron ? ` · Electron ${versions.electron}` : ''}
          {versions.sqlite ? ` · SQLite ${versions.sqlite}` : ''}
        </dd>
        <dt>{t('diag.system.os')}</dt>
        <dd>
          {info.os.platform} {info.os.release} {info.os.arch} · {info.cpuCount} CPU
        </dd>
        <dt>{t('diag.system.memory')}</dt>
        <dd>
          {formatBytes(info.memory.freeBytes)} / {formatBytes(info.memory.totalBytes)}
        </dd>
        <dt>{t('diag.system.disk')}</dt>
        <dd>
          {info.disk
            ? t('diag.system.diskFree', {
                free: formatBytes(info.disk.freeBytes),
                total: formatBytes(info.disk.totalBytes),
              })
            : '—'}
        </dd>
        <dt>{t('diag.system.dataDir')}</dt>
        <dd>
          <code>{info.dataDir}</code>
        </dd>
        {(['log', 'checkpoint'] as const).map((part) => (
          <Fragment key={part}>
            <dt>{t(`diag.storage.${part}`)}</dt>
            <dd
              data-testid={`storage-${part}`}
              className={info.storage[part].failing ? 'error' : ''}
            >
              {describePart(info.storage[part])}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
