/**
 * The back office's one way to its database: the same SQL text runs on the embedded SQLite
 * store (the default, for trying it and for a single shop) and on PostgreSQL (for many tills
 * and shops). Statements use PostgreSQL's `$1, $2` placeholders; the SQLite side rewrites
 * them. Where the dialects differ, code branches on `dialect` (e.g. a bulk insert with
 * `unnest` on PostgreSQL).
 */
export type SqlValue =
  string | number | bigint | boolean | null | Buffer | readonly string[] | readonly number[];
export type SqlRow = Record<string, unknown>;
export type Dialect = 'sqlite' | 'postgres';

export interface SqlRunner {
  readonly dialect: Dialect;
  /** Rows of a query (or of a statement with RETURNING). */
  query<Row extends SqlRow = SqlRow>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  execute(text: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlRunner {
  /**
   * Runs `work` in one transaction and commits it, or rolls it all back if `work` throws.
   * On PostgreSQL a serialization failure or deadlock retries `work` from the start, so
   * `work` must not have effects outside the database.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One schema step, written for both dialects; applied once, in id order, in a transaction. */
export interface Migration {
  /** `NNN-name`: the order is the number's. */
  readonly id: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/**
 * ` FOR UPDATE` on PostgreSQL, to append to a SELECT: the rows stay locked until the
 * transaction ends, so two back-office processes take turns on them. SQLite's
 * `BEGIN IMMEDIATE` already locks the whole database for the transaction.
 */
export const forUpdate = (tx: SqlRunner): string =>
  tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
