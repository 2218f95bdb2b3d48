import { describe, expect, it } from 'vitest';
import { elapsedSince } from './elapsed';

const at = Date.parse('2026-11-23T10:00:00.000Z');

describe('elapsedSince', () => {
  it.each([
    [0, { unit: 'seconds', n: 0 }],
    [59_999, { unit: 'seconds', n: 59 }],
    [60_000, { unit: 'minutes', n: 1 }],
    [3_599_999, { unit: 'minutes', n: 59 }],
    [3_600_000, { unit: 'hours', n: 1 }],
    [86_399_999, { unit: 'hours', n: 23 }],
    [3 * 86_400_000, { unit: 'days', n: 3 }],
  ])('%i ms ago reads %o', (ago, expected) => {
    expect(elapsedSince(at - ago, at)).toEqual(expected);
  });

  it('reads a time in the future as 0 s', () => {
    expect(elapsedSince(at + 5_000, at)).toEqual({ unit: 'seconds', n: 0 });
  });
});
