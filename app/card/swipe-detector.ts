/**
 * Tells a keyboard-wedge card reader from a person typing. A reader "types" the stripe as a
 * burst (`%B…?;…?`, often then Enter) a few ms per key; a person leaves longer gaps. A key
 * that could start a swipe (`%` or `;`) is held for at most `maxGapMs`, so card data never
 * lands in the focused input while a person's `%` arrives at most one gap late.
 *
 * Pure: the caller passes each key with its timestamp, and calls flush() from a timer
 * `maxGapMs` after any step that swallowed a key.
 */
export interface SwipeDetectorOptions {
  /**
   * Longest gap between two keys of one swipe. Readers send a key every 1–20 ms, but a busy
   * renderer can deliver them in clumps; 50 ms (as for scanners) leaves room for that and is
   * still quicker than a person's next key.
   */
  maxGapMs: number;
  /**
   * Longest gap once the burst has proven to be a reader (PROVEN_LENGTH keys at burst
   * speed). Nobody's typing is held then, so waiting longer costs only the hand-over delay,
   * while a renderer busy for a moment (a sale printing, a slow machine) no longer cuts one
   * swipe into two broken ones.
   */
  provenGapMs: number;
  /** Longest burst taken as a swipe: tracks 1–3 at most (79 + 40 + 107) plus Enter. */
  maxLength: number;
}

export const defaultSwipeOptions: SwipeDetectorOptions = {
  maxGapMs: 50,
  provenGapMs: 250,
  maxLength: 230,
};

export interface SwipeStep {
  /** Held keys that turned out to be typing: deliver them, in order, before the current key. */
  release: string[];
  /** Swallow the key just pushed: it is held, or part of a swipe. */
  swallow: boolean;
  /** A finished swipe (its tracks, without Enter) to hand to parseSwipeText. */
  swipe: string | null;
}

type Phase =
  /** Nothing held. */
  | 'idle'
  /** A start sentinel is held; the next key says whether this is a swipe. */
  | 'start'
  /** Inside a track, up to its end sentinel. */
  | 'track'
  /** After an end sentinel: an LRC, another track, Enter or silence may follow. */
  | 'ended'
  /** After a track's LRC: another track, Enter or silence may follow. */
  | 'lrc'
  /**
   * The swipe is already handed over (past maxLength, or keys kept coming after its end: a
   * bit error can turn a digit into `?`); the rest of the burst is swallowed until Enter or
   * silence, so no card data reaches a field.
   */
  | 'overflow';

/**
 * Keys held at burst speed after which the burst is a reader, not a person: nobody types four
 * keys 30 ms apart. From then on nothing is given back as typing (a broken swipe goes to the
 * parser, which reports it), so a stuttering reader cannot spill a card number into a field.
 */
const PROVEN_LENGTH = 4;

export class SwipeDetector {
  private held: string[] = [];
  private phase: Phase = 'idle';
  private lastAt = -Infinity;

  constructor(private readonly options: SwipeDetectorOptions = defaultSwipeOptions) {}

  /** Feeds one key: 'Enter' or a single printable character, with its time in ms. */
  push(key: string, atMs: number): SwipeStep {
    const before = this.flush(atMs);
    this.lastAt = atMs;
    const step = this.accept(key);
    return {
      release: [...before.release, ...step.release],
      swallow: step.swallow,
      swipe: before.swipe ?? step.swipe,
    };
  }

  /** How long after the last key flush() may end the burst held now. */
  gapMs(): number {
    const proven = this.held.length >= PROVEN_LENGTH || this.phase === 'overflow';
    return proven ? this.options.provenGapMs : this.options.maxGapMs;
  }

  /** Ends a held burst once no key can continue it: a finished swipe, or keys to give back. */
  flush(nowMs: number): Omit<SwipeStep, 'swallow'> {
    if (this.phase === 'idle' || nowMs - this.lastAt <= this.gapMs()) {
      return { release: [], swipe: null };
    }
    const step = this.end();
    return { release: step.release, swipe: step.swipe };
  }

  private accept(key: string): SwipeStep {
    switch (this.phase) {
      case 'idle':
        if (key === '%' || key === ';') return this.hold(key, 'start');
        return { release: [], swallow: false, swipe: null };
      case 'start': {
        const sentinel = this.held.at(-1);
        if ((sentinel === '%' && key === 'B') || (sentinel === ';' && /^\d$/.test(key))) {
          return this.hold(key, 'track');
        }
        return this.endThen(key);
      }
      case 'track':
        if (key === 'Enter') return this.endThen(key);
        return this.hold(key, key === '?' ? 'ended' : 'track');
      case 'ended':
      case 'lrc':
        if (key === 'Enter') return this.endThen(key);
        if (key === ';') return this.hold(key, 'start');
        if (this.phase === 'ended') return this.hold(key, 'lrc');
        return this.endThen(key);
      case 'overflow':
        if (key === 'Enter') this.phase = 'idle';
        return { release: [], swallow: true, swipe: null };
    }
  }

  private hold(key: string, phase: Phase): SwipeStep {
    if (this.held.length >= this.options.maxLength) {
      const swipe = this.held.join('');
      this.held = [];
      this.phase = 'overflow';
      return { release: [], swallow: true, swipe };
    }
    this.held.push(key);
    this.phase = phase;
    return { release: [], swallow: true, swipe: null };
  }

  /** The burst is over: a swipe once proven (even a broken one), else typing to give back. */
  private end(): SwipeStep {
    const held = this.held;
    const proven = held.length >= PROVEN_LENGTH || this.phase === 'ended' || this.phase === 'lrc';
    if (this.phase === 'overflow') {
      this.phase = 'idle';
      return { release: [], swallow: false, swipe: null };
    }
    this.held = [];
    this.phase = 'idle';
    return proven
      ? { release: [], swallow: false, swipe: held.join('') }
      : { release: held, swallow: false, swipe: null };
  }

  /** Ends the burst, then looks at `key` afresh (it may start the next one). */
  private endThen(key: string): SwipeStep {
    const ended = this.end();
    if (ended.swipe !== null) {
      // A reader's closing Enter must not submit whatever form has the focus.
      if (key === 'Enter') return { ...ended, swallow: true };
      this.phase = 'overflow';
      return { ...ended, swallow: true };
    }
    const next = this.accept(key);
    return { ...next, release: [...ended.release, ...next.release], swipe: ended.swipe };
  }
}
