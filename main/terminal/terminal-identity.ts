import type Database from 'better-sqlite3';
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface TerminalIdentity {
  terminalId: string;
  batchNo: string;
}

/**
 * The terminal ID (8 × [A-Z0-9], upstream-sync-v1 "Identities") is made once on first
 * start; binding to a host (the Sync issue) replaces it. The batch starts at 000001.
 */
export function loadTerminalIdentity(db: Database.Database): TerminalIdentity {
  const read = (key: string): string | undefined =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value;
  const insert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    const id =
      'CT' + Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    insert.run('terminal_id', id);
    insert.run('batch_no', '000001');
  }).immediate();
  const terminalId = read('terminal_id');
  const batchNo = read('batch_no');
  if (!terminalId || !batchNo) throw new Error('terminal identity missing from meta');
  return { terminalId, batchNo };
}
