import type { Logger } from '../log/logger';
import type { StepResult, Uploader } from './uploader';

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Soon after a sale, not at once: a burst of sales then goes up in one batch. */
const AFTER_NEW_ENTRY_MS = 200;
/** After a step threw (a bug or a database error), try again after this long. */
const AFTER_CRASH_MS = 30_000;

/**
 * Runs the uploader's steps one at a time: straight on while there is work, after the
 * back-off when the host failed, and not at all while idle until a new entry or "sync now"
 * wakes it. Never two steps at once, and none after stop().
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeAgain = false;
  private forceAgain = false;
  private stopped = false;
  private nextAttempt: number | null = null;
  private lastResult: StepResult | null = null;

  constructor(
    private readonly uploader: Uploader,
    private readonly onChange: () => void,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.runSoon(0);
  }

  /** A new entry was committed. A host in back-off is not hurried by it. */
  noteNewEntry(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.wakeAgain = true;
    } else if (this.timer === null) {
      this.runSoon(AFTER_NEW_ENTRY_MS);
    }
  }

  /**
   * "Sync now", binding, a cleared alarm: run at once with a fresh back-off, or once a busy
   * host's Retry-After has passed.
   */
  syncNow(): void {
    if (this.stopped) return;
    this.uploader.resetBackoff();
    if (this.running !== null) this.forceAgain = true;
    else this.runSoon(this.uploader.busyWaitMs());
  }

  /** When the next retry is due (ms since the epoch), while waiting out a back-off. */
  nextAttemptAt(): number | null {
    return this.nextAttempt;
  }

  isUploading(): boolean {
    return this.running !== null;
  }

  lastStep(): StepResult | null {
    return this.lastResult;
  }

  /** Resolves once no step is in flight; after this nothing touches the database. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.running;
  }

  /** Resolves when the engine has nothing left to do right now (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private runSoon(delayMs: number): void {
    this.clearTimer();
    this.nextAttempt = this.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttempt = null;
      this.running = this.run().finally(() => {
        this.running = null;
        this.onChange();
      });
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    for (;;) {
      this.takeWake();
      // Each step holds the event loop while it reads and writes the database: a sale whose
      // timer or keypress is due goes first, so a backlog never makes the till feel slow.
      await yieldToEventLoop();
      if (this.isStopped()) return;
      let result: StepResult;
      try {
        result = await this.uploader.step();
      } catch (error) {
        this.log.error('sync step failed', { error: String(error) });
        if (!this.isStopped()) this.runSoon(AFTER_CRASH_MS);
        return;
      }
      this.lastResult = result;
      if (this.isStopped()) return;
      this.onChange();
      if (result.next === 'now') continue;
      const asked = this.forceAgain;
      this.forceAgain = false;
      const woken = this.takeWake();
      const busyWaitMs = this.uploader.busyWaitMs();
      if (result.next === 'later' && (!asked || busyWaitMs > 0)) {
        this.runSoon(asked ? busyWaitMs : result.delayMs);
        return;
      }
      if (result.next === 'later' || (result.next === 'idle' && (asked || woken))) {
        continue;
      }
      return;
    }
  }

  /** Read through a method: stop() may have run while a step awaited. */
  private isStopped(): boolean {
    return this.stopped;
  }

  /** Whether an entry arrived since the last call (read and reset together). */
  private takeWake(): boolean {
    const woken = this.wakeAgain;
    this.wakeAgain = false;
    return woken;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttempt = null;
  }
}
