import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageHealthView } from '@app/api/contract';
import { useEvent } from '../api/api-context';

/**
 * Shown on every screen while the log or the ledger checkpoint cannot be written: selling goes
 * on, but someone should look at the disk. A tap opens Diagnostics, which says what failed.
 */
export function StorageChip({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const [health, setHealth] = useState<StorageHealthView | null>(null);
  useEvent('diagnostics.storage', setHealth);
  if (!health || !(health.log.failing || health.checkpoint.failing)) return null;
  return (
    <button type="button" className="chip chip-error" onClick={onOpen} data-testid="storage-chip">
      {t('storage.chip')}
    </button>
  );
}
