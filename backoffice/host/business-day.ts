import { businessMomentOf, isTimeZone } from '@app/reports/business-day';

/**
 * The calendar date (YYYY-MM-DD) of an entry's `at` in its shop's IANA time zone: the day
 * the rollups file it under, from midnight to midnight as the shop's clock reads.
 */
export const businessDay = (at: string, timeZone: string): string =>
  businessMomentOf(Date.parse(at), { timeZone, cutoffHour: 0 }).day;

/** Throws a clear error for a name that is not an IANA time zone this runtime knows. */
export function checkTimeZone(timeZone: string): string {
  if (isTimeZone(timeZone)) return timeZone;
  throw new Error(`not an IANA time zone: ${timeZone} (e.g. Asia/Shanghai, Europe/Berlin)`);
}

/** The host machine's time zone: new merchants' default shops get it unless told. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
