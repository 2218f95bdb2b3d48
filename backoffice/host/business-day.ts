const HOUR_MS = 3_600_000;
const formats = new Map<string, Intl.DateTimeFormat>();
/** A zone's UTC offset through one whole UTC hour, by `zone\nhour`; null: it changes in it. */
const hourOffsets = new Map<string, number | null>();
const MAX_CACHED_HOURS = 100_000;

/**
 * The calendar date (YYYY-MM-DD) of an instant in an IANA time zone: a shop's business day.
 * Every entry of every batch needs one, and Intl is slow, so the zone's offset is found once
 * per UTC hour (checked at both ends of it) and the date computed from it.
 */
export function businessDay(at: string, timeZone: string): string {
  const ms = Date.parse(at);
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}\n${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(timeZone, hour * HOUR_MS);
    offset = start === offsetAt(timeZone, (hour + 1) * HOUR_MS - 1) ? start : null;
    if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return new Date(ms + (offset ?? offsetAt(timeZone, ms))).toISOString().slice(0, 10);
}

/** How far the zone's wall clock is ahead of UTC at the instant, in ms (whole seconds). */
function offsetAt(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatOf(timeZone).formatToParts(ms)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
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
    formats.set(timeZone, format);
  }
  return format;
}

/** Throws a clear error for a name that is not an IANA time zone this runtime knows. */
export function checkTimeZone(timeZone: string): string {
  try {
    formatOf(timeZone);
    return timeZone;
  } catch {
    throw new Error(`not an IANA time zone: ${timeZone} (e.g. Asia/Shanghai, Europe/Berlin)`);
  }
}

/** The host machine's time zone: new merchants' default shops get it unless told. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
