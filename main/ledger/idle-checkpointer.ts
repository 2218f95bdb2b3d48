import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

export interface IdleCheckpointerOptions {
  /** Quiet time after the last command before a checkpoint may run. */
  idleMs?: number;
  /** How often to look. */
  intervalMs?: number;
  /** A WAL larger than this is checkpointed even while the till is busy. */
  maxWalBytes?: number;
  now?: () => number;
  /** A checkpoint failed (an I/O error): it is tried again later, selling goes on. */
  onFault?: (error: unknown) => void;
  /** A checkpoint worked after failures. */
  onRecovered?: () => void;
}

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 60_000;

/**
 * Moves WAL checkpoints off the sale path. With automatic checkpoints off, a commit is
 * one WAL append and one fsync; the checkpoint (copying pages into the database file and
 * fsyncing it) runs here, when no one has touched the till for a moment.
 */
export class IdleCheckpointer {
  private lastActivity: number;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private retryMs = 0;
  private notBefore = 0;
  private readonly idleMs: number;
  private readonly maxWalBytes: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database.Database,
    private readonly walFile: string,
    private readonly options: IdleCheckpointerOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 2000;
    this.maxWalBytes = options.maxWalBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.options.intervalMs ?? 1000);
    this.timer.unref();
  }

  /** Something may have written: a checkpoint is due once things are quiet again. */
  noteActivity(): void {
    this.lastActivity = this.now();
    this.dirty = true;
  }

  /**
   * Returns whether a checkpoint ran. A failing one (EIO, a full disk) never throws out of
   * the timer: committed sales are safe in the WAL, so it is reported and tried again after
   * 1 s, doubling to a minute.
   */
  tick(): boolean {
    const now = this.now();
    if (now < this.notBefore) return false;
    const quiet = now - this.lastActivity >= this.idleMs;
    if (!(this.dirty && quiet) && this.walBytes() <= this.maxWalBytes) return false;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      this.retryMs = Math.min(Math.max(this.retryMs * 2, FIRST_RETRY_MS), LAST_RETRY_MS);
      this.notBefore = now + this.retryMs;
      this.options.onFault?.(error);
      return false;
    }
    if (this.retryMs > 0) this.options.onRecovered?.();
    this.retryMs = 0;
    this.notBefore = 0;
    this.dirty = false;
    return true;
  }

  /** Stops the timer and folds the WAL into the database file, leaving it empty. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.db.open) return;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      // The WAL keeps every committed sale; the next start checkpoints it.
      this.options.onFault?.(error);
    }
  }

  private walBytes(): number {
    try {
      return statSync(this.walFile).size;
    } catch {
      return 0;
    }
  }
}
