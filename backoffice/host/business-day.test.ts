import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { businessDay, checkTimeZone } from './business-day';

const references = new Map<string, Intl.DateTimeFormat>();

/** The date as Intl writes it for the instant (en-CA: YYYY-MM-DD): the reference. */
function reference(ms: number, timeZone: string): string {
  let format = references.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    references.set(timeZone, format);
  }
  return format.format(ms);
}

const ZONES = [
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kathmandu', // +05:45
  'Australia/Lord_Howe', // a 30-minute DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'UTC',
];

describe('businessDay', () => {
  it('is the date in the shop’s zone, around midnight and DST changes', () => {
    expect(businessDay('2026-11-22T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-11-22');
    expect(businessDay('2026-11-22T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-23');
    // Berlin leaves summer time at 01:00 UTC on 2026-10-25.
    expect(businessDay('2026-10-24T21:59:59.999Z', 'Europe/Berlin')).toBe('2026-10-24');
    expect(businessDay('2026-10-24T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(businessDay('2026-10-25T22:59:59.999Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(businessDay('2026-10-25T23:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-26');
  });

  it('agrees with Intl for any instant in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => businessDay(new Date(ms).toISOString(), zone) === reference(ms, zone),
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl every 7 minutes through the months when clocks change', () => {
    for (const zone of ZONES) {
      for (const month of [2, 3, 8, 9]) {
        const from = Date.UTC(2026, month, 1);
        for (let ms = from; ms < from + 31 * 86_400_000; ms += 7 * 60_000) {
          const day = businessDay(new Date(ms).toISOString(), zone);
          if (day !== reference(ms, zone)) expect({ zone, ms, day }).toBe(reference(ms, zone));
        }
      }
    }
  });

  it('refuses a zone it does not know', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/IANA time zone/);
    expect(checkTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
  });
});
