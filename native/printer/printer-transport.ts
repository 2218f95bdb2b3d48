import type { PrinterStatusReport } from './printer-status';

/** Where receipt bytes go: the in-app simulated printer, or a real one over a transport. */
export interface PrinterTransport {
  readonly kind: 'simulated' | 'tcp' | 'serial' | 'usb-lp';
  /** For people: "Simulated printer", "TCP 192.168.1.50:9100". */
  readonly description: string;
  /** Resolves once the bytes are handed to the printer; rejects with a message a person can act on. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Asks DLE EOT 1-4. Rejects when the printer does not answer, or answers with bytes that
   * are not status (a printer without real-time status).
   */
  queryStatus(): Promise<PrinterStatusReport>;
  close(): Promise<void>;
}
