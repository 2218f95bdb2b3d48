import type { Logger } from './logger';

/**
 * A crash must leave its cause in the log the technician reads, not only on a console nobody
 * watches. The process still ends: SQLite has every committed sale, and a restart resumes.
 */
export function recordCrashes(log: Logger): void {
  const record = (kind: string) => (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error('crashed', { kind, detail });
    console.error(`Countertop ${kind}: ${detail}`);
    process.exit(70); // EX_SOFTWARE
  };
  process.on('uncaughtException', record('uncaught exception'));
  process.on('unhandledRejection', record('unhandled rejection'));
}
