import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput, EventName } from '@app/api/contract';
import type { AppError } from '@app/result';
import { useErrorText } from '../common/format';
import { useNotify } from '../common/notices';
import { useApi } from './api-context';

export interface Query<T> {
  /** The newest answer, or null until the first arrives (or while `input` is null). */
  data: T | null;
  error: AppError | null;
  /** True until the answer to the current input (or the last refresh) is in. */
  loading: boolean;
  /** Asks again now (after a change this screen made itself). */
  refresh: () => void;
  /** Replaces the answer with one a command returned, and drops any answer still on its way. */
  set: (value: T) => void;
}

interface Answer<T> {
  /** Which request this answers: the input and the refresh count. */
  request: string;
  data: T | null;
  error: AppError | null;
}

/**
 * Reads `command` when the screen shows, when `input` changes and on each `refreshOn` event.
 * An answer older than one already asked for is dropped, so a slow reply to an old filter
 * never overwrites a newer one. A failed read goes to the notice area. `input` null: not yet.
 */
export function useQuery<K extends CommandName>(
  command: K,
  input: CommandInput<K> | null,
  refreshOn: readonly EventName[] = [],
): Query<CommandOutput<K>> {
  const api = useApi();
  const notify = useNotify();
  const errorText = useErrorText();
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<CommandOutput<K>>>({
    request: '',
    data: null,
    error: null,
  });
  // The input as a string: an object literal written in the render does not ask again.
  const key = input === null ? null : JSON.stringify(input);
  const request = key === null ? null : `${String(version)} ${key}`;
  // Each request and each `set` takes a ticket; only the newest may change the screen.
  const latest = useRef(0);

  useEffect(() => {
    if (key === null || request === null) return;
    const ticket = ++latest.current;
    void api.invoke(command, JSON.parse(key) as CommandInput<K>).then((result) => {
      if (ticket !== latest.current) return;
      if (result.ok) {
        setAnswer({ request, data: result.value, error: null });
      } else {
        setAnswer((before) => ({ request, data: before.data, error: result.error }));
        notify({ kind: 'error', text: errorText(result.error) });
      }
    });
  }, [api, command, key, request, notify, errorText]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const refreshKey = refreshOn.join(' ');
  useEffect(() => {
    if (refreshKey === '') return;
    const offs = refreshKey.split(' ').map((name) => api.on(name as EventName, refresh));
    return () => offs.forEach((off) => off());
  }, [api, refreshKey, refresh]);

  const set = useCallback(
    (value: CommandOutput<K>) => {
      latest.current += 1;
      setAnswer({ request: request ?? '', data: value, error: null });
    },
    [request],
  );
  return {
    data: answer.data,
    error: answer.error,
    loading: request !== null && answer.request !== request,
    refresh,
    set,
  };
}
