import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** A logger that writes to a file, and says which: the diagnostics read its tail back. */
export interface FileLogger extends Logger {
  readonly file: string;
}

/** JSON lines to a file (and errors to stderr). Callers never pass card data or secrets. */
export function createFileLogger(
  file: string,
  echo: (line: string) => void = () => undefined,
): FileLogger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
    appendFileSync(file, line + '\n');
    if (level !== 'info') echo(line);
  };
  return {
    file,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
