import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { backupProblemSchema } from '@app/api/backup-schemas';
import { LedgerStore } from '../ledger/ledger-store';

export type BackupProblem = z.output<typeof backupProblemSchema>;

/** What a copy holds, read from the copy itself. */
export interface CopyFacts {
  terminalId: string | null;
  merchantId: string | null;
  headSeq: number;
  headHash: string;
}

export interface Verification {
  ok: boolean;
  problems: BackupProblem[];
  facts: CopyFacts | null;
  sha256: string;
  bytes: number;
}

const CHUNK = 1024 * 1024;

/** SHA-256 and size of a file, read in 1 MiB chunks (on a worker: it blocks). */
export function hashFile(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (
      let n = readSync(fd, buffer, 0, CHUNK, null);
      n > 0;
      n = readSync(fd, buffer, 0, CHUNK, null)
    ) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Opens a copy read-only and checks it as a restore would need it: SQLite's integrity_check,
 * the whole hash chain (upstream-sync-v1 "Ledger entries"), and what it says of itself.
 * Runs on a worker: both checks read every page.
 */
export function verifyCopy(file: string, nativeBinding?: string): Verification {
  const { sha256, bytes } = hashFile(file);
  const problems: BackupProblem[] = [];
  let facts: CopyFacts | null = null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const messages = integrity.map((row) => row.integrity_check);
    if (messages.length !== 1 || messages[0] !== 'ok') {
      problems.push({ kind: 'integrity', detail: messages.slice(0, 5).join('; ') });
    }
    facts = readFacts(db);
    if (facts === null) {
      problems.push({ kind: 'not_a_ledger', detail: 'no entries or meta table' });
    } else {
      const chain = new LedgerStore(db).verify();
      if (!chain.ok)
        problems.push({ kind: 'chain', detail: `seq ${chain.atSeq}: ${chain.reason}` });
    }
  } catch (error) {
    problems.push({
      kind: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db?.close();
  }
  return { ok: problems.length === 0, problems, facts, sha256, bytes };
}

function readFacts(db: Database.Database): CopyFacts | null {
  const tables = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name),
  );
  if (!tables.has('entries') || !tables.has('meta')) return null;
  const head = new LedgerStore(db).head();
  const terminal = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'terminal_id'")
    .get();
  // The binding table came with sync (migration v2); an older copy has none.
  const merchant = tables.has('sync_binding')
    ? db
        .prepare<[], { merchantId: string }>(
          'SELECT merchant_id AS merchantId FROM sync_binding WHERE id = 1',
        )
        .get()
    : undefined;
  return {
    terminalId: terminal?.value ?? null,
    merchantId: merchant?.merchantId ?? null,
    headSeq: head.seq,
    headHash: head.hash,
  };
}
