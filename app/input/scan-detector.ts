/**
 * Tells a keyboard-wedge scanner from a person typing. A scanner "types" its code as a
 * burst (a few ms per key) ending in Enter; a person leaves longer gaps. Keys are held
 * for at most `maxGapMs` so a scan never leaks into whatever the cashier was typing.
 */
export interface ScanDetectorOptions {
  /** Longest gap between two keys of one burst. Scanners send a key every 1–30 ms. */
  maxGapMs: number;
  /** Shortest code a burst may carry (EAN-8 is the shortest retail barcode). */
  minLength: number;
}

export type DetectorOutput =
  /** A complete scan: the code, without the terminating Enter. */
  | { kind: 'scan'; code: string }
  /** Keys a person typed, to deliver as typing (in order, Enter included). */
  | { kind: 'typed'; keys: string[] }
  /** Held: the keys may still become a scan. */
  | { kind: 'pending' };

export const defaultScanOptions: ScanDetectorOptions = { maxGapMs: 50, minLength: 8 };

export class ScanDetector {
  private buffer: string[] = [];
  private lastAt = -Infinity;

  constructor(private readonly options: ScanDetectorOptions = defaultScanOptions) {}

  /** Feeds one key ('Enter' or a single printable character) at a time in ms. */
  push(key: string, atMs: number): DetectorOutput {
    const stale = this.expire(atMs);
    this.lastAt = atMs;
    if (key === 'Enter') {
      const held = this.buffer;
      this.buffer = [];
      if (held.length >= this.options.minLength) return { kind: 'scan', code: held.join('') };
      return { kind: 'typed', keys: [...stale, ...held, 'Enter'] };
    }
    this.buffer.push(key);
    return stale.length > 0 ? { kind: 'typed', keys: stale } : { kind: 'pending' };
  }

  /** Called by a timer: releases held keys once no burst can continue them. */
  flush(nowMs: number): string[] {
    return this.expire(nowMs);
  }

  private expire(nowMs: number): string[] {
    if (this.buffer.length === 0 || nowMs - this.lastAt <= this.options.maxGapMs) return [];
    const held = this.buffer;
    this.buffer = [];
    return held;
  }
}
