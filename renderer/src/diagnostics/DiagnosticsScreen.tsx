import type { SyncStatus } from '@app/api/contract';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../common/notices';
import { SyncChip } from '../sync/SyncChip';
import { BundlePanel } from './BundlePanel';
import { DatabasePanel } from './DatabasePanel';
import { LogPanel } from './LogPanel';
import { SerialMonitorPanel } from './SerialMonitorPanel';
import { SystemPanel } from './SystemPanel';

interface Props {
  sync: SyncStatus | null;
  onOpenSync: () => void;
  notify: (notice: Notice | null) => void;
}

/** The technician's checks beside the devices: log, database, this computer, support bundle. */
export function DiagnosticsScreen({ sync, onOpenSync, notify }: Props) {
  const { t } = useTranslation();
  return (
    <div className="diagnostics-screen" data-testid="diagnostics-screen">
      <h1>{t('diag.title')}</h1>
      <div className="sync-columns">
        <div className="sync-column">
          <LogPanel notify={notify} />
          <SerialMonitorPanel notify={notify} />
        </div>
        <div className="sync-column">
          <section className="panel">
            <h2>{t('nav.sync')}</h2>
            {sync && <SyncChip status={sync} onOpen={onOpenSync} />}
          </section>
          <DatabasePanel notify={notify} />
          <SystemPanel />
          <BundlePanel notify={notify} />
        </div>
      </div>
    </div>
  );
}
