import type { ErrorCode } from '@app/errors';

/**
 * SQLite failures a person can meet. A full disk fails before the commit and rolls back;
 * a failed fsync or I/O error during commit is an unknown outcome (RELIABILITY.md): the row
 * may be there after a restart, so the sale is reconciled by its id, never retried blindly.
 */
export function describeStorageError(error: unknown): { code: ErrorCode; message: string } | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string')
    return null;
  const code = error.code;
  if (code === 'SQLITE_FULL') return { code: 'disk_full', message: 'The disk is full' };
  if (code.startsWith('SQLITE_IOERR'))
    return { code: 'ledger_outcome_unknown', message: error.message };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return { code: 'ledger_write_failed', message: error.message };
  }
  return null;
}
