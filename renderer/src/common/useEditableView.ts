import { useCallback, useEffect, useState } from 'react';
import type { Result } from '@app/result';
import type { Notice } from './notices';
import { useErrorText } from './format';

/**
 * An owner's settings view loaded from main, the draft being edited, and `act`: runs a
 * command that answers with the view again, shows it (the draft starts over from it) and says
 * what happened. `load` and `draftOf` must be stable (useCallback), or the view reloads.
 */
export function useEditableView<View, Draft>(
  load: () => Promise<Result<View>>,
  draftOf: (view: View) => Draft,
  notify: (n: Notice | null) => void,
) {
  const errorText = useErrorText();
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const show = useCallback(
    (next: View) => {
      setView(next);
      setDraft(draftOf(next));
    },
    [draftOf],
  );
  useEffect(() => {
    void load().then((r) =>
      r.ok ? show(r.value) : notify({ kind: 'error', text: errorText(r.error) }),
    );
  }, [load, show, notify, errorText]);

  const act = async (call: Promise<Result<View>>, saved?: string): Promise<void> => {
    const result = await call;
    if (!result.ok) return notify({ kind: 'error', text: errorText(result.error) });
    show(result.value);
    notify(saved ? { kind: 'info', text: saved } : null);
  };
  /** A newer view pushed by main: shown, while the owner's draft stays as it is. */
  const refresh = setView;
  return { view, draft, setDraft, act, refresh };
}
