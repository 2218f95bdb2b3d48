import { useCallback, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '@app/api/contract';
import type { AppError } from '@app/result';
import { useErrorText } from '../common/format';
import { useNotify } from '../common/notices';
import { useApi } from './api-context';

export interface Command<K extends CommandName> {
  /** The answer, or null when it failed (the person was told why in the notice area). */
  run: (input: CommandInput<K>) => Promise<CommandOutput<K> | null>;
  busy: boolean;
  error: AppError | null;
}

/**
 * A change the person asks for. A failure is said in the nearest notice area (a dialog's own
 * line inside a dialog); a success clears the error shown for the last attempt. With
 * `{ read: true }` it is a read that seeds a form: a success leaves the notices alone.
 */
export function useCommand<K extends CommandName>(
  command: K,
  { read = false }: { read?: boolean } = {},
): Command<K> {
  const api = useApi();
  const notify = useNotify();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (input: CommandInput<K>) => {
      setBusy(true);
      const result = await api.invoke(command, input);
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        notify({ kind: 'error', text: errorText(result.error) });
        return null;
      }
      setError(null);
      if (!read) notify(null);
      return result.value;
    },
    [api, command, notify, errorText, read],
  );
  return { run, busy, error };
}
