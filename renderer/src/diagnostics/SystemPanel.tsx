import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { formatBytes } from '../common/format';

/** Which build, on what, with how much room left: what support asks first. */
export function SystemPanel() {
  const { t } = useTranslation();
  const info = useQuery('diagnostics.system', {}).data;
  if (!info) return null;
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
      </dl>
    </section>
  );
}
