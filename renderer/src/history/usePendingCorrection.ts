import type { PendingCorrection } from '@app/api/correction-schemas';
import { useEvent } from '../api/api-context';
import { useQuery } from '../api/useQuery';

/**
 * The void or refund that could not finish, loaded once and then followed by its event. An
 * event newer than the first load wins: the load's answer may describe an older state.
 */
export function usePendingCorrection(): PendingCorrection | null {
  const pending = useQuery('correction.pending', {});
  useEvent('correction.changed', pending.set);
  return pending.data;
}
