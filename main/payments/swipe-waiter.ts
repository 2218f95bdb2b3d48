import { DomainError } from '@app/result';

/**
 * "Card swipe" waiting for a card on the reader: one wait at a time, ended by a swipe, by the
 * cashier stopping it, or by the time running out (`swipe_timeout`).
 */
export class SwipeWaiter {
  private pending: {
    resolve: (track2: string) => void;
    reject: (error: Error) => void;
    timer: NodeJS.Timeout;
  } | null = null;

  constructor(private readonly waitMs: number) {}

  get waiting(): boolean {
    return this.pending !== null;
  }

  /** Track 2 of the next swipe. */
  wait(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle((p) => p.reject(new DomainError('swipe_timeout', 'No card was swiped'))),
        this.waitMs,
      );
      timer.unref();
      this.pending = { resolve, reject, timer };
    });
  }

  /** A card was swiped: the wait, if any, takes its track 2 (kept in memory only). */
  swiped(track2: string): void {
    this.settle((p) => p.resolve(track2));
  }

  stop(error: Error): void {
    this.settle((p) => p.reject(error));
  }

  private settle(end: (pending: NonNullable<SwipeWaiter['pending']>) => void): void {
    const pending = this.pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending = null;
    end(pending);
  }
}
