import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { tempDatabase } from './temp-database';
import type { TempDatabase } from './temp-database';
import { IdleCheckpointer } from './idle-checkpointer';

let temp: TempDatabase;
afterEach(() => temp.dispose());

/** Frames in the WAL not yet copied into the database file. */
const uncheckpointed = (t: TempDatabase): number => {
  const [row] = t.db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
  return row ? row.log - row.checkpointed : -1;
};

describe('IdleCheckpointer', () => {
  it('leaves the WAL alone while the till is busy and checkpoints once it is quiet', () => {
    temp = tempDatabase('countertop-ckpt-', { checkpoint: 'manual' });
    let clock = 0;
    const checkpointer = new IdleCheckpointer(temp.db, `${temp.file}-wal`, {
      idleMs: 2000,
      now: () => clock,
    });
    const insert = temp.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`k${String(i)}`, 'x'.repeat(200));
    checkpointer.noteActivity();
    // With automatic checkpoints off, 2000 commits stay in the WAL.
    expect(uncheckpointed(temp)).toBeGreaterThan(1000);

    clock = 1000;
    expect(checkpointer.tick()).toBe(false);
    clock = 2500;
    expect(checkpointer.tick()).toBe(true);
    expect(uncheckpointed(temp)).toBe(0);
    // Nothing new written: no second checkpoint.
    clock = 10_000;
    expect(checkpointer.tick()).toBe(false);
  });

  it('checkpoints a WAL past its size bound even while busy, and empties it on stop', () => {
    temp = tempDatabase('countertop-ckpt-', { checkpoint: 'manual' });
    const checkpointer = new IdleCheckpointer(temp.db, `${temp.file}-wal`, {
      maxWalBytes: 64 * 1024,
      now: () => 0,
    });
    const insert = temp.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 500; i++) insert.run(`k${String(i)}`, 'x'.repeat(500));
    checkpointer.noteActivity();
    expect(checkpointer.tick()).toBe(true);
    checkpointer.stop();
    expect(statSync(`${temp.file}-wal`).size).toBe(0);
  });
});
