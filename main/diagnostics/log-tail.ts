import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { LogFields, LogLevel } from '../log/logger';

/** One record of the JSON-lines log, as main/log/logger.ts writes it. */
export interface LogLine {
  /** ISO time the line was written, or null when the record has none. */
  at: string | null;
  level: LogLevel;
  message: string;
  /** Every other member of the record. */
  fields: LogFields;
}

export interface LogTailOptions {
  /** How many records to return at most (the newest ones). Default 200. */
  lines?: number;
  /** Records below this level are passed over. Default 'info' (everything). */
  minLevel?: LogLevel;
  /**
   * How far back from the end to scan at most. A filter such as 'error' may match nothing
   * in a 100 MB log; the cap keeps such a read bounded. Default 16 MiB.
   */
  maxBytes?: number;
}

export interface LogTail {
  /** Oldest first, at most `lines` of them. */
  lines: LogLine[];
  /** Lines in the scanned range that are not a log record: a torn write, a stray text. */
  skipped: number;
  /** True when the scan stopped at maxBytes before reaching the start of the file. */
  capped: boolean;
  /** Size of the file when read (0 when it does not exist yet). */
  fileBytes: number;
}

const LEVEL_RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * The newest records of a JSON-lines log, read backwards from the end in 64 KiB chunks, so
 * the cost follows the lines asked for, not the size of the file. Splitting on the newline
 * byte is safe in UTF-8: 0x0A never occurs inside a multi-byte character.
 */
export function readLogTail(file: string, options: LogTailOptions = {}): LogTail {
  const wanted = options.lines ?? 200;
  const minRank = LEVEL_RANK[options.minLevel ?? 'info'];
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const fd = openIfExists(file);
  if (fd === null) return { lines: [], skipped: 0, capped: false, fileBytes: 0 };
  try {
    const fileBytes = fstatSync(fd).size;
    const newestFirst: LogLine[] = [];
    let skipped = 0;
    let position = fileBytes;
    // Bytes of a line whose start lies before `position`: completed by the next chunk.
    let carry = Buffer.alloc(0);
    const take = (bytes: Buffer): void => {
      if (bytes.length === 0 || newestFirst.length >= wanted) return;
      const line = parseLogLine(bytes.toString('utf8'));
      if (line === null) skipped += 1;
      else if (LEVEL_RANK[line.level] >= minRank) newestFirst.push(line);
    };
    while (position > 0 && newestFirst.length < wanted && fileBytes - position < maxBytes) {
      const length = Math.min(CHUNK_BYTES, position, maxBytes - (fileBytes - position));
      position -= length;
      const chunk = Buffer.alloc(length);
      readFully(fd, chunk, position);
      const block = carry.length === 0 ? chunk : Buffer.concat([chunk, carry]);
      let end = block.length;
      for (let i = block.length - 1; i >= 0 && newestFirst.length < wanted; i -= 1) {
        if (block[i] !== NEWLINE) continue;
        take(block.subarray(i + 1, end));
        end = i;
      }
      carry = block.subarray(0, end);
    }
    // At the start of the file the carried bytes are a whole first line.
    if (position === 0) take(carry);
    const capped = position > 0 && newestFirst.length < wanted;
    return { lines: newestFirst.reverse(), skipped, capped, fileBytes };
  } finally {
    closeSync(fd);
  }
}

/** A log record, or null for anything else (not JSON, torn, no message or level). */
export function parseLogLine(text: string): LogLine | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { at, level, message, ...rest } = parsed as Record<string, unknown>;
  if (typeof message !== 'string' || !isLevel(level)) return null;
  const fields: LogFields = {};
  for (const [key, value] of Object.entries(rest)) fields[key] = fieldValue(value);
  return { at: typeof at === 'string' ? at : null, level, message, fields };
}

const isLevel = (value: unknown): value is LogLevel =>
  value === 'info' || value === 'warn' || value === 'error';

/** The logger only writes scalars; anything else (a hand-edited line) is kept as its JSON. */
const fieldValue = (value: unknown): LogFields[string] =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? (value as LogFields[string])
    : JSON.stringify(value);

function openIfExists(file: string): number | null {
  try {
    return openSync(file, 'r');
  } catch (error) {
    // No log yet, or its folder is not one (the fault Diagnostics reports elsewhere).
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function readFully(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) throw new Error('log file shrank while being read');
    done += read;
  }
}
