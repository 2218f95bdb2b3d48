import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, describeHeldLock, lockDataDir } from './data-dir-lock';

const folder = () => mkdtempSync(join(tmpdir(), 'countertop-lock-'));
const OTHER_PID = 4_000_000;

describe('the data folder lock', () => {
  it('writes this process id, and removes the file on release', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    if (!lock.ok) throw new Error('not taken');
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('is refused while the holder runs, naming it', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: OTHER_PID, startedAt: 'then' }));
    const lock = lockDataDir(dir, () => true);
    expect(lock).toMatchObject({ ok: false, holder: { pid: OTHER_PID, startedAt: 'then' } });
    if (lock.ok) return;
    expect(describeHeldLock(dir, lock)).toContain(`process ${String(OTHER_PID)}, started then`);
  });

  it.each([
    ['a holder that is gone', JSON.stringify({ pid: OTHER_PID, startedAt: 'then' })],
    ['a file torn by a crash', '{"pid":'],
  ])('takes over %s', (_, content) => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), content);
    const lock = lockDataDir(dir, () => false);
    expect(lock.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
  });

  it('does not remove a lock another process took after this one released', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    if (!lock.ok) throw new Error('not taken');
    writeFileSync(lock.file, JSON.stringify({ pid: OTHER_PID, startedAt: 'now' }));
    lock.release();
    expect(existsSync(lock.file)).toBe(true);
  });
});
