import type { PrinterStatusReport } from './printer-status';

/** Where receipt bytes go: the in-app simulated printer, or a real one over a transport. */
export interface PrinterTransport {
  readonly kind: 'simulated' | 'tcp' | 'serial' | 'usb-lp';
  /** For people: "Simulated printer", "TCP 192.168.1.50:9100". */
  readonly description: string;
  /** Resolves once the bytes are handed to the printer; rejects with a message a person can act on. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Asks DLE EOT 1-4. Rejects (never hangs) when the printer does not answer or answers with
   * bytes that are not status: the caller shows the status as unknown with the message.
   */
  queryStatus(): Promise<PrinterStatusReport>;
  close(): Promise<void>;
}

/**
 * Runs a transport's writes and status queries one at a time. A printer on one line (or
 * one that takes one TCP connection at a time) answers a status query only after the job
 * in front of it, so a query overlapping a job would time out on a healthy printer; queued,
 * its timeout starts when the line is its own.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
