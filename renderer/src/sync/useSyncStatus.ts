import { useEffect, useState } from 'react';
import type { SyncStatus } from '@app/api/contract';
import { useApi, useEvent } from '../api/api-context';

/** The upload state, kept current by the `sync.status` event. */
export function useSyncStatus(connected: boolean): [SyncStatus | null, (s: SyncStatus) => void] {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    if (!connected) return;
    void api.invoke('sync.status', {}).then((r) => r.ok && setStatus(r.value));
  }, [api, connected]);
  useEvent('sync.status', setStatus);
  return [status, setStatus];
}

/** A clock that ticks every `everyMs`, for ages ("oldest 3 min") that must move on their own. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
