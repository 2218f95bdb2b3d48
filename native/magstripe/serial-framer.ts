/**
 * Cuts the byte stream of a serial (or USB-CDC) reader into swipes: the reader sends the
 * track text (`%B…?;…?`) followed by CR, sometimes CR LF. Bytes are held in one fixed buffer
 * that is zeroed whenever a swipe leaves it, so card data does not pile up in old chunks.
 */
export type FramerOutput =
  /** One swipe's text, without the line end. */
  | { kind: 'swipe'; text: string }
  /** More bytes than any swipe holds arrived without a line end; they were dropped. */
  | { kind: 'overflow' };

const CR = 0x0d;
const LF = 0x0a;
/** Tracks 1–3 at their ISO maximum (79 + 40 + 107) with room for reader prefixes. */
export const MAX_SWIPE_BYTES = 256;

export class SerialSwipeFramer {
  private readonly buffer = new Uint8Array(MAX_SWIPE_BYTES);
  private length = 0;
  private overflowed = false;

  /** Takes a chunk as it arrived; the caller may zero `chunk` right after. */
  push(chunk: Uint8Array): FramerOutput[] {
    const out: FramerOutput[] = [];
    for (const byte of chunk) {
      if (byte === CR || byte === LF) {
        if (this.overflowed) out.push({ kind: 'overflow' });
        else if (this.length > 0) out.push({ kind: 'swipe', text: this.take() });
        this.overflowed = false;
        this.clear();
      } else if (this.length < MAX_SWIPE_BYTES) {
        this.buffer[this.length] = byte;
        this.length += 1;
      } else {
        this.overflowed = true;
      }
    }
    return out;
  }

  /** Whether part of a swipe is waiting for its line end. */
  get pending(): boolean {
    return this.length > 0 || this.overflowed;
  }

  /** Drops (and zeroes) whatever is held. */
  clear(): void {
    this.buffer.fill(0, 0, this.length);
    this.length = 0;
    this.overflowed = false;
  }

  private take(): string {
    return String.fromCharCode(...this.buffer.subarray(0, this.length));
  }
}
