/**
 * Seeded fuzzing of the track and swipe parsers: random latin1 text and mutated test-card
 * tracks (truncated, bit flips, oversized, spliced). Whatever a reader sends, the parsers
 * answer with a CardResult whose error has a known code and a message without card data,
 * and a full PAN appears only where it is meant to: TrackFields.pan / Track2Fields.data
 * inside app/card, and the TrackSecret of a swipe. `FUZZ_SEED=<n>` replays a run.
 */
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../sync/sensitive-data';
import { seededRandom } from '../util/seeded-random';
import { encodeTrack1, encodeTrack2 } from './encode-track';
import { cardErrorCodes } from './errors';
import type { CardResult } from './errors';
import { parseSwipe, parseSwipeText, splitTracks } from './swipe';
import { checkSwipeText } from './swipe-diagnosis';
import { SwipeDetector } from './swipe-detector';
import { testCards } from './test-cards';
import { TrackSecret } from './track-secret';
import { parseTrack1 } from './track1';
import { parseTrack2 } from './track2';

// app/ is compiled without Node's types; the variable is read through globalThis.
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const SEED = Number(env?.FUZZ_SEED ?? 20260601);
const RUNS = 100_000;
const now = { year: 2026, month: 6 };

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const latin1 = (random: Random, max: number): string =>
  String.fromCharCode(...Array.from({ length: below(random, max + 1) }, () => below(random, 256)));

const cards = Object.values(testCards);
const VALID_TRACKS: readonly string[] = cards.flatMap((card) => [
  encodeTrack1(card, false),
  encodeTrack1(card, true),
  encodeTrack2(card, false),
  encodeTrack2(card, true),
]);
const SWIPES: readonly string[] = cards.flatMap((card) => [
  encodeTrack1(card, true) + encodeTrack2(card, true),
  encodeTrack1(card, false) + encodeTrack2(card, false) + '\r\n',
  encodeTrack2(card, true),
  `%E?${encodeTrack2(card, false)}`,
  `${encodeTrack1(card, true)};E?`,
]);

/** A few of the ways a worn stripe, a stuttering reader or an attacker spoil a track. */
function mutate(random: Random, track: string): string {
  let text = track;
  for (let n = 1 + below(random, 3); n > 0; n -= 1) {
    const at = below(random, text.length + 1);
    switch (below(random, 6)) {
      case 0: // truncated
        text = text.slice(0, at);
        break;
      case 1: {
        // a bit flipped, possibly into the high half of latin1
        const code = (text.charCodeAt(at) || 0x30) ^ (1 << below(random, 8));
        text = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
        break;
      }
      case 2: // oversized: the tail again, or random filler
        text = text + (random() < 0.5 ? text.slice(at) : latin1(random, 60));
        break;
      case 3: // a sentinel or separator where it does not belong
        text = text.slice(0, at) + '%;?^=E'.charAt(below(random, 6)) + text.slice(at);
        break;
      case 4: // a digit changed (Luhn, expiry, service code)
        text = text.slice(0, at) + String(below(random, 10)) + text.slice(at + 1);
        break;
      default: // characters dropped
        text = text.slice(0, at) + text.slice(at + 1 + below(random, 3));
    }
  }
  return text;
}

function generate(random: Random): string {
  switch (below(random, 4)) {
    case 0:
      return latin1(random, below(random, 10) === 0 ? 400 : 90);
    case 1:
      return mutate(random, VALID_TRACKS[below(random, VALID_TRACKS.length)] ?? '');
    case 2:
      return mutate(random, SWIPES[below(random, SWIPES.length)] ?? '');
    default: // unmutated now and then, so the success paths are checked too
      return random() < 0.2
        ? (SWIPES[below(random, SWIPES.length)] ?? '')
        : mutate(random, VALID_TRACKS[below(random, VALID_TRACKS.length)] ?? '');
  }
}

/** Every Luhn-valid 12–19 digit stretch of the input: what would count as a full PAN. */
function pansIn(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(/\d{12,}/g) ?? []) {
    for (let start = 0; start + 12 <= run.length; start += 1) {
      for (let end = start + 12; end <= Math.min(run.length, start + 19); end += 1) {
        const digits = run.slice(start, end);
        if (luhnValid(digits)) found.push(digits);
      }
    }
  }
  return found;
}

/** Fails with what replays it (plain checks: expect() per run would eat the time budget). */
function must(ok: boolean, what: string, run: number, input: string): void {
  if (!ok)
    throw new Error(`${what} on FUZZ_SEED=${SEED} run ${run}, input ${JSON.stringify(input)}`);
}

function call<T>(what: string, run: number, input: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(
      `${what} threw on FUZZ_SEED=${SEED} run ${run}, input ${JSON.stringify(input)}: ${String(error)}`,
      { cause: error },
    );
  }
}

const KNOWN_CODES = new Set<string>(cardErrorCodes);

/** A failure has a known code and a message without a digit run that could be card data. */
const typedFailure = (result: CardResult<unknown>): boolean =>
  result.ok ||
  (KNOWN_CODES.has(result.error.code) &&
    typeof result.error.message === 'string' &&
    !/\d{8}/.test(result.error.message));

