/**
 * The terminal's view of the host's clock, for request signatures only. upstream-sync-v1
 * "Authentication": after `401 clock_skew` the client corrects its offset from
 * `serverTime` and retries; entry timestamps are never changed.
 */
export class HostClock {
  private offsetSeconds = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Unix seconds as the host would read them. */
  unixSeconds(): number {
    return Math.floor(this.now() / 1000) + this.offsetSeconds;
  }

  correctFrom(serverTime: number): void {
    this.offsetSeconds = serverTime - Math.floor(this.now() / 1000);
  }

  offset(): number {
    return this.offsetSeconds;
  }
}
