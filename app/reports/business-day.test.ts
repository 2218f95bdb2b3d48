import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDayBounds,
  businessMomentOf,
  hoursInDayOrder,
  instantOfLocal,
} from './business-day';

const at = (iso: string): number => Date.parse(iso);
const shanghai = { timeZone: 'Asia/Shanghai', cutoffHour: 4 };
// New York changes clocks: 2026-03-08 02:00 → 03:00 (EST → EDT), 2026-11-01 02:00 → 01:00.
const newYork = { timeZone: 'America/New_York', cutoffHour: 4 };

describe('business day', () => {
  it('puts a sale after midnight but before the cut-off on the day before', () => {
    // 01:30 on the 23rd in Shanghai
    expect(businessMomentOf(at('2026-11-22T17:30:00.000Z'), shanghai)).toEqual({
      day: '2026-11-22',
      hour: 1,
    });
    // 04:00 exactly starts the 23rd
    expect(businessMomentOf(at('2026-11-22T20:00:00.000Z'), shanghai)).toEqual({
      day: '2026-11-23',
      hour: 4,
    });
    expect(businessMomentOf(at('2026-11-22T19:59:59.999Z'), shanghai).day).toBe('2026-11-22');
  });

  it('has 24 hours in a zone without DST', () => {
    const { startMs, endMs } = businessDayBounds('2026-11-22', shanghai);
    expect(new Date(startMs).toISOString()).toBe('2026-11-21T20:00:00.000Z');
    expect(endMs - startMs).toBe(24 * 3_600_000);
  });

  it('has 23 hours on the day clocks go forward and 25 when they go back', () => {
    // With a 04:00 cut-off the night of the change belongs to the business day before.
    const spring = businessDayBounds('2026-03-07', newYork);
    expect(new Date(spring.startMs).toISOString()).toBe('2026-03-07T09:00:00.000Z'); // 04:00 EST
    expect(new Date(spring.endMs).toISOString()).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT
    expect(spring.endMs - spring.startMs).toBe(23 * 3_600_000);
    expect(businessDayBounds('2026-03-08', newYork).endMs).toBe(
      businessDayBounds('2026-03-09', newYork).startMs,
    );
    const autumn = businessDayBounds('2026-10-31', newYork);
    expect(autumn.endMs - autumn.startMs).toBe(25 * 3_600_000);
  });

  it('labels local hours across the change by the clock on the wall', () => {
    // 01:30 EST, then one real hour later 03:30 EDT: there is no 02:00 hour that night.
    expect(businessMomentOf(at('2026-03-08T06:30:00.000Z'), newYork)).toEqual({
      day: '2026-03-07',
      hour: 1,
    });
    expect(businessMomentOf(at('2026-03-08T07:30:00.000Z'), newYork)).toEqual({
      day: '2026-03-07',
      hour: 3,
    });
    // In November 01:30 happens twice (EDT then EST): both are hour 1 of the same day.
    expect(businessMomentOf(at('2026-11-01T05:30:00.000Z'), newYork)).toEqual({
      day: '2026-10-31',
      hour: 1,
    });
    expect(businessMomentOf(at('2026-11-01T06:30:00.000Z'), newYork)).toEqual({
      day: '2026-10-31',
      hour: 1,
    });
  });

  it('moves a local time that does not exist to the end of the gap', () => {
    const gap = Date.parse('2026-03-08T02:30:00.000Z'); // 02:30 wall time on the 8th
    expect(new Date(instantOfLocal(gap, 'America/New_York')).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('steps calendar days and orders hours from the cut-off', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
    expect(hoursInDayOrder(4).slice(0, 3)).toEqual([4, 5, 6]);
    expect(hoursInDayOrder(4).at(-1)).toBe(3);
  });
});
