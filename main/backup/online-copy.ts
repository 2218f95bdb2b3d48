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
  const result = await db.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      if (options.stopped()) throw new Error('backup stopped: the till is closing');
      options.onProgress(totalPages - remainingPages, totalPages);
      return pages;
    },
  });
  return result.totalPages;
}
