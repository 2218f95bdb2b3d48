import type { DecodedPage } from '../printer/decoded-printout';
import { createEscPosStreamDecoder } from '../printer/escpos-decoder';
import type { PrinterStatusReport } from '../printer/printer-status';
import type { PrinterTransport } from '../printer/printer-transport';
import { PrinterSimState, takeBytes } from './printer-sim-state';
import type { PrinterSimStateOptions } from './printer-sim-state';

const KEEP_PAGES = 20;
/** Bytes kept for the page in progress; a stream that never cuts must not grow forever. */
const MAX_RAW_BYTES = 1024 * 1024;

type PageListener = (page: DecodedPage, raw: Uint8Array) => void;

/**
 * The printer inside the app: it decodes the ESC/POS bytes it receives, exactly as sent,
 * so its screen shows what paper would show. It has paper, a cover and a drawer (`state`),
 * answers status queries from them, and refuses to print without paper.
 */
export class SimulatedPrinter implements PrinterTransport {
  readonly kind = 'simulated';
  readonly description = 'Simulated printer';
  private readonly decoder = createEscPosStreamDecoder();
  private readonly kept: DecodedPage[] = [];
  private readonly listeners = new Set<PageListener>();
  readonly state: PrinterSimState;
  private received: Uint8Array[] = [];
  private receivedBytes = 0;

  constructor(options: PrinterSimStateOptions = {}) {
    this.state = new PrinterSimState(options);
  }

  /**
   * Rejects a job with pages while it cannot print (paper out, cover open), as a real
   * printer's queue would see the job fail; drawer kicks and status requests still act.
   */
  write(bytes: Uint8Array): Promise<void> {
    if (this.receivedBytes + bytes.length <= MAX_RAW_BYTES) {
      this.received.push(bytes.slice());
      this.receivedBytes += bytes.length;
    }
    const { printed, refused } = takeBytes(this.state, this.decoder, bytes);
    for (const page of printed) {
      // The bytes since the last page; one write holding several cuts shares them.
      const raw = Buffer.concat(this.received);
      this.received = [];
      this.receivedBytes = 0;
      this.kept.push(page);
      if (this.kept.length > KEEP_PAGES) this.kept.shift();
      for (const listener of this.listeners) listener(page, raw);
    }
    if (refused !== null) {
      this.received = [];
      this.receivedBytes = 0;
      return Promise.reject(new Error(`printer offline: ${refused}`));
    }
    return Promise.resolve();
  }

  queryStatus(): Promise<PrinterStatusReport> {
    return Promise.resolve(this.state.status());
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

  /** The technician's paper switch: out takes the printer offline, ok brings it back. */
  setPaper(paper: 'ok' | 'near-end' | 'out'): void {
    this.state.setPaper(paper);
  }
}
