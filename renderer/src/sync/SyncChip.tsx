import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@app/api/contract';
import { formatSince } from '@app/time/local-time';
import { useAge } from '../common/format';
import { useNow } from './useSyncStatus';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The sync state at a glance, on every screen; a tap opens the Sync screen. */
export function SyncChip({ status, onOpen }: { status: SyncStatus; onOpen: () => void }) {
  const { t } = useTranslation();
  const age = useAge();
  const now = useNow(15_000);
  const label = (): string => {
    switch (status.state) {
      case 'not_bound':
        return status.unsynced > 0
          ? t('sync.chip.notBoundPending', { count: status.unsynced })
          : t('sync.chip.not_bound');
      case 'synced':
        return t('sync.chip.synced');
      case 'pending':
        return t('sync.chip.pending', {
          count: status.unsynced,
          age: status.oldestUnsyncedAt ? age(status.oldestUnsyncedAt, now) : '',
        });
      case 'unreachable':
        return t(status.unsynced > 0 ? 'sync.chip.unreachable' : 'sync.chip.unreachableSynced', {
          count: status.unsynced,
          time: status.unreachableSince
            ? formatSince(status.unreachableSince, zone, new Date(now).toISOString())
            : '',
        });
      case 'alarm':
        return t('sync.chip.alarm');
    }
  };
  return (
    <button
      type="button"
      className={`chip chip-sync-${status.state}`}
      onClick={onOpen}
      data-testid="sync-chip"
      data-state={status.state}
    >
      {label()}
    </button>
  );
}
