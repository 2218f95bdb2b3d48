const WITHHELD = '[track data withheld]';

/** Node's util.inspect.custom is this registered symbol, so no Node import is needed. */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Raw track 2 data (`PAN=YYMM…`, without sentinels or LRC) on its way to an authorization
 * request, handed out once. It prints, logs and serializes as "[track data withheld]", and
 * being a private field it is not copied by spreading or structuredClone.
 *
 * The bytes live in a Uint8Array that wipe() zeroes. JS strings cannot be zeroed: the parser's
 * intermediate strings and the one take() returns stay in the heap until collected, so take()
 * as late as possible and let the result go out of scope right after use.
 */
export class TrackSecret {
  #bytes: Uint8Array | null;

  constructor(ascii: string) {
    const bytes = new Uint8Array(ascii.length);
    for (let i = 0; i < ascii.length; i += 1) bytes[i] = ascii.charCodeAt(i) & 0x7f;
    this.#bytes = bytes;
  }

  /** Whether take() can still be called. */
  get available(): boolean {
    return this.#bytes !== null;
  }

  /** Returns the track data once and wipes it; a second call throws. */
  take(): string {
    const bytes = this.#bytes;
    if (bytes === null) throw new Error('Track data was already taken or wiped.');
    const text = String.fromCharCode(...bytes);
    this.wipe();
    return text;
  }

  /** Zeroes the bytes. Safe to call more than once. */
  wipe(): void {
    this.#bytes?.fill(0);
    this.#bytes = null;
  }

  toJSON(): string {
    return WITHHELD;
  }

  toString(): string {
    return WITHHELD;
  }

  /** What Node's util.inspect and console.log print. */
  [inspectCustom](): string {
    return WITHHELD;
  }
}
