import { useEffect, useState } from 'react';
import type { SyncStatus } from '@app/api/contract';
import { useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';

/** The upload state, kept current by the `sync.status` event; asked while `connected`. */
export function useSyncStatus(connected: boolean): [SyncStatus | null, (s: SyncStatus) => void] {
  const status = useQuery('sync.status', connected ? {} : null);
  useEvent('sync.status', status.set);
  return [status.data, status.set];
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
