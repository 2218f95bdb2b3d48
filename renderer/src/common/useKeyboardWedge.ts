import { useEffect, useRef } from 'react';
import { ScanDetector } from '@app/input/scan-detector';

/** A field the person types into: its keys are its own, never a shortcut. */
export const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Window-level keys while no text field has focus (pay keypad, done screen): a scanner's
 * burst becomes `onScan`, a person's keys reach `onKey`. Text fields keep their own typing;
 * the scan field handles Enter itself.
 */
export function useKeyboardWedge(
  onScan: (code: string) => void,
  onKey: (key: string) => void,
  enabled = true,
) {
  const handlers = useRef({ onScan, onKey });
  useEffect(() => {
    handlers.current = { onScan, onKey };
  });
  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanDetector();
    const deliver = (keys: string[]) => keys.forEach((k) => handlers.current.onKey(k));
    const timer = window.setInterval(() => deliver(detector.flush(performance.now())), 25);
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key !== 'Enter' && key.length !== 1) {
        handlers.current.onKey(key);
        return;
      }
      event.preventDefault();
      const out = detector.push(key, event.timeStamp);
      if (out.kind === 'scan') handlers.current.onScan(out.code);
      else if (out.kind === 'typed') deliver(out.keys);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.clearInterval(timer);
    };
  }, [enabled]);
}
