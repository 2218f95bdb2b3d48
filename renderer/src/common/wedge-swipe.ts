import { SwipeDetector } from '@app/card/swipe-detector';

/** Keys this module types back itself; its own listener lets them pass. */
const replayed = new WeakSet<Event>();

const isTextField = (element: Element | null): element is HTMLInputElement | HTMLTextAreaElement =>
  element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;

/**
 * Recognises a keyboard-wedge card reader anywhere in the window, whatever has the focus,
 * and keeps its keystrokes out of every field: the burst goes to `onSwipe` (which must hand
 * it to the main process and keep nothing). Installed once, before React, so its capturing
 * listener runs ahead of every other key handler.
 */
export function installWedgeSwipeGuard(onSwipe: (text: string) => void): () => void {
  const detector = new SwipeDetector();
  let flushTimer: number | undefined;
  // The last key's own time (when it reached the browser) and when this page handled it.
  let lastStamp = 0;
  let lastHandled = 0;

  const finish = (release: string[], swipe: string | null) => {
    if (release.length > 0) typeBack(release);
    if (swipe !== null) onSwipe(swipe);
  };
  /**
   * Ends a held burst after a silence. Silence is counted from when this page handled the
   * last key, not from the key's own time: a reader's keys that waited behind a busy render
   * arrive with old times, and the next ones may still be on their way. A timer that fires
   * late means the page itself was busy and could not have heard a key: it looks again
   * rather than cut the swipe (for at most a second, so a person's % is never lost).
   */
  const scheduleFlush = (deferringSince = performance.now()) => {
    window.clearTimeout(flushTimer);
    const delay = detector.gapMs() + 5;
    const due = performance.now() + delay;
    flushTimer = window.setTimeout(() => {
      const now = performance.now();
      if (now - due > LATE_TIMER_MS && now - deferringSince < MAX_DEFER_MS) {
        scheduleFlush(deferringSince);
        return;
      }
      const out = detector.flush(lastStamp + (now - lastHandled));
      finish(out.release, out.swipe);
    }, delay);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (replayed.has(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    // Shift and other named keys come between a reader's characters: they neither start nor
    // end a burst.
    if (event.key !== 'Enter' && event.key.length !== 1) return;
    // When the key reached the browser, not when this busy page got round to it: a reader's
    // burst queued behind a render still has its few-ms gaps.
    const step = detector.push(event.key, event.timeStamp);
    lastStamp = event.timeStamp;
    lastHandled = performance.now();
    finish(step.release, step.swipe);
    if (step.swallow) {
      event.preventDefault();
      event.stopImmediatePropagation();
      scheduleFlush();
    }
  };
  window.addEventListener('keydown', onKeyDown, true);
  return () => {
    window.removeEventListener('keydown', onKeyDown, true);
    window.clearTimeout(flushTimer);
  };
}

/** A flush timer this late (ms) means the page was busy, not that the reader went quiet. */
const LATE_TIMER_MS = 25;
const MAX_DEFER_MS = 1_000;

/**
 * Gives a person's held keys (a `%` or `;` that did not start a swipe) to whatever has the
 * focus, as if typed: into a text field, or as key events for the window-level handlers.
 */
function typeBack(keys: string[]): void {
  const active = document.activeElement;
  if (isTextField(active)) {
    if (active.selectionStart === null) return; // number fields take no % or ;
    active.setRangeText(
      keys.join(''),
      active.selectionStart,
      active.selectionEnd ?? active.selectionStart,
      'end',
    );
    // React's value tracker still holds the old value, so this input event reaches onChange.
    active.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  for (const key of keys) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    replayed.add(event);
    (active ?? document.body).dispatchEvent(event);
  }
}
