import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry, NewEntry } from '@app/ledger/entry';
import { sealEntry, verifyChain } from './hash-chain';
import type { ChainVerdict } from './hash-chain';
import { checkNewEntry } from './entry-rules';

interface EntryRow {
  seq: number;
  hash: string;
  body: string;
}

/** An entry as stored: its canonical JSON and the columns an uploader needs beside it. */
export interface StoredEntryText {
  seq: number;
  amount: number;
  at: string;
  body: string;
}

/** The body column holds the whole entry, so reading it back needs no reassembly. */
const fromRow = (row: EntryRow): LedgerEntry => JSON.parse(row.body) as LedgerEntry;

/**
 * The terminal's hash-chained ledger (upstream-sync-v1 "Ledger entries"). Entries are only
 * ever appended; the schema's triggers refuse UPDATE and DELETE.
 */
export class LedgerStore {
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly fromStmt;
  private readonly byIdStmt;
  private readonly allStmt;
  private readonly rawFromStmt;
  private readonly hashAtStmt;

  constructor(private readonly db: Database.Database) {
    this.lastStmt = db.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO entries (seq, id, type, at, batch_no, currency, amount, ref_id, body, prev_hash, hash)
       VALUES (@seq, @id, @type, @at, @batchNo, @currency, @amount, @refId, @body, @prevHash, @hash)`,
    );
    this.fromStmt = db.prepare<[number, number], EntryRow>(
      'SELECT seq, hash, body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?',
    );
    this.byIdStmt = db.prepare<[string], EntryRow>(
      'SELECT seq, hash, body FROM entries WHERE id = ?',
    );
    this.allStmt = db.prepare<[], EntryRow>('SELECT seq, hash, body FROM entries ORDER BY seq');
    this.rawFromStmt = db.prepare<[number, number], StoredEntryText>(
      'SELECT seq, amount, at, body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?',
    );
    this.hashAtStmt = db.prepare<[number], { hash: string }>(
      'SELECT hash FROM entries WHERE seq = ?',
    );
  }

  /**
   * Appends an entry with the next seq, chained to the current head. Must run inside the
   * caller's transaction, so the entry commits (or not) together with whatever it records
   * and no other writer can take the same seq in between.
   */
  append(entry: NewEntry): LedgerEntry {
    if (!this.db.inTransaction) {
      throw new Error('LedgerStore.append must run inside a transaction');
    }
    checkNewEntry(entry);
    const head = this.head();
    const unhashed: Omit<LedgerEntry, 'hash'> = {
      ...entry,
      seq: head.seq + 1,
      prevHash: head.hash,
    };
    const { hash, body } = sealEntry(unhashed);
    // Stored and returned as parsed from the body, so the caller sees exactly what a later
    // read (and the host) will see.
    const stored = JSON.parse(body) as LedgerEntry;
    this.insertStmt.run({
      seq: stored.seq,
      id: stored.id,
      type: stored.type,
      at: stored.at,
      batchNo: stored.batchNo,
      currency: stored.currency,
      amount: stored.amount,
      refId: stored.refId ?? null,
      body,
      prevHash: stored.prevHash,
      hash,
    });
    return stored;
  }

  /** The last entry's seq and hash; seq 0 and 64 zeros for an empty ledger. */
  head(): { seq: number; hash: string } {
    return this.lastStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Up to `limit` entries from `seq` on, in seq order (for upload batches). */
  entriesFrom(seq: number, limit: number): LedgerEntry[] {
    return this.fromStmt.all(seq, limit).map(fromRow);
  }

  /**
   * Entries from `seq` on as their stored canonical JSON, unparsed: an upload batch is made
   * of exactly these bytes.
   */
  storedFrom(seq: number, limit: number): StoredEntryText[] {
    return this.rawFromStmt.all(seq, limit);
  }

  /** The hash of entry `seq` (64 zeros for seq 0), or null when there is no such entry. */
  hashAt(seq: number): string | null {
    if (seq === 0) return GENESIS_HASH;
    return this.hashAtStmt.get(seq)?.hash ?? null;
  }

  entryById(id: string): LedgerEntry | null {
    const row = this.byIdStmt.get(id);
    return row ? fromRow(row) : null;
  }

  /** Verifies the whole chain as stored, including that the indexed columns match bodies. */
  verify(): ChainVerdict {
    // An object, not a `let`: the generator sets it while verifyChain consumes it.
    const found: { mismatch: { atSeq: number; reason: string } | null } = { mismatch: null };
    const rows = this.allStmt.iterate();
    function* entries(): Generator<LedgerEntry> {
      for (const row of rows) {
        const entry = fromRow(row);
        if (entry.seq !== row.seq || entry.hash !== row.hash) {
          found.mismatch = { atSeq: row.seq, reason: 'row columns disagree with the stored body' };
          return;
        }
        yield entry;
      }
    }
    const verdict = verifyChain(entries());
    return found.mismatch ? { ok: false, ...found.mismatch } : verdict;
  }
}
