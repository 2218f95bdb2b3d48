/** upstream-sync-v1 "Uploading": back-off from 1 s, doubling, to at most 300 s. */
export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 300_000;

/**
 * The wait before retry number `failures` (1 for the first). "Equal jitter": between half
 * and all of the doubled step, so terminals that failed together do not retry together,
 * yet none retries sooner than half the step.
 */
export function retryDelayMs(failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 20);
  const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * random());
}
