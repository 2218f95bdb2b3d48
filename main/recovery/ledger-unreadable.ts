/**
 * The ledger file would not open (not a database, a malformed page, a failed migration):
 * the composition root throws this so a host can start the till in recovery instead.
 */
export class LedgerUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The ledger ${file} cannot be opened: ${problem}`);
    this.name = 'LedgerUnreadableError';
  }
}

/** Opens the ledger, or says why it cannot be read. */
export function openLedgerOrExplain<T>(file: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    throw new LedgerUnreadableError(file, error instanceof Error ? error.message : String(error));
  }
}
