import type { DecodedPage } from '../printer/decoded-printout';
import { createEscPosStreamDecoder } from '../printer/escpos-decoder';
import type { PrinterTransport } from '../printer/printer-transport';

const KEEP_PAGES = 20;

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

  write(bytes: Uint8Array): Promise<void> {
    if (this.offline) return Promise.reject(new Error(`printer offline: ${this.offline}`));
    this.received.push(bytes);
    for (const page of this.decoder.push(bytes)) {
      const raw = Buffer.concat(this.received);
      this.received = [];
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

  pages(): DecodedPage[] {
    return [...this.kept];
  }

  setOffline(reason: string | null): void {
    this.offline = reason;
  }
}
