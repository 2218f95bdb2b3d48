/** Nanoseconds elapsed while `run` runs, by the monotonic clock. */
export function timeNs(run: () => unknown): bigint {
  const start = process.hrtime.bigint();
  run();
  return process.hrtime.bigint() - start;
}

export const nsToMs = (ns: bigint): number => Number(ns) / 1e6;

/** The nearest-rank percentile (p in 0..100) of samples, which it sorts. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

/** p50, p99 and max of durations in milliseconds. */
export function summarize(durationsMs: number[]): LatencySummary {
  return {
    p50: percentile(durationsMs, 50),
    p99: percentile(durationsMs, 99),
    max: percentile(durationsMs, 100),
  };
}
