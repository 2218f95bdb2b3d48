import Database from 'better-sqlite3';
import type { SqlDatabase, SqlRow, SqlRunner, SqlValue } from './sql';

/**
 * SqlDatabase over better-sqlite3. One connection; better-sqlite3 is synchronous, so an
 * asynchronous transaction would let another request's statements run inside it: every
 * statement and transaction waits its turn in one queue instead.
 */
export function openSqliteDatabase(file: string): SqlDatabase {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Every stored batch is acknowledged to a till: the WAL is fsynced on each commit.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T> | T): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };
  const runner: SqlRunner = {
    dialect: 'sqlite',
    query: <Row extends SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      settle(() => statement(db, text).all(...positional(text, params)) as Row[]),
    execute: (text: string, params: readonly SqlValue[] = []) =>
      settle(() => statement(db, text).run(...positional(text, params)).changes),
  };
  return {
    dialect: 'sqlite',
    query: (text, params) => inTurn(() => runner.query(text, params)),
    execute: (text, params) => inTurn(() => runner.execute(text, params)),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
      inTurn(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(runner);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => inTurn(() => void db.close()),
  };
}

/** A synchronous call as a promise, its throw a rejection. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(db: Database.Database, text: string): Database.Statement {
  let cache = statements.get(db);
  if (cache === undefined) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let prepared = cache.get(text);
  if (prepared === undefined) cache.set(text, (prepared = db.prepare(toSqlitePlaceholders(text))));
  return prepared;
}

const PLACEHOLDER = /\$(\d+)/g;

/** `$2 … $1 … $2` becomes `? … ? … ?`, with the values repeated in that order. */
export function toSqlitePlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, '?');
}

function positional(text: string, params: readonly SqlValue[]): unknown[] {
  const values: unknown[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const value = params[Number(match[1]) - 1];
    if (value === undefined) throw new Error(`no value for $${match[1]} in: ${text}`);
    values.push(typeof value === 'boolean' ? Number(value) : value);
  }
  return values;
}