/** JSON of a result, the TrackSecret as it serializes ("[track data withheld]"). */
const leaks = (value: unknown, pans: readonly string[]): boolean => {
  const json = JSON.stringify(value);
  return pans.some((pan) => json.includes(pan));
};

describe(`card parsers under fuzzing (FUZZ_SEED=${SEED})`, () => {
  it(`answer ${RUNS.toLocaleString('en')} random and mutated inputs with typed results`, () => {
    const random = seededRandom(SEED);
    let good = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const input = generate(random);
      const ensure = (ok: boolean, what: string): void => must(ok, what, run, input);
      const pans = pansIn(input);

      const track1 = call('parseTrack1', run, input, () => parseTrack1(input, now));
      ensure(typedFailure(track1), 'parseTrack1: untyped failure');
      if (track1.ok) {
        const { pan, ...rest } = track1.value;
        ensure(checkPan(pan, input), 'parseTrack1: PAN not a Luhn-valid run of the input');
        ensure(!leaks(rest, [pan]), 'parseTrack1: PAN outside its field');
      }

      const track2 = call('parseTrack2', run, input, () => parseTrack2(input, now));
      ensure(typedFailure(track2), 'parseTrack2: untyped failure');
      if (track2.ok) {
        const { pan, data, ...rest } = track2.value;
        ensure(checkPan(pan, input) && data.startsWith(`${pan}=`), 'parseTrack2: bad PAN/data');
        ensure(!leaks(rest, [pan]), 'parseTrack2: PAN outside its fields');
      }

      const split = call('splitTracks', run, input, () => splitTracks(input));
      ensure(typedFailure(split), 'splitTracks: untyped failure');
      if (split.ok) {
        const fromTracks = call('parseSwipe', run, input, () => parseSwipe(split.value, now));
        ensure(typedFailure(fromTracks), 'parseSwipe: untyped failure');
        ensure(!leaks(fromTracks, pans), 'parseSwipe: full PAN in the result');
      }

      const swipe = call('parseSwipeText', run, input, () => parseSwipeText(input, now));
      ensure(typedFailure(swipe), 'parseSwipeText: untyped failure');
      ensure(!leaks(swipe, pans), 'parseSwipeText: full PAN in the result');
      if (swipe.ok) {
        good += 1;
        const { card, track2: secret } = swipe.value;
        ensure(secret instanceof TrackSecret && secret.available, 'no TrackSecret');
        ensure(!/\d{7}/.test(card.maskedPan), 'parseSwipeText: PAN not masked');
        // The designated holder gives the track data out once.
        const data = secret.take();
        ensure(
          pans.some((pan) => data.startsWith(`${pan}=`)),
          'TrackSecret: not the track',
        );
      }

      const checked = call('checkSwipeText', run, input, () => checkSwipeText(input, now));
      ensure(typedFailure(checked.read), 'checkSwipeText: untyped failure');
      ensure(!leaks(checked, pans), 'checkSwipeText: full PAN in the diagnosis');
    }
    // Proof that the mutations leave some swipes whole: the success path ran too.
    expect(good).toBeGreaterThan(RUNS / 50);
  });

  it('the swipe detector takes random and mutated swipes key by key without throwing', () => {
    const random = seededRandom(SEED + 1);
    for (let run = 0; run < 5_000; run += 1) {
      const input =
        run % 2 === 0
          ? mutate(random, SWIPES[below(random, SWIPES.length)] ?? '')
          : latin1(random, 120);
      const typed = typeWithReader(input, () => 1 + below(random, 8), run);
      must(typed.length <= input.length, 'detector gave back more keys than it got', run, input);
    }
  });

  /**
   * Found by this file's fuzzing (FUZZ_SEED=20260601): a bit error that turns a PAN digit into
   * the end sentinel ('7' 0x37 → '?' 0x3F) ended track 1 early, and the keys after its "LRC"
   * were given back as typing: the rest of the card landed in the focused field.
   */
  it('never types out track data after a corrupted end sentinel', () => {
    const card = testCards.unionpayDebit2;
    const track = encodeTrack1(card, true) + encodeTrack2(card, true);
    const flipped = track.replace('7', String.fromCharCode('7'.charCodeAt(0) ^ 0x08));
    expect(flipped.startsWith('%B622202123456?')).toBe(true);
    const typed = typeWithReader(flipped, () => 3, 0);
    expect(typed).not.toMatch(/\d{6}/);
  });
});

/** Feeds text to a SwipeDetector at reader speed; returns what reached the input field. */
function typeWithReader(input: string, gapMs: () => number, run: number): string {
  const detector = new SwipeDetector();
  const typed: string[] = [];
  let at = 0;
  call('SwipeDetector', run, input, () => {
    for (const char of input) {
      at += gapMs();
      const key = char === '\n' || char === '\r' ? 'Enter' : char;
      const step = detector.push(key, at);
      typed.push(...step.release, ...(step.swallow ? [] : [key]));
    }
    typed.push(...detector.flush(at + 1_000).release);
  });
  return typed.filter((key) => key !== 'Enter').join('');
}

/** A PAN a parser accepted: 12–19 digits, Luhn-valid, and taken from the input. */
const checkPan = (pan: string, input: string): boolean =>
  /^\d{12,19}$/.test(pan) && luhnValid(pan) && input.includes(pan);
