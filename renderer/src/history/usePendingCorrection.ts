import { useEffect, useRef, useState } from 'react';
import type { PendingCorrection } from '@app/api/correction-schemas';
import { useApi, useEvent } from '../api/api-context';

/** The void or refund that could not finish, loaded once and then followed by its event. */
export function usePendingCorrection(): PendingCorrection | null {
  const api = useApi();
  const [pending, setPending] = useState<PendingCorrection | null>(null);
  // An event newer than the first load wins: the load's answer may describe an older state.
  const heard = useRef(false);
  useEffect(() => {
    let live = true;
    void api.invoke('correction.pending', {}).then((r) => {
      if (live && r.ok && !heard.current) setPending(r.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('correction.changed', (next) => {
    heard.current = true;
    setPending(next);
  });
  return pending;
}
