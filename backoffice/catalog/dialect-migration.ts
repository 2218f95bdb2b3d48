import type { Migration } from '../store/sql';

/**
 * A migration whose one text serves both dialects: `{BIGINT}` is BIGINT on PostgreSQL and
 * INTEGER on SQLite (both 64-bit; SQLite's INTEGER keeps rowid-style integer affinity).
 */
export function bothDialects(id: string, text: string): Migration {
  return {
    id,
    sqlite: text.replaceAll('{BIGINT}', 'INTEGER'),
    postgres: text.replaceAll('{BIGINT}', 'BIGINT'),
  };
}
