const DAY_MS = 24 * 3_600_000;

/** `day` at `hour`:00 in the till's local time. */
function atLocalHour(day: Date, hour: number): Date {
  const at = new Date(day.getTime());
  at.setHours(hour, 0, 0, 0);
  return at;
}

/**
 * The daily backup is due once today's hour has come and nothing was tried since: a till
 * that was off at that hour backs up when it is next on, and a failed attempt waits for
 * the next day (or for the owner's "Back up now") instead of retrying every minute.
 */
export function dueOnSchedule(now: Date, hour: number, lastAttemptAt: Date | null): boolean {
  const today = atLocalHour(now, hour);
  return now >= today && (lastAttemptAt === null || lastAttemptAt < today);
}

/** At start: due when no backup succeeded in the last day. */
export function dueAtStart(now: Date, lastSuccessAt: Date | null): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() >= DAY_MS;
}

/** When the schedule next asks for a backup (now, when it is already due). */
export function nextScheduled(now: Date, hour: number, lastAttemptAt: Date | null): Date {
  if (dueOnSchedule(now, hour, lastAttemptAt)) return now;
  const today = atLocalHour(now, hour);
  if (now < today) return today;
  const tomorrow = new Date(today.getTime());
  tomorrow.setDate(today.getDate() + 1);
  return atLocalHour(tomorrow, hour);
}
