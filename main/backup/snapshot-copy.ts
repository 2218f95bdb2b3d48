import Database from 'better-sqlite3';
import { WritePace } from './write-pace';

/**
 * Pages copied per step of the online backup. Each step runs on the backup worker; between
 * steps the copy is flushed and paced (write-pace.ts). The bench (`--only=backup`) measures
 * a sale's p99 during a backup against idle.
 */
export const PAGES_PER_STEP = 256;

export interface SnapshotCopyOptions {
  pagesPerStep?: number;
  nativeBinding?: string;
  onProgress(donePages: number, totalPages: number): void;
}

/**
 * SQLite's online backup API from a connection of the worker's own, holding one read
 * transaction for the whole copy: in WAL mode that snapshot never blocks the till's commits,
 * and since no new read transaction starts between steps, a sale committed meanwhile does
 * not restart the copy. The copy is the ledger as it was when the backup began; the main
 * thread does none of the work.
 */
export async function copySnapshot(
  ledgerFile: string,
  destination: string,
  options: SnapshotCopyOptions,
): Promise<void> {
  const pages = options.pagesPerStep ?? PAGES_PER_STEP;
  const source = new Database(ledgerFile, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  const pace = new WritePace(destination);
  try {
    source.exec('BEGIN');
    // The first read fixes the snapshot the whole copy is taken from.
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    const pageSize = source.pragma('page_size', { simple: true }) as number;
    await source.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        const done = totalPages - remainingPages;
        options.onProgress(done, totalPages);
        pace.written(done * pageSize);
        return pages;
      },
    });
  } finally {
    pace.close();
    if (source.inTransaction) source.exec('COMMIT');
    source.close();
  }
}
