/**
 * A range of business days split for the sums: whole calendar months (read from the month
 * sums) and the ragged days before and after them (read from the day sums). An empty part
 * is a range no day falls in.
 */
export interface RangeParts {
  head: readonly [string, string];
  months: readonly [string, string];
  tail: readonly [string, string];
}

const NONE = ['9999-12-31', '0000-01-01'] as const;
const DAY_MS = 86_400_000;

const toMs = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const firstOfNextMonth = (day: string): string => {
  const date = new Date(toMs(day));
  return toDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
};

/** from..to (YYYY-MM-DD, inclusive, from ≤ to). */
export function splitRange(from: string, to: string): RangeParts {
  const firstFull = from.endsWith('-01') ? from : firstOfNextMonth(from);
  // The first day after `to` starts a month exactly when `to` ends one.
  const afterTo = toDay(toMs(to) + DAY_MS);
  const endFull = afterTo.endsWith('-01') ? afterTo : `${to.slice(0, 7)}-01`;
  if (firstFull >= endFull) return { head: [from, to], months: NONE, tail: NONE };
  const lastFullMonth = toDay(toMs(endFull) - DAY_MS).slice(0, 7);
  return {
    head: from < firstFull ? [from, toDay(toMs(firstFull) - DAY_MS)] : NONE,
    months: [firstFull.slice(0, 7), lastFullMonth],
    tail: endFull <= to ? [endFull, to] : NONE,
  };
}
