import { sqlState } from './postgres-database';

/**
 * Why the database could not take a request, when it is the database's condition and not
 * the request's: the client should retry the same request later (503 with Retry-After).
 */
export type StorageTrouble = 'unavailable' | 'disk_full';

// PostgreSQL SQLSTATE classes: 08 connection exception, 57P admin/crash shutdown and
// "cannot connect now", 53 insufficient resources (53100 disk_full).
const UNAVAILABLE_STATES = /^(08|57P0[1-3]|53[2-4])/;
const DISK_FULL_STATES = new Set(['53100']);
// A socket or server that went away before answering.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
// node-postgres says these without a code.
const DROPPED_CONNECTION =
  /Connection terminated|connection is closed|not queryable|Client was closed|timeout exceeded when trying to connect/i;
const SQLITE_FULL = new Set(['SQLITE_FULL']);
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN)/;

export function storageTrouble(error: unknown): StorageTrouble | null {
  const code = sqlState(error);
  if (DISK_FULL_STATES.has(code) || SQLITE_FULL.has(code)) return 'disk_full';
  if (UNAVAILABLE_STATES.test(code) || NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE.test(code)) {
    return 'unavailable';
  }
  if (error instanceof Error && DROPPED_CONNECTION.test(error.message)) return 'unavailable';
  return null;
}
