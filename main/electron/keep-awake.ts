import { powerSaveBlocker } from 'electron';
import type { EventBus } from '../kernel/event-bus';

/**
 * Keeps the till's screen on while a shift is open (a dark screen mid-shift looks like a
 * crash to a customer), and lets it sleep once the shift is closed. Returns a stop function.
 */
export function keepAwakeDuringShift(bus: EventBus, shiftOpen: () => boolean): () => void {
  let blocker: number | null = null;
  const follow = (open: boolean): void => {
    if (open && blocker === null) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!open && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  follow(shiftOpen());
  const unsubscribe = bus.on('shift.changed', ({ open }) => follow(open));
  return () => {
    unsubscribe();
    follow(false);
  };
}
