import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/**
 * Pages copied per step of the online backup. A step runs on the main thread and holds the
 * connection, so a sale that arrives meanwhile waits for it; between steps the event loop
 * runs whatever is waiting. 64 pages (256 KiB) take well under a millisecond from the page
 * cache: the bench (`--only=backup`) measures a sale's p99 during a backup against idle.
 */
export const PAGES_PER_STEP = 64;

export interface OnlineCopyOptions {
  pagesPerStep?: number;
  onProgress(donePages: number, totalPages: number): void;
  /** Asked between steps; true abandons the copy (the services are closing). */
  stopped(): boolean;
}

/**
 * SQLite's online backup API through the app's own connection: pages are copied in small
 * steps, and a sale committed on this connection between steps is written into the copy
 * too, so the copy is the ledger as of the last step and no sale waits for more than a step.
 */
export async function copyOnline(
  db: Database.Database,
  destination: string,
  options: OnlineCopyOptions,
): Promise<number> {
  const pages = options.pagesPerStep ?? PAGES_PER_STEP;
  const flusher = new BackgroundFlush(destination);
  try {
    const result = await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        if (options.stopped()) throw new Error('backup stopped: the till is closing');
        options.onProgress(totalPages - remainingPages, totalPages);
        flusher.copied(totalPages - remainingPages);
        return pages;
      },
    });
    return result.totalPages;
  } finally {
    await flusher.close();
  }
}

/** Pages written to the copy between two flushes of it (2 MiB of 4 KiB pages). */
const FLUSH_EVERY_PAGES = 512;

/**
 * The copy's last step commits it with an fsync on the main thread; left alone, the kernel
 * would hold the whole copy as dirty pages until then, and that fsync (and every sale's
 * fsync behind it) would wait for all of it. A datasync on libuv's thread pool every 2 MiB
 * keeps what is left to flush small, and never holds the event loop.
 */
class BackgroundFlush {
  private handle: Promise<FileHandle | null> | null = null;
  private flushing: Promise<void> | null = null;
  private flushedAt = 0;

  constructor(private readonly file: string) {}

  copied(pages: number): void {
    if (this.flushing !== null || pages - this.flushedAt < FLUSH_EVERY_PAGES) return;
    this.flushedAt = pages;
    // SQLite creates the file at the first step; opened once, for flushing only.
    this.handle ??= open(this.file, 'r+').catch(() => null);
    this.flushing = this.handle
      .then((handle) => handle?.datasync())
      .catch(() => undefined)
      .finally(() => (this.flushing = null));
  }

  async close(): Promise<void> {
    await this.flushing;
    await (await this.handle)?.close();
  }
}
