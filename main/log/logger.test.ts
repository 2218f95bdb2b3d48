import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger } from './logger';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'countertop-logger-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const folderBytes = (folder: string): number =>
  readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);

describe('the file logger', () => {
  it('writes after the caller has moved on, in order, one JSON line each', async () => {
    const file = join(dir, 'logs', 'countertop.log');
    const log = createFileLogger(file);
    log.info('first', { n: 1 });
    log.warn('second');
    // Nothing has touched the disk yet: the caller (a sale) never waits for the log.
    expect(() => statSync(file)).toThrow();
    await log.flush();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual([
      'first',
      'second',
    ]);
  });

  it('rotates by size and keeps the folder under (keep + 1) × maxBytes', async () => {
    const logs = join(dir, 'logs');
    const log = createFileLogger(join(logs, 'countertop.log'), { maxBytes: 20_000, keep: 3 });
    for (let i = 0; i < 5_000; i += 1) {
      log.info('sale committed', { seq: i });
      if (i % 100 === 0) await log.flush();
    }
    await log.flush();
    expect(readdirSync(logs).sort()).toEqual([
      'countertop.log',
      'countertop.log.1',
      'countertop.log.2',
      'countertop.log.3',
    ]);
    expect(folderBytes(logs)).toBeLessThanOrEqual(4 * 20_000);
    // The newest line is in the current file, the rotated ones hold the lines before it.
    expect(readFileSync(join(logs, 'countertop.log'), 'utf8')).toContain('"seq":4999');
    expect(readFileSync(join(logs, 'countertop.log.1'), 'utf8')).not.toContain('"seq":4999');
  });

  it('counts a write that fails and reports it, never throwing, and recovers', async () => {
    // The log folder's name is taken by a file: every write fails (ENOTDIR), even as root.
    const blocked = join(dir, 'logs');
    writeFileSync(blocked, 'not a folder');
    const faults: string[] = [];
    let recovered = 0;
    const log = createFileLogger(join(blocked, 'countertop.log'), {
      onFault: (error) => faults.push((error as NodeJS.ErrnoException).code ?? ''),
      onRecovered: () => (recovered += 1),
    });
    expect(() => log.error('the disk is gone')).not.toThrow();
    await log.flush();
    expect(() => log.flushSync()).not.toThrow();
    log.info('again');
    log.flushSync();
    expect(faults.length).toBeGreaterThanOrEqual(2);
    expect(faults.every((code) => code === 'ENOTDIR' || code === 'EEXIST')).toBe(true);

    rmSync(blocked);
    log.info('back');
    await log.flush();
    expect(recovered).toBe(1);
  });

  it('drops lines beyond its buffer and says how many were dropped', async () => {
    const file = join(dir, 'countertop.log');
    const log = createFileLogger(file, { maxPending: 10 });
    for (let i = 0; i < 25; i += 1) log.info('line', { i });
    await log.flush();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ level: 'warn', dropped: 15 });
  });
});
