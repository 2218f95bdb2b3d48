import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_RETRY_MS, retryDelayMs } from './retry-delay';

describe('retry delay (upstream-sync-v1 "Uploading": 1 s doubling to at most 300 s)', () => {
  it('waits at least 1 s before the first retry, whatever the jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(1_500);
  });

  it('never waits less than the doubled step, nor more than 300 s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (failures, jitter) => {
          const step = Math.min(MAX_RETRY_MS, 1_000 * 2 ** Math.min(failures - 1, 20));
          const delay = retryDelayMs(failures, () => jitter);
          expect(delay).toBeGreaterThanOrEqual(step);
          expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS);
        },
      ),
    );
  });
});
