import { describe, expect, it } from 'vitest';
import { ScanDetector } from './scan-detector';

/** Feeds a string as keys `gap` ms apart starting at `start`, returning every output. */
const feed = (detector: ScanDetector, keys: string[], start: number, gap: number) =>
  keys.map((key, i) => detector.push(key, start + i * gap));

const chars = (text: string) => Array.from(text);

describe('ScanDetector', () => {
  it('turns a fast burst ending in Enter into one scan', () => {
    const detector = new ScanDetector();
    const outputs = feed(detector, [...chars('6901234567892'), 'Enter'], 1000, 8);
    expect(outputs.slice(0, -1).every((o) => o.kind === 'pending')).toBe(true);
    expect(outputs.at(-1)).toEqual({ kind: 'scan', code: '6901234567892' });
  });

  it('treats slow typing as typing, Enter included', () => {
    const detector = new ScanDetector();
    const outputs = feed(detector, [...chars('50'), 'Enter'], 1000, 200);
    const typed = outputs.flatMap((o) => (o.kind === 'typed' ? o.keys : []));
    expect(typed).toEqual(['5', '0', 'Enter']);
  });

  it('does not call a short fast burst a scan', () => {
    const detector = new ScanDetector();
    const outputs = feed(detector, [...chars('123'), 'Enter'], 0, 5);
    expect(outputs.at(-1)).toEqual({ kind: 'typed', keys: ['1', '2', '3', 'Enter'] });
  });

  it('releases held keys on flush once the gap has passed, and not before', () => {
    const detector = new ScanDetector();
    detector.push('7', 0);
    expect(detector.flush(30)).toEqual([]);
    expect(detector.flush(80)).toEqual(['7']);
    expect(detector.flush(200)).toEqual([]);
  });

  it('separates a typed key from a scan that follows it', () => {
    const detector = new ScanDetector();
    detector.push('9', 0);
    const outputs = feed(detector, [...chars('73513537'), 'Enter'], 500, 10);
    expect(outputs[0]).toEqual({ kind: 'typed', keys: ['9'] });
    expect(outputs.at(-1)).toEqual({ kind: 'scan', code: '73513537' });
  });
});
