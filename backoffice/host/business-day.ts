const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone: a shop's business day. */
export function businessDay(at: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

/** Throws a clear error for a name that is not an IANA time zone this runtime knows. */
export function checkTimeZone(timeZone: string): string {
  try {
    businessDay('2000-01-01T00:00:00.000Z', timeZone);
    return timeZone;
  } catch {
    throw new Error(`not an IANA time zone: ${timeZone} (e.g. Asia/Shanghai, Europe/Berlin)`);
  }
}

/** The host machine's time zone: new merchants' default shops get it unless told. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
