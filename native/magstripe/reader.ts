import type { YearMonth } from '@app/card/card-fields';
import { yearMonthOf } from '@app/card/card-fields';
import type { CardError } from '@app/card/errors';
import type { SwipeRead } from '@app/card/swipe';
import type { CheckedSwipe, SwipeDiagnosis } from '@app/card/swipe-diagnosis';

/** What a card reader reports, whatever its transport. No event carries an unmasked PAN. */
export interface MagstripeEvents {
  /** A good swipe: the masked card, and track 2 in a holder that hands it out once. */
  swipe: SwipeRead & { diagnosis: SwipeDiagnosis };
  /**
   * A swipe that could not be used; the code has a message in app/card/messages.ts. The
   * diagnosis is absent when the reader lost the swipe before it had tracks (overrun, cut off).
   */
  'swipe-error': CardError & { diagnosis: SwipeDiagnosis | null };
  /** The reader went away (unplugged, or its port failed). It is closed; reopen to go on. */
  unplugged: { reason: string };
}

export interface MagstripeReader {
  /** For people: "MagTek HID /dev/hidraw3", "Serial /dev/ttyUSB0 9600". */
  readonly description: string;
  /** Subscribes; returns the unsubscribe function. */
  on<E extends keyof MagstripeEvents>(
    event: E,
    listener: (payload: MagstripeEvents[E]) => void,
  ): () => void;
  /** Stops reading and releases the device; no unplugged event follows. */
  close(): Promise<void>;
}

/** The month expiry dates are checked against; injected so tests do not age. */
export type ExpiryClock = () => YearMonth;
export const localExpiryClock: ExpiryClock = () => yearMonthOf(new Date());

type Listeners = { [E in keyof MagstripeEvents]: Set<(payload: MagstripeEvents[E]) => void> };

/** The listener bookkeeping both drivers share. */
export class ReaderEvents {
  private readonly listeners: Listeners = {
    swipe: new Set(),
    'swipe-error': new Set(),
    unplugged: new Set(),
  };

  on<E extends keyof MagstripeEvents>(
    event: E,
    listener: (payload: MagstripeEvents[E]) => void,
  ): () => void {
    const set = this.listeners[event] as Set<(payload: MagstripeEvents[E]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof MagstripeEvents>(event: E, payload: MagstripeEvents[E]): void {
    const set = this.listeners[event] as Set<(payload: MagstripeEvents[E]) => void>;
    for (const listener of set) listener(payload);
  }

  emitChecked({ read, diagnosis }: CheckedSwipe): void {
    if (read.ok) this.emit('swipe', { ...read.value, diagnosis });
    else this.emit('swipe-error', { ...read.error, diagnosis });
  }
}
