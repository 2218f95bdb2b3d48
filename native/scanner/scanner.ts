import type { MalformedReason } from './scan-framer';

/** What a barcode scanner reports, whatever its transport. */
export interface ScannerEvents {
  /** One code as the scanner sent it, without its suffix; `atMs` is when its last byte came. */
  code: { text: string; atMs: number };
  /** A frame that was dropped instead of being passed on as a code. */
  malformed: { reason: MalformedReason; length: number; preview: string; atMs: number };
  /** The port went away (unplugged, or it failed). It is closed; reopen to go on. */
  closed: { reason: string };
}

export interface BarcodeScanner {
  /** For people: "Serial scanner /dev/ttyUSB0 9600, suffix cr". */
  readonly description: string;
  /** Subscribes; returns the unsubscribe function. */
  on<E extends keyof ScannerEvents>(
    event: E,
    listener: (payload: ScannerEvents[E]) => void,
  ): () => void;
  /** Stops reading and releases the port; no 'closed' event follows. */
  close(): Promise<void>;
}

type Listeners = { [E in keyof ScannerEvents]: Set<(payload: ScannerEvents[E]) => void> };

export class ScannerEventHub {
  private readonly listeners: Listeners = {
    code: new Set(),
    malformed: new Set(),
    closed: new Set(),
  };

  on<E extends keyof ScannerEvents>(
    event: E,
    listener: (payload: ScannerEvents[E]) => void,
  ): () => void {
    const set = this.listeners[event] as Set<(payload: ScannerEvents[E]) => void>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof ScannerEvents>(event: E, payload: ScannerEvents[E]): void {
    const set = this.listeners[event] as Set<(payload: ScannerEvents[E]) => void>;
    for (const listener of set) listener(payload);
  }
}
