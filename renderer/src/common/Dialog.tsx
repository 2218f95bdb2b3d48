import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react';
import { NoticeScope, useDialogNotices } from './notices';

const FIELDS =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const FOCUSABLE = `${FIELDS}, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])`;

interface Props {
  title: string;
  children: ReactNode;
  testId?: string;
  /** Esc on a dialog with fields; keypad dialogs take Esc through their own key handler. */
  onCancel?: () => void;
  /** An error the owner of the dialog was told; shown inside the dialog, not behind it. */
  error?: string | null;
}

/**
 * A modal dialog on the native <dialog> (showModal): the page behind is inert, so a key or a
 * scan cannot land there. Focus goes to the first field (or the dialog itself, where a keypad
 * takes the keys), Tab cycles inside, and focus returns where it was when the dialog closes.
 * Errors raised inside (useNotify) show on the dialog's own error line.
 */
export function Dialog({ title, children, testId, onCancel, error }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const { notice, notify } = useDialogNotices();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement;
    // jsdom has no showModal; the attribute alone still shows the dialog there.
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(FIELDS);
    (first ?? dialog).focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const shown = error ?? (notice?.kind === 'error' ? notice.text : null);
  useEffect(() => {
    if (shown) ref.current?.querySelector<HTMLElement>('.dialog-error')?.scrollIntoView();
  }, [shown]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return event.preventDefault();
    const at = document.activeElement;
    if (event.shiftKey && (at === first || at === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  };
  // Esc: the browser would close the dialog behind React's back; the owner decides instead.
  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onCancel?.();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={onNativeCancel}
    >
      <h2>{title}</h2>
      <NoticeScope notify={notify}>{children}</NoticeScope>
      {shown && (
        <p className="dialog-error" role="alert" data-testid="dialog-error">
          {shown}
        </p>
      )}
    </dialog>
  );
}
