const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building one costs far more than formatting with it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `2026-11-22 18:05:09` in the given time zone: receipts and screens show shop-local time. */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/**
 * `18:05` when the time is on the local day of `nowIso`, else `2026-11-22 18:05`: "since"
 * labels stay short yet never hide that a problem began yesterday.
 */
export function formatSince(iso: string, timeZone: string, nowIso: string): string {
  const then = formatLocalDateTime(iso, timeZone);
  const sameDay = then.slice(0, 10) === formatLocalDateTime(nowIso, timeZone).slice(0, 10);
  return sameDay ? then.slice(11, 16) : then.slice(0, 16);
}
