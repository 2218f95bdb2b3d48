import type { Migration, SqlDatabase, SqlRunner } from './sql';

/**
 * Applies the migrations not yet applied, each in its own transaction with its record in
 * `schema_migrations`. Two back-office processes starting at once on one PostgreSQL
 * database take an advisory lock, so each step runs once.
 */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[],
): Promise<string[]> {
  const ordered = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.execute(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
  });
  for (const migration of ordered) {
    const ran = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (done.length > 0) return false;
      const script = tx.dialect === 'postgres' ? migration.postgres : migration.sqlite;
      for (const statement of splitStatements(script)) await tx.execute(statement);
      await tx.execute('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
        migration.id,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}

/** Statements separated by `;` at a line's end (no function bodies in our migrations). */
function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Serializes migrators on PostgreSQL (SQLite's BEGIN IMMEDIATE already does). */
async function lockMigrations(tx: SqlRunner): Promise<void> {
  if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7301)');
}
