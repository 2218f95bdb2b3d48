import { SerialPort } from 'serialport';
import type { SerialTraffic } from '@app/api/contract';
import { containsCardData } from '@app/sync/sensitive-data';
import { DomainError } from '@app/result';

/** Bytes shown at once at most, and the pause that ends a chunk without a line end. */
const MAX_PENDING = 256;
const PAUSE_MS = 50;

export interface SerialMonitorDeps {
  /** The role using a path ("card reader"), or null: a role's port is not ours to read. */
  roleUsing: (path: string) => string | null;
  emit: (traffic: SerialTraffic) => void;
}

/**
 * The technician's serial monitor: one port opened by hand, every byte in and out shown as
 * hex and text. Bytes that look like card data are hidden, never shown or kept.
 */
export class SerialMonitor {
  private port: SerialPort | null = null;
  private path: string | null = null;
  private pending = Buffer.alloc(0);
  private pendingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SerialMonitorDeps) {}

  async open(path: string, baudRate: number): Promise<void> {
    await this.close();
    const role = this.deps.roleUsing(path);
    if (role !== null) {
      throw new DomainError('serial_in_use', `${path} is used by the ${role}`, { path, role });
    }
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((error) =>
        error
          ? reject(
              new DomainError('serial_open_failed', error.message, { path, reason: error.message }),
            )
          : resolve(),
      ),
    );
    port.on('data', (chunk: Buffer) => this.receive(chunk));
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = null;
      this.note(`${path} closed`);
    });
    this.port = port;
    this.path = path;
    this.note(`${path} open at ${String(baudRate)} baud`);
  }

  async send(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (port === null) throw new DomainError('serial_not_open', 'No port is open');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes));
      port.drain((error) => (error ? reject(error) : resolve()));
    });
    this.show('tx', bytes);
  }

  async close(): Promise<void> {
    clearTimeout(this.pendingTimer);
    this.pending = Buffer.alloc(0);
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    if (port) this.note(`${this.path ?? ''} closed`);
  }

  /**
   * Received bytes are shown a line (or a pause) at a time, so a card number split across two
   * chunks is still seen whole, and hidden whole.
   */
  private receive(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    clearTimeout(this.pendingTimer);
    const lineEnd = Math.max(this.pending.lastIndexOf(0x0d), this.pending.lastIndexOf(0x0a));
    if (lineEnd >= 0 || this.pending.length >= MAX_PENDING) {
      const cut = lineEnd >= 0 ? lineEnd + 1 : this.pending.length;
      this.show('rx', this.pending.subarray(0, cut));
      this.pending = this.pending.subarray(cut);
    }
    if (this.pending.length > 0) {
      this.pendingTimer = setTimeout(() => {
        this.show('rx', this.pending);
        this.pending = Buffer.alloc(0);
      }, PAUSE_MS);
    }
  }

  private show(direction: 'rx' | 'tx', bytes: Uint8Array): void {
    const text = Buffer.from(bytes).toString('latin1');
    if (containsCardData(text)) {
      this.deps.emit({
        at: new Date().toISOString(),
        direction,
        hex: '',
        text: `[${String(bytes.length)} bytes of card data hidden]`,
      });
      return;
    }
    this.deps.emit({
      at: new Date().toISOString(),
      direction,
      hex: Buffer.from(bytes)
        .toString('hex')
        .replace(/(..)(?!$)/g, '$1 '),
      // Controls as their caret names (^M), so a CR or ESC is visible.
      text: Array.from(bytes, (code) =>
        code < 0x20
          ? `^${String.fromCharCode(code + 0x40)}`
          : code > 0x7e
            ? '.'
            : String.fromCharCode(code),
      ).join(''),
    });
  }

  private note(text: string): void {
    this.deps.emit({ at: new Date().toISOString(), direction: 'info', hex: '', text });
  }
}

/** "1b 40 0a" or "1B400A" as bytes; null for anything else. */
export function parseHex(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(compact)) {
    return null;
  }
  return Uint8Array.from(compact.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
