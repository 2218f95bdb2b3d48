import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface TerminalIdentity {
  terminalId: string;
  batchNo: string;
}

/**
 * The terminal ID (8 × [A-Z0-9], upstream-sync-v1 "Identities") and the open settlement
 * batch, kept in `meta`. A random ID is made on first start so the till sells before it is
 * bound; binding replaces it with the host's. The batch starts at 000001 and advances when
 * a batch is closed for settlement.
 */
export class TerminalIdentityStore {
  private readonly readStmt;
  private readonly writeStmt;

  constructor(private readonly db: Database.Database) {
    this.readStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.writeStmt = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      const id =
        'CT' + Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      insert.run('terminal_id', id);
      insert.run('batch_no', '000001');
    }).immediate();
  }

  /** Read from the database each time, so a rolled-back change is never seen. */
  current(): TerminalIdentity {
    const terminalId = this.readStmt.get('terminal_id')?.value;
    const batchNo = this.readStmt.get('batch_no')?.value;
    if (!terminalId || !batchNo) throw new Error('terminal identity missing from meta');
    return { terminalId, batchNo };
  }

  /** The host's terminal ID after binding. Runs inside the caller's transaction. */
  setTerminalId(terminalId: string): void {
    this.write('terminal_id', terminalId);
  }

  /**
   * Moves to the next batch number (999999 wraps to 000001, as POS batch numbers do). Runs
   * inside the caller's transaction, together with the entry that closes the batch.
   */
  advanceBatch(): string {
    const next = (Number(this.current().batchNo) % 999_999) + 1;
    const batchNo = String(next).padStart(6, '0');
    this.write('batch_no', batchNo);
    return batchNo;
  }

  private write(key: 'terminal_id' | 'batch_no', value: string): void {
    if (!this.db.inTransaction) throw new Error('identity changes must run in a transaction');
    this.writeStmt.run(key, value);
  }
}
