/** Where receipt bytes go: the in-app simulated printer, or a real one over a transport. */
export interface PrinterTransport {
  readonly kind: 'simulated' | 'tcp';
  /** For people: "Simulated printer", "TCP 192.168.1.50:9100". */
  readonly description: string;
  /** Resolves once the bytes are handed to the printer; rejects with a message a person can act on. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
