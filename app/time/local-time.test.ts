import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatSince } from './local-time';

describe('local time labels', () => {
  it('formats in the shop time zone', () => {
    expect(formatLocalDateTime('2026-11-22T10:05:09.000Z', 'Asia/Shanghai')).toBe(
      '2026-11-22 18:05:09',
    );
  });

  it('shows only the time for today and the date as well for an earlier day', () => {
    const now = '2026-11-22T15:00:00.000Z'; // 23:00 in Shanghai
    expect(formatSince('2026-11-22T10:05:00.000Z', 'Asia/Shanghai', now)).toBe('18:05');
    // 23:30 UTC on the 21st is 07:30 on the 22nd in Shanghai: still today there.
    expect(formatSince('2026-11-21T23:30:00.000Z', 'Asia/Shanghai', now)).toBe('07:30');
    expect(formatSince('2026-11-21T10:05:00.000Z', 'Asia/Shanghai', now)).toBe('2026-11-21 18:05');
  });
});
