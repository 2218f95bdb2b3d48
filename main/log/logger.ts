import { appendFileSync, mkdirSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Writes what is still buffered now, never throwing (the process is about to end). */
  flushSync?(): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** A logger that writes to a file, and says which: the diagnostics read its tail back. */
export interface FileLogger extends Logger {
  readonly file: string;
  /** Resolves once every line logged so far has been written (or counted as lost). */
  flush(): Promise<void>;
  flushSync(): void;
}

/** The app's rotation: the log folder stays under (keep + 1) × maxBytes = 60 MiB. */
export const LOG_ROTATION = { maxBytes: 10 * 1024 * 1024, keep: 5 } as const;

export interface FileLoggerOptions {
  /** Lines at warn and error also go here (stderr). */
  echo?: (line: string) => void;
  /** The current file is rotated before it would pass this size. Default 10 MiB. */
  maxBytes?: number;
  /** Rotated files kept (`countertop.log.1` the newest). Default 5. */
  keep?: number;
  /** Lines waiting for the disk beyond this are dropped and counted. Default 20,000. */
  maxPending?: number;
  /** A write failed: its lines are lost, the sale goes on; someone should be told. */
  onFault?: (error: unknown) => void;
  /** A write succeeded after failures. */
  onRecovered?: () => void;
}

/**
 * JSON lines to a file (and warnings and errors to `echo`). Callers never pass card data or
 * secrets. Logging must never cost a sale: lines are buffered and appended asynchronously in
 * batches, the file is rotated by size (so the folder stays under (keep + 1) × maxBytes), and
 * a failed write (full disk, read-only mount) drops its lines and reports it, never throws.
 */
export function createFileLogger(file: string, options: FileLoggerOptions = {}): FileLogger {
  const maxBytes = options.maxBytes ?? LOG_ROTATION.maxBytes;
  const keep = options.keep ?? LOG_ROTATION.keep;
  const maxPending = options.maxPending ?? 20_000;
  let pending: string[] = [];
  let dropped = 0;
  let size: number | null = null;
  let writing: Promise<void> | null = null;
  let failing = false;

  const failed = (error: unknown): void => {
    failing = true;
    try {
      options.onFault?.(error);
    } catch {
      // A reporter must not turn a lost log line into a lost sale either.
    }
  };
  const succeeded = (): void => {
    if (!failing) return;
    failing = false;
    options.onRecovered?.();
  };

  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    failed(error);
  }

  const takeBatch = (): string => {
    const lines = pending;
    pending = [];
    if (dropped > 0) {
      lines.push(record('warn', 'log lines dropped: the disk was too slow', { dropped }));
      dropped = 0;
    }
    return lines.join('');
  };

  const rotate = async (): Promise<void> => {
    await rm(`${file}.${String(keep)}`, { force: true });
    for (let i = keep - 1; i >= 1; i -= 1) {
      await rename(`${file}.${String(i)}`, `${file}.${String(i + 1)}`).catch(ignoreMissing);
    }
    await rename(file, keep > 0 ? `${file}.1` : `${file}.old`).catch(ignoreMissing);
    if (keep === 0) await rm(`${file}.old`, { force: true });
    size = 0;
  };

  const writeBatch = async (batch: string): Promise<void> => {
    const bytes = Buffer.byteLength(batch);
    try {
      if (size === null) {
        // First write, or the first after a failure: the folder may have come back.
        await mkdir(dirname(file), { recursive: true });
        size = await stat(file).then(
          (s) => s.size,
          () => 0,
        );
      }
      if (size > 0 && size + bytes > maxBytes) await rotate();
      await appendFile(file, batch);
      size += bytes;
      succeeded();
    } catch (error) {
      size = null; // Unknown after a failure: read it again next time.
      failed(error);
    }
  };

  const drain = async (): Promise<void> => {
    while (pending.length > 0 || dropped > 0) await writeBatch(takeBatch());
    writing = null;
  };

  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    const line = record(level, message, fields);
    if (pending.length >= maxPending) dropped += 1;
    else pending.push(line);
    if (level !== 'info') options.echo?.(line.trimEnd());
    // setImmediate: the lines of one command go out in one append, after its answer.
    writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
  };

  return {
    file,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    flush: async () => {
      while (writing) await writing;
    },
    flushSync: () => {
      const batch = takeBatch();
      if (batch === '') return;
      try {
        appendFileSync(file, batch);
      } catch (error) {
        failed(error);
      }
    },
  };
}

function record(level: LogLevel, message: string, fields?: LogFields): string {
  return JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }) + '\n';
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
