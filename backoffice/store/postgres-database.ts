import pg from 'pg';
import type { SqlDatabase, SqlRow, SqlRunner, SqlValue } from './sql';

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

const { INT8, NUMERIC } = pg.types.builtins;

/**
 * BIGINT (times in ms, money in minor units, counts) and the NUMERIC of SUM(bigint) as
 * numbers, as SQLite gives them: node-postgres returns strings by default, since an int8
 * may pass 2^53. Ours stay far below it.
 */
const NUMERIC_TYPES: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) =>
    oid === INT8 || oid === NUMERIC ? Number : (pg.types.getTypeParser(oid, format) as unknown),
};

/** SqlDatabase over a node-postgres pool: each transaction takes its own connection. */
export function openPostgresDatabase(connectionString: string, poolSize = 10): SqlDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: NUMERIC_TYPES });
  // A connection that dies while idle (server restart) must not end the process.
  pool.on('error', () => undefined);
  const runnerOf = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    dialect: 'postgres',
    query: async <Row extends SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      (await client.query<Row>(text, params as unknown[])).rows,
    execute: async (text: string, params: readonly SqlValue[] = []) =>
      (await client.query(text, params as unknown[])).rowCount ?? 0,
  });
  const direct = runnerOf(pool);
  return {
    ...direct,
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        let broken = false;
        // The server can end a connection between our statements (a restart, an admin's
        // kill): without a listener that 'error' event would end the process.
        const lost = (): void => {
          broken = true;
        };
        client.on('error', lost);
        try {
          await client.query('BEGIN');
          const result = await work(runnerOf(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          broken = (await rollBack(client)) || broken;
          if (attempt < MAX_ATTEMPTS && RETRYABLE.has(sqlState(error))) continue;
          throw error;
        } finally {
          client.off('error', lost);
          client.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}

/** Rolls back; true when the connection itself is unusable and must not return to the pool. */
async function rollBack(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return false;
  } catch {
    return true;
  }
}

export function sqlState(error: unknown): string {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : '';
}
