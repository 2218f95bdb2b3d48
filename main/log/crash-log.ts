import type { Logger } from './logger';

/**
 * A crash must leave its cause in the log the technician reads, not only on a console nobody
 * watches. The process still ends: SQLite has every committed sale, and a restart resumes.
 * Writing that line can fail too (the disk that caused the crash): it is tried, never thrown,
 * and the exit code is the crash's, not the log's.
 */
export function recordCrashes(log: Logger): void {
  const record = (kind: string) => (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      log.error('crashed', { kind, detail });
      log.flushSync?.();
    } catch {
      // The console line below still says why.
    }
    console.error(`Countertop ${kind}: ${detail}`);
    process.exit(70); // EX_SOFTWARE
  };
  process.on('uncaughtException', record('uncaught exception'));
  process.on('unhandledRejection', record('unhandled rejection'));
  // Lines still buffered when the process ends normally are written, not lost.
  process.on('exit', () => {
    try {
      log.flushSync?.();
    } catch {
      // Nothing is left to tell at exit.
    }
  });
}
