import type { DecodedPage } from '../printer/decoded-printout';
import { createEscPosStreamDecoder } from '../printer/escpos-decoder';
import type { PrinterTransport } from '../printer/printer-transport';

const KEEP_PAGES = 20;
/** Bytes kept for the page in progress; a stream that never cuts must not grow forever. */
const MAX_RAW_BYTES = 1024 * 1024;

type PageListener = (page: DecodedPage, raw: Uint8Array) => void;

/**
 * The printer inside the app: it decodes the ESC/POS bytes it receives, exactly as sent,
 * so its screen shows what paper would show. It can be taken offline (paper out) to
 * exercise the print queue.
 */
export class SimulatedPrinter implements PrinterTransport {
  readonly kind = 'simulated';
  readonly description = 'Simulated printer';
  private readonly decoder = createEscPosStreamDecoder();
  private readonly kept: DecodedPage[] = [];
  private readonly listeners = new Set<PageListener>();
  private offline: string | null = null;
  private received: Uint8Array[] = [];
  private receivedBytes = 0;

  /** Rejects while offline, as a real printer's queue would see the job fail. */
  write(bytes: Uint8Array): Promise<void> {
    if (this.offline !== null) return Promise.reject(new Error(`printer offline: ${this.offline}`));
    if (this.receivedBytes + bytes.length <= MAX_RAW_BYTES) {
      this.received.push(bytes.slice());
      this.receivedBytes += bytes.length;
    }
    for (const page of this.decoder.push(bytes)) {
      // The bytes since the last page; one write holding several cuts shares them.
      const raw = Buffer.concat(this.received);
      this.received = [];
      this.receivedBytes = 0;
      this.kept.push(page);
      if (this.kept.length > KEEP_PAGES) this.kept.shift();
      for (const listener of this.listeners) listener(page, raw);
    }
    return Promise.resolve();
  }

  /** Nothing to release: the simulated printer lives as long as the app. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  onPage(listener: PageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last 20 pages, oldest first. */
  pages(): DecodedPage[] {
    return [...this.kept];
  }

  /** A reason ("paper out") takes the printer offline; null brings it back. */
  setOffline(reason: string | null): void {
    this.offline = reason;
  }
}
