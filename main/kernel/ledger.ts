import type Database from 'better-sqlite3';
import type { EntryType, LedgerEntry, NewEntry } from '@app/ledger/entry';
import { LedgerStore } from '../ledger/ledger-store';
import type { Logger } from '../log/logger';

/** Runs inside the commit's transaction: what an entry owes (sums, points, stock, a receipt). */
export type EntryFollower = (entry: LedgerEntry) => void;

/** Runs after COMMIT: what reacts to an entry (sync, printer, drawer, display, screens). */
export type CommittedListener = (entry: LedgerEntry) => void;

/** The one way to write an entry: inside `Ledger.commit`'s transaction. */
export interface LedgerTx {
  append(entry: NewEntry): LedgerEntry;
}

/** What readers of the ledger may do: everything but write. */
export type LedgerReader = Pick<
  LedgerStore,
  'head' | 'entriesFrom' | 'storedFrom' | 'hashAt' | 'entryById' | 'verify'
>;

/**
 * The commit protocol. `commit(work)` runs `work` in one IMMEDIATE transaction on the
 * durable connection; every entry it appends gets its seq and hash and runs the followers
 * registered for its type in that same transaction, so the entry and everything it
 * consumes (a cart, a payment session) or owes (sums, points, stock, a receipt) are
 * durable together or not at all. After COMMIT each entry is published once to the
 * committed-entry stream. A listener's failure is logged and never undoes the entry.
 *
 * A commit that throws in COMMIT's fsync has an unknown outcome: the entry may be on disk
 * after a restart. Callers key their work by the entry's id and look it up before trying
 * again (`publishIfCommitted`).
 */
export class Ledger implements LedgerReader {
  private readonly store: LedgerStore;
  private readonly followers: { types: ReadonlySet<EntryType> | 'all'; follow: EntryFollower }[] =
    [];
  private readonly listeners = new Set<CommittedListener>();

  constructor(
    private readonly db: Database.Database,
    private readonly log: Pick<Logger, 'error'>,
  ) {
    this.store = new LedgerStore(db);
  }

  /** The connection commits run on: in-transaction followers write through it. */
  get connection(): Database.Database {
    return this.db;
  }

  /** Registers a follower for entries of these types (or all), run inside each commit. */
  follow(types: readonly EntryType[] | 'all', follower: EntryFollower): void {
    this.followers.push({ types: types === 'all' ? 'all' : new Set(types), follow: follower });
  }

  /** Subscribes to the committed-entry stream; returns the unsubscribe. */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  commit<T>(work: (tx: LedgerTx) => T): T {
    if (this.db.inTransaction) throw new Error('Ledger.commit cannot nest in a transaction');
    const appended: LedgerEntry[] = [];
    const tx: LedgerTx = {
      append: (entry) => {
        const stored = this.store.append(entry);
        for (const { types, follow } of this.followers) {
          if (types === 'all' || types.has(stored.type)) follow(stored);
        }
        appended.push(stored);
        return stored;
      },
    };
    const result = this.db.transaction(() => work(tx)).immediate();
    for (const entry of appended) this.publish(entry);
    return result;
  }

  /**
   * After an unknown outcome: the entry with this id, published now if it turned out to be
   * committed (its followers ran in its transaction), or null when it is not on disk.
   */
  publishIfCommitted(id: string): LedgerEntry | null {
    const entry = this.store.entryById(id);
    if (entry) this.publish(entry);
    return entry;
  }

  head(): { seq: number; hash: string } {
    return this.store.head();
  }

  entriesFrom(seq: number, limit: number): LedgerEntry[] {
    return this.store.entriesFrom(seq, limit);
  }

  storedFrom(seq: number, limit: number): ReturnType<LedgerStore['storedFrom']> {
    return this.store.storedFrom(seq, limit);
  }

  hashAt(seq: number): string | null {
    return this.store.hashAt(seq);
  }

  entryById(id: string): LedgerEntry | null {
    return this.store.entryById(id);
  }

  verify(): ReturnType<LedgerStore['verify']> {
    return this.store.verify();
  }

  private publish(entry: LedgerEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        this.log.error('committed-entry listener failed', {
          seq: entry.seq,
          type: entry.type,
          error: String(error),
        });
      }
    }
  }
}
