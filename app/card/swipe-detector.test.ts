import { describe, expect, it } from 'vitest';
import { defaultSwipeOptions, SwipeDetector } from './swipe-detector';
import type { SwipeStep } from './swipe-detector';

const track1 = '%B4111111111111111^TEST/VISA^3012101000000000?';
const track2 = ';4111111111111111=3012101000000000?';

/** Feeds keys `gap` ms apart from `start`, returning every step. */
const feed = (detector: SwipeDetector, keys: string[], start: number, gap: number) =>
  keys.map((key, i) => detector.push(key, start + i * gap));

const chars = (text: string) => Array.from(text);
const released = (steps: Pick<SwipeStep, 'release'>[]) => steps.flatMap((s) => s.release);
const swipes = (steps: Pick<SwipeStep, 'swipe'>[]) => steps.flatMap((s) => s.swipe ?? []);

describe('SwipeDetector', () => {
  it('swallows a fast burst of both tracks and the closing Enter', () => {
    const detector = new SwipeDetector();
    const steps = feed(detector, [...chars(track1 + track2), 'Enter'], 1000, 4);
    expect(steps.every((s) => s.swallow)).toBe(true);
    expect(released(steps)).toEqual([]);
    expect(swipes(steps)).toEqual([track1 + track2]);
  });

  it('ends a swipe without Enter once the reader falls silent', () => {
    const detector = new SwipeDetector();
    const steps = feed(detector, chars(track2), 0, 4);
    expect(steps.every((s) => s.swallow && s.swipe === null)).toBe(true);
    const last = (track2.length - 1) * 4;
    // A proven reader gets the longer gap before its swipe is handed over.
    const gap = defaultSwipeOptions.provenGapMs;
    expect(detector.flush(last + gap)).toEqual({ release: [], swipe: null });
    expect(detector.flush(last + gap + 1)).toEqual({ release: [], swipe: track2 });
  });

  it('hands over a swipe ended by silence when the next key arrives before flush()', () => {
    const detector = new SwipeDetector();
    feed(detector, chars(track2), 0, 4);
    expect(detector.push('a', 5000)).toEqual({ release: [], swallow: false, swipe: track2 });
  });

  it('keeps a per-track LRC with its track', () => {
    const detector = new SwipeDetector();
    const text = `${track1}<${track2}6`;
    const steps = feed(detector, [...chars(text), 'Enter'], 0, 3);
    expect(swipes(steps)).toEqual([text]);
    expect(steps.every((s) => s.swallow)).toBe(true);
  });

  it('gives back a % typed by a person within one gap', () => {
    const detector = new SwipeDetector();
    expect(detector.push('%', 0)).toEqual({ release: [], swallow: true, swipe: null });
    expect(detector.flush(20)).toEqual({ release: [], swipe: null });
    expect(detector.flush(defaultSwipeOptions.maxGapMs + 1)).toEqual({
      release: ['%'],
      swipe: null,
    });
  });

  it('gives back slow typing that starts with a sentinel, in order', () => {
    const detector = new SwipeDetector();
    const keys = [...chars('10%;5'), 'Enter'];
    const delivered = keys.flatMap((key, i) => {
      const step = detector.push(key, i * 150);
      return step.swallow ? step.release : [...step.release, key];
    });
    expect(delivered).toEqual(keys);
  });

  it('lets keys through untouched when no sentinel is held', () => {
    const detector = new SwipeDetector();
    expect(feed(detector, chars('abc'), 0, 1)).toEqual([
      { release: [], swallow: false, swipe: null },
      { release: [], swallow: false, swipe: null },
      { release: [], swallow: false, swipe: null },
    ]);
  });

  it('gives back a fast sentinel that no format character follows', () => {
    const detector = new SwipeDetector();
    expect(detector.push(';', 0)).toMatchObject({ swallow: true });
    expect(detector.push('x', 5)).toEqual({ release: [';'], swallow: false, swipe: null });
  });

  it('keeps one swipe whole across a 200 ms stall of a busy renderer', () => {
    const detector = new SwipeDetector();
    const half = track1.length;
    const steps = [
      ...feed(detector, chars(track1), 0, 3),
      detector.flush(half * 3 + 200),
      ...feed(detector, [...chars(track2), 'Enter'], half * 3 + 200, 3),
    ];
    expect(swipes(steps)).toEqual([track1 + track2]);
    expect(released(steps)).toEqual([]);
  });

  it('never gives back card data once a burst has proven to be a reader', () => {
    const detector = new SwipeDetector();
    // A stuttering reader stops in the middle of the card number for good.
    const steps = [...feed(detector, chars(';411111'), 0, 4), detector.flush(400)];
    expect(released(steps)).toEqual([]);
    expect(swipes(steps)).toEqual([';411111']);
  });

  it('treats an overlong burst as a broken swipe and swallows the rest of it', () => {
    const detector = new SwipeDetector({ maxGapMs: 30, provenGapMs: 30, maxLength: 10 });
    const steps = [...feed(detector, [...chars(';4111111111111111?'), 'Enter'], 0, 2)];
    expect(steps.every((s) => s.swallow)).toBe(true);
    expect(released(steps)).toEqual([]);
    expect(swipes(steps)).toEqual([';411111111']);
    expect(detector.push('a', 100)).toEqual({ release: [], swallow: false, swipe: null });
  });

  it('uses a configurable gap', () => {
    const detector = new SwipeDetector({ maxGapMs: 100, provenGapMs: 100, maxLength: 230 });
    const steps = feed(detector, [...chars(track2), 'Enter'], 0, 80);
    expect(swipes(steps)).toEqual([track2]);
  });
});
