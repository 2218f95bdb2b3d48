export interface Elapsed {
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
  n: number;
}

/**
 * How long ago, in the one unit a glance needs ("3 min", not "3 min 12 s"), rounded down
 * so an age never reads older than it is. A time in the future (clock step) reads 0 s.
 */
export function elapsedSince(fromMs: number, nowMs: number): Elapsed {
  const seconds = Math.max(0, Math.floor((nowMs - fromMs) / 1000));
  if (seconds < 60) return { unit: 'seconds', n: seconds };
  if (seconds < 3_600) return { unit: 'minutes', n: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: 'hours', n: Math.floor(seconds / 3_600) };
  return { unit: 'days', n: Math.floor(seconds / 86_400) };
}
