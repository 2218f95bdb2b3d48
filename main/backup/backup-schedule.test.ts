import { describe, expect, it } from 'vitest';
import { dueAtStart, dueOnSchedule, nextScheduled } from './backup-schedule';

/** A local time on 7 December 2026 (the till's own time zone, as the schedule reads it). */
const at = (hour: number, minute = 0, day = 7): Date => new Date(2026, 11, day, hour, minute);

describe('the backup schedule', () => {
  it("is due once the owner's hour has come and nothing was tried since", () => {
    expect(dueOnSchedule(at(1, 59), 2, at(2, 0, 6))).toBe(false);
    expect(dueOnSchedule(at(2, 0), 2, at(2, 0, 6))).toBe(true);
    // A till switched off at 02:00 backs up when it is next on.
    expect(dueOnSchedule(at(9, 30), 2, at(2, 0, 6))).toBe(true);
    expect(dueOnSchedule(at(9, 30), 2, null)).toBe(true);
    // Tried today (and perhaps failed): tomorrow, or when the owner asks.
    expect(dueOnSchedule(at(9, 30), 2, at(2, 1))).toBe(false);
  });

  it('at start, is due when no backup succeeded in the last 24 hours', () => {
    expect(dueAtStart(at(8), null)).toBe(true);
    expect(dueAtStart(at(8), at(9, 0, 6))).toBe(false);
    expect(dueAtStart(at(8), at(8, 0, 6))).toBe(true);
  });

  it('names the next scheduled time', () => {
    expect(nextScheduled(at(1), 2, at(2, 0, 6))).toEqual(at(2));
    expect(nextScheduled(at(3), 2, at(2, 1))).toEqual(at(2, 0, 8));
    expect(nextScheduled(at(3), 2, at(2, 0, 6))).toEqual(at(3));
  });
});
