/**
 * The shop's business day: a calendar date in the shop's time zone that starts at the
 * owner's cut-off hour (e.g. 04:00), so a sale at 01:30 belongs to the day before. Entries
 * carry UTC instants (upstream-sync-v1 "at"); every local figure goes through here.
 */
export interface ShopClock {
  /** IANA zone, e.g. Asia/Shanghai. */
  timeZone: string;
  /** 0–12: the local hour at which a business day begins (0 = midnight). */
  cutoffHour: number;
}

export interface BusinessMoment {
  /** The business day, YYYY-MM-DD. */
  day: string;
  /** The local clock hour, 0–23 (a repeated hour at the end of DST counts once, summed). */
  hour: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// Every zone's offset is a multiple of 15 minutes, and changes on such a boundary.
const QUARTER_MS = 15 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows this IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local time minus UTC at `instantMs`, in ms (Shanghai: +8 h). Cached per quarter hour. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const quarter = Math.floor(instantMs / QUARTER_MS);
  const key = `${timeZone}|${String(quarter)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const at = quarter * QUARTER_MS;
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const offset = local - at;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The business day and local hour of an instant. */
export function businessMomentOf(instantMs: number, clock: ShopClock): BusinessMoment {
  const local = instantMs + zoneOffsetMs(instantMs, clock.timeZone);
  return {
    day: isoDate(local - clock.cutoffHour * HOUR_MS),
    hour: new Date(local).getUTCHours(),
  };
}

/** The UTC instant of a local wall time; in a DST gap, the first instant after it. */
export function instantOfLocal(localMs: number, timeZone: string): number {
  const first = localMs - zoneOffsetMs(localMs, timeZone);
  const second = localMs - zoneOffsetMs(first, timeZone);
  if (second + zoneOffsetMs(second, timeZone) === localMs) return second;
  // The wall time does not exist (spring forward): read it with the offset from before the
  // change, which lands as far past the gap as it was into it (02:30 → 03:30).
  return localMs - zoneOffsetMs(Math.min(first, second), timeZone);
}

/** When a business day begins and ends (UTC ms, end exclusive): 23 or 25 hours on DST days. */
export function businessDayBounds(
  day: string,
  clock: ShopClock,
): { startMs: number; endMs: number } {
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`not a date: ${day}`);
  return {
    startMs: instantOfLocal(midnight + clock.cutoffHour * HOUR_MS, clock.timeZone),
    endMs: instantOfLocal(midnight + DAY_MS + clock.cutoffHour * HOUR_MS, clock.timeZone),
  };
}

/** `day` moved by `days` calendar days (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return isoDate(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS);
}

/** The 24 local hours in business-day order: from the cut-off hour round to the one before. */
export function hoursInDayOrder(cutoffHour: number): number[] {
  return Array.from({ length: 24 }, (_, i) => (cutoffHour + i) % 24);
}

export const isBusinessDay = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && isoDate(Date.parse(`${text}T00:00:00.000Z`)) === text;
