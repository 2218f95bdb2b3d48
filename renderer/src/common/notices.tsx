import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** Shows a notice, or with `null` clears the errors on show (the person acted again). */
export type Notify = (notice: Notice | null) => void;

/** How long an information notice stays; an error stays until dismissed or acted on. */
export const INFO_NOTICE_MS = 5000;

const NoticeContext = createContext<Notify | null>(null);

/** The notify of the nearest notice area: the dialog's own inside a dialog, else the screen's. */
export function useNotify(): Notify {
  const notify = useContext(NoticeContext);
  if (!notify) throw new Error('useNotify outside a NoticeProvider');
  return notify;
}

/** A notice area for what is inside it: the app's toast stack, or a dialog's error line. */
export function NoticeScope({ notify, children }: { notify: Notify; children: ReactNode }) {
  return <NoticeContext.Provider value={notify}>{children}</NoticeContext.Provider>;
}

interface Shown extends Notice {
  id: number;
}
let nextId = 1;

/**
 * The signed-in user's notice, shown over the screen (it never pushes the layout); the newest
 * replaces the one before. App mounts one provider per user (keyed by the user id), so
 * nothing one user was told shows to the next.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Shown | null>(null);
  const notify = useCallback<Notify>((next) => {
    if (next === null) setNotice((current) => (current?.kind === 'error' ? null : current));
    else setNotice({ ...next, id: nextId++ });
  }, []);
  const dismiss = useCallback(
    (id: number) => setNotice((current) => (current?.id === id ? null : current)),
    [],
  );
  return (
    <NoticeScope notify={notify}>
      {children}
      <div className="toasts" data-testid="toasts">
        {notice && <Toast key={notice.id} notice={notice} onDismiss={dismiss} />}
      </div>
    </NoticeScope>
  );
}

function Toast({ notice, onDismiss }: { notice: Shown; onDismiss: (id: number) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(() => onDismiss(notice.id), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div
      className={`notice toast notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span data-testid="notice-text">{notice.text}</span>
      <button
        type="button"
        className="notice-close"
        onClick={() => onDismiss(notice.id)}
        aria-label={t('notice.dismiss')}
        data-testid="notice-close"
      >
        ×
      </button>
    </div>
  );
}

/**
 * A dialog's own notices: its errors stay on its error line, where the person is looking;
 * information ("Saved.") still goes to the screen's notice area.
 */
export function useDialogNotices(): { notice: Notice | null; notify: Notify } {
  const outer = useContext(NoticeContext);
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>(
    (next) => {
      if (next?.kind === 'info' && outer) outer(next);
      else setNotice(next);
    },
    [outer],
  );
  return useMemo(() => ({ notice, notify }), [notice, notify]);
}
