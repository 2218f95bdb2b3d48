import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { LedgerStore } from './ledger-store';
import { onStdoutLines, spawnTsChild } from '../testing/ts-child';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

const ROUNDS = 5;
const MIN_ACKNOWLEDGED = 50;

/**
 * Runs the child until it has acknowledged between MIN_ACKNOWLEDGED and about four times as
 * many sales, then kills it with SIGKILL mid-loop. Resolves with the ids it acknowledged.
 */
function commitUntilKilled(file: string): Promise<string[]> {
  const killAfter = MIN_ACKNOWLEDGED + Math.floor(Math.random() * 3 * MIN_ACKNOWLEDGED);
  return new Promise((resolve, reject) => {
    const proc = spawnTsChild(child, [file]);
    const ids: string[] = [];
    let stderr = '';
    onStdoutLines(proc, (id) => {
      ids.push(id);
      if (ids.length >= killAfter) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`child ended without being killed (${signal ?? 'exit'}): ${stderr}`));
    });
  });
}

describe('kill -9 during a sale loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged sale and leaves a verifiable chain', async () => {
    const file = join(dir, 'ledger.sqlite');
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      acknowledged.push(...(await commitUntilKilled(file)));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * MIN_ACKNOWLEDGED);

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const verdict = new LedgerStore(db).verify();
    expect(verdict.ok).toBe(true);

    const has = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM sales s JOIN entries e ON e.id = s.id WHERE s.id = ?',
    );
    const missing = acknowledged.filter((id) => has.get(id)?.n !== 1);
    expect(missing).toEqual([]);
    // A sale may commit after the child's last acknowledgement, never the other way round;
    // and no sale row is ever without its entry.
    const counts = db
      .prepare<[], { entries: number; sales: number }>(
        'SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM sales) AS sales',
      )
      .get();
    expect(counts?.sales).toBe(counts?.entries);
    expect(verdict.ok && verdict.count).toBeGreaterThanOrEqual(acknowledged.length);
    expect(verdict.ok && verdict.count).toBeLessThanOrEqual(acknowledged.length + ROUNDS);
    db.close();
  });
});
