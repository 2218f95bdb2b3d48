import { describe, expect, it } from 'vitest';
import { splitRange } from './range-split';

const NONE = ['9999-12-31', '0000-01-01'];

describe('a range split into whole months and ragged days', () => {
  it('keeps a range inside one month as days', () => {
    expect(splitRange('2026-11-22', '2026-11-22')).toEqual({
      head: ['2026-11-22', '2026-11-22'],
      months: NONE,
      tail: NONE,
    });
    expect(splitRange('2026-11-02', '2026-11-30')).toEqual({
      head: ['2026-11-02', '2026-11-30'],
      months: NONE,
      tail: NONE,
    });
  });

  it('reads a whole month, and a year, from the month sums', () => {
    expect(splitRange('2026-11-01', '2026-11-30')).toEqual({
      head: NONE,
      months: ['2026-11', '2026-11'],
      tail: NONE,
    });
    expect(splitRange('2025-12-08', '2026-12-07')).toEqual({
      head: ['2025-12-08', '2025-12-31'],
      months: ['2026-01', '2026-11'],
      tail: ['2026-12-01', '2026-12-07'],
    });
  });

  it('handles February of a leap year and ranges across a year end', () => {
    expect(splitRange('2028-02-01', '2028-02-29')).toEqual({
      head: NONE,
      months: ['2028-02', '2028-02'],
      tail: NONE,
    });
    expect(splitRange('2025-12-31', '2026-02-01')).toEqual({
      head: ['2025-12-31', '2025-12-31'],
      months: ['2026-01', '2026-01'],
      tail: ['2026-02-01', '2026-02-01'],
    });
  });

  it('covers every day of a range exactly once, with only whole months in the months', () => {
    const days = (from: string, to: string): string[] => {
      const out: string[] = [];
      for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 86_400_000) {
        out.push(new Date(ms).toISOString().slice(0, 10));
      }
      return out;
    };
    for (const [from, to] of [
      ['2026-01-15', '2026-03-14'],
      ['2026-01-01', '2026-03-31'],
      ['2026-01-31', '2026-02-28'],
      ['2024-12-30', '2026-01-02'],
    ] as const) {
      const { head, months, tail } = splitRange(from, to);
      const inMonths = (day: string): boolean =>
        day.slice(0, 7) >= months[0] && day.slice(0, 7) <= months[1];
      const all = days('2024-01-01', '2027-12-31');
      const covered = [
        ...days(head[0], head[1]),
        ...all.filter(inMonths),
        ...days(tail[0], tail[1]),
      ];
      expect(covered.sort()).toEqual(days(from, to));
    }
  });
});
