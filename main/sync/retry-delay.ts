/** upstream-sync-v1 "Uploading": back-off from 1 s, doubling, to at most 300 s. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 300_000;

/** The spec's 1 s and 300 s; the soak test compresses them to keep its rounds short. */
export interface RetryLimits {
  firstMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `failures` (1 for the first): the doubled step (1 s, 2 s,
 * 4 s …) plus up to half of it again as jitter, so terminals that failed together do not
 * retry together, and none retries sooner than the spec's step; never more than 300 s.
 */
export function retryDelayMs(
  failures: number,
  random: () => number,
  limits: RetryLimits = { firstMs: FIRST_RETRY_MS, maxMs: MAX_RETRY_MS },
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 20);
  const step = Math.min(limits.maxMs, limits.firstMs * 2 ** exponent);
  return Math.min(limits.maxMs, Math.round(step + (step / 2) * random()));
}
