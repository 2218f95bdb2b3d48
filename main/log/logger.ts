import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

/** JSON lines to a file (and errors to stderr). Callers never pass card data or secrets. */
export function createFileLogger(
  file: string,
  echo: (line: string) => void = () => undefined,
): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: Level, message: string, fields?: LogFields): void => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
    appendFileSync(file, line + '\n');
    if (level !== 'info') echo(line);
  };
  return {
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
