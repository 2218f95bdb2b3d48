import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../log/logger';
import { parseLogLine, readLogTail } from './log-tail';

describe('readLogTail', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countertop-log-tail-'));
    file = join(dir, 'logs', 'countertop.log');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what the file logger wrote, oldest first, with its fields', () => {
    const log = createFileLogger(file);
    expect(log.file).toBe(file);
    log.info('services started', { host: 'browser', terminalId: 'CT4X7Q2M' });
    log.warn('printer offline', { attempt: 2 });
    log.error('upload failed', { status: 503, retry: true, reason: null });
    log.flushSync();
    const tail = readLogTail(file, { lines: 10 });
    expect(tail.lines.map((l) => [l.level, l.message])).toEqual([
      ['info', 'services started'],
      ['warn', 'printer offline'],
      ['error', 'upload failed'],
    ]);
    expect(tail.lines[2]!.fields).toEqual({ status: 503, retry: true, reason: null });
    expect(tail.lines[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(tail).toMatchObject({ skipped: 0, capped: false });
  });

  it('returns the newest N lines of a file much larger than its read chunk', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ at: '2026-06-01T00:00:00.000Z', level: 'info', message: `sale ${i}` }),
    );
    const big = join(dir, 'big.log');
    writeFileSync(big, lines.join('\n') + '\n');
    const tail = readLogTail(big, { lines: 5_000 });
    expect(tail.lines).toHaveLength(5_000);
    expect(tail.lines[0]!.message).toBe('sale 15000');
    expect(tail.lines.at(-1)!.message).toBe('sale 19999');
  });

  it('filters by minimum level and keeps looking further back for matches', () => {
    const log = createFileLogger(file);
    log.error('old error');
    for (let i = 0; i < 3_000; i += 1) log.info(`noise ${i}`);
    log.warn('recent warning');
    log.info('latest info');
    log.flushSync();
    expect(readLogTail(file, { minLevel: 'warn' }).lines.map((l) => l.message)).toEqual([
      'old error',
      'recent warning',
    ]);
    expect(readLogTail(file, { minLevel: 'error' }).lines.map((l) => l.message)).toEqual([
      'old error',
    ]);
  });

  it('tolerates a torn last line and lines that are not log records', () => {
    const log = createFileLogger(file);
    log.info('first');
    log.flushSync();
    appendFileSync(file, 'Error: boom\n    at stack (frame.js:1:1)\n[1, 2]\n');
    log.info('second');
    log.flushSync();
    appendFileSync(file, '{"at":"2026-06-01T00:00:00.000Z","level":"err');
    const tail = readLogTail(file);
    expect(tail.lines.map((l) => l.message)).toEqual(['first', 'second']);
    expect(tail.skipped).toBe(4);
  });

  it('keeps multi-byte text intact across chunk boundaries', () => {
    const message = '可口可乐 330毫升 '.repeat(2_000);
    const log = createFileLogger(file);
    for (let i = 0; i < 20; i += 1) log.info(message, { i });
    log.flushSync();
    const tail = readLogTail(file, { lines: 20 });
    expect(tail.lines).toHaveLength(20);
    expect(tail.lines.every((l) => l.message === message)).toBe(true);
    expect(tail.skipped).toBe(0);
  });

  it('stops at maxBytes and says so', () => {
    const log = createFileLogger(file);
    log.error('ancient');
    for (let i = 0; i < 2_000; i += 1) log.info(`noise ${i}`);
    log.flushSync();
    const tail = readLogTail(file, { minLevel: 'error', maxBytes: 10_000 });
    expect(tail.lines).toEqual([]);
    expect(tail.capped).toBe(true);
  });

  it('returns nothing for a log that does not exist yet', () => {
    expect(readLogTail(join(dir, 'none.log'))).toEqual({
      lines: [],
      skipped: 0,
      capped: false,
      fileBytes: 0,
    });
  });
});

describe('parseLogLine', () => {
  it('keeps non-scalar members as their JSON and rejects unknown levels', () => {
    expect(parseLogLine('{"level":"info","message":"m","detail":{"a":1}}')).toEqual({
      at: null,
      level: 'info',
      message: 'm',
      fields: { detail: '{"a":1}' },
    });
    expect(parseLogLine('{"level":"debug","message":"m"}')).toBeNull();
    expect(parseLogLine('"just a string"')).toBeNull();
  });
});
