import type { ScanSuffix } from './scan-suffix';

/**
 * Cuts a serial scanner's byte stream into codes. A code is printable ASCII (plus GS, which
 * GS1-128 and GS1 DataMatrix readers send for FNC1) ended by the configured suffix, or with
 * suffix 'none' by a pause the caller reports through `flush`. Anything else is reported as
 * malformed rather than passed on: a misread or a line at the wrong baud rate must never
 * become a sale line.
 */
export type ScanFrame =
  | { kind: 'code'; text: string; atMs: number }
  | {
      kind: 'malformed';
      reason: MalformedReason;
      /** Bytes of the dropped frame (so far, for oversize). */
      length: number;
      /** Hex of its first bytes, for the Devices screen: shows a wrong suffix or baud rate. */
      preview: string;
      atMs: number;
    };

export type MalformedReason =
  /** More than `maxLength` bytes without a suffix; the rest up to the next suffix is dropped. */
  | 'oversize'
  /** Control characters or bytes above 0x7E inside the frame. */
  | 'non_printable'
  /** A frame whose suffix never came (`flush` with a suffix configured). */
  | 'incomplete';

export interface ScanFramerOptions {
  suffix: ScanSuffix;
  /** The longest code accepted; scanners' own limits are well below 128 for retail codes. */
  maxLength: number;
}

export const defaultScanFramerOptions: ScanFramerOptions = { suffix: 'cr', maxLength: 128 };

const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
/** GS1 "group separator": FNC1 inside a GS1-128 or DataMatrix code. */
const GS = 0x1d;
const PREVIEW_BYTES = 16;

const isCodeByte = (byte: number): boolean => (byte >= 0x20 && byte <= 0x7e) || byte === GS;

export class ScanFramer {
  private readonly options: ScanFramerOptions;
  /** Room for one code plus the CR of a CR LF suffix. */
  private readonly buffer: Uint8Array;
  private length = 0;
  /** After an oversize report, bytes are dropped until the frame ends. */
  private discarding = false;
  private lastByte = -1;
  private lastByteAtMs = 0;

  constructor(options: Partial<ScanFramerOptions> = {}) {
    this.options = { ...defaultScanFramerOptions, ...options };
    if (!Number.isInteger(this.options.maxLength) || this.options.maxLength < 1) {
      throw new RangeError(`maxLength must be a positive integer: ${this.options.maxLength}`);
    }
    this.buffer = new Uint8Array(this.options.maxLength + 1);
  }

  /** Takes a chunk as it arrived at `atMs`. */
  push(chunk: Uint8Array, atMs: number): ScanFrame[] {
    const out: ScanFrame[] = [];
    for (const byte of chunk) {
      this.lastByteAtMs = atMs;
      if (this.endsFrame(byte)) {
        this.endFrame(out, this.options.suffix === 'crlf');
      } else if (!this.discarding) {
        this.hold(byte, out);
      }
      this.lastByte = byte;
    }
    return out;
  }

  /**
   * Called when the line has been quiet: with suffix 'none' this ends the code; otherwise a
   * held frame lost its suffix and is reported as incomplete.
   */
  flush(atMs: number): ScanFrame[] {
    const out: ScanFrame[] = [];
    if (this.options.suffix === 'none') {
      this.endFrame(out, false);
    } else if (this.length > 0 && !this.discarding) {
      out.push(this.malformed('incomplete', this.length, atMs));
    }
    this.reset();
    return out;
  }

  /** Whether bytes are held (or being dropped) waiting for the end of their frame. */
  get pending(): boolean {
    return this.length > 0 || this.discarding;
  }

  private endsFrame(byte: number): boolean {
    switch (this.options.suffix) {
      case 'cr':
        return byte === CR;
      case 'lf':
        return byte === LF;
      case 'crlf':
        return byte === LF && this.lastByte === CR;
      case 'tab':
        return byte === TAB;
      case 'none':
        return false;
    }
  }

  private hold(byte: number, out: ScanFrame[]): void {
    // A CR LF suffix's CR is held until its LF arrives, so allow one byte more then.
    const room = this.options.maxLength + (this.options.suffix === 'crlf' && byte === CR ? 1 : 0);
    if (this.length >= room) {
      out.push(this.malformed('oversize', this.length + 1, this.lastByteAtMs));
      this.discarding = true;
      this.length = 0;
      return;
    }
    this.buffer[this.length] = byte;
    this.length += 1;
  }

  private endFrame(out: ScanFrame[], dropHeldCr: boolean): void {
    if (!this.discarding) {
      const end = dropHeldCr ? this.length - 1 : this.length;
      const frame = this.buffer.subarray(0, Math.max(end, 0));
      if (frame.length > 0) {
        if (frame.every(isCodeByte)) {
          out.push({
            kind: 'code',
            text: String.fromCharCode(...frame),
            atMs: this.lastByteAtMs,
          });
        } else {
          out.push(this.malformed('non_printable', frame.length, this.lastByteAtMs, frame.length));
        }
      }
    }
    this.reset();
  }

  private malformed(
    reason: MalformedReason,
    length: number,
    atMs: number,
    held = this.length,
  ): ScanFrame {
    const shown = this.buffer.subarray(0, Math.min(held, PREVIEW_BYTES));
    const preview = [...shown].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
    return { kind: 'malformed', reason, length, preview, atMs };
  }

  private reset(): void {
    this.length = 0;
    this.discarding = false;
    this.lastByte = -1;
  }
}
