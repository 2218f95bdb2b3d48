/**
 * A connection to one payment terminal that carries whole APDUs, whatever the wire (TCP or
 * serial). Reconnecting is the caller's job: a link that closed stays closed.
 */
import type { Apdu } from './apdu';

export type ZvtLinkErrorCode = 'connect-failed' | 'disconnected' | 'no-ack' | 'rejected-frame';

export class ZvtLinkError extends Error {
  constructor(
    readonly code: ZvtLinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZvtLinkError';
  }
}

export interface ZvtLink {
  /** For people: "TCP 192.168.1.40:20007", "Serial /dev/ttyUSB0 9600 8N2". */
  readonly description: string;
  /** Resolves once the bytes are out (TCP) or the terminal ACKed the frame (serial). */
  send(message: Apdu): Promise<void>;
  onApdu(listener: (message: Apdu) => void): () => void;
  /** Called once, with 'disconnected', when the other side or the wire goes away. */
  onClose(listener: (error: ZvtLinkError) => void): () => void;
  readonly closed: boolean;
  close(): Promise<void>;
}

/** Listener bookkeeping shared by the link implementations. */
export function createLinkEvents() {
  const apduListeners = new Set<(message: Apdu) => void>();
  const closeListeners = new Set<(error: ZvtLinkError) => void>();
  let closedWith: ZvtLinkError | null = null;
  return {
    get closed() {
      return closedWith !== null;
    },
    onApdu: (listener: (message: Apdu) => void) => {
      apduListeners.add(listener);
      return () => {
        apduListeners.delete(listener);
      };
    },
    onClose: (listener: (error: ZvtLinkError) => void) => {
      if (closedWith) {
        const error = closedWith;
        queueMicrotask(() => listener(error));
        return () => undefined;
      }
      closeListeners.add(listener);
      return () => {
        closeListeners.delete(listener);
      };
    },
    emitApdu: (message: Apdu) => {
      for (const listener of [...apduListeners]) listener(message);
    },
    emitClose: (error: ZvtLinkError) => {
      if (closedWith) return;
      closedWith = error;
      for (const listener of [...closeListeners]) listener(error);
      closeListeners.clear();
      apduListeners.clear();
    },
  };
}
