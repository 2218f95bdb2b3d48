import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEntry } from '@app/ledger/entry';
import { LedgerStore } from '../ledger/ledger-store';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { checkDatabaseHealth } from './database-health';

const payIn = (amount: number): NewEntry => ({
  id: randomUUID(),
  type: 'pay_in',
  at: '2026-11-22T08:00:00.000Z',
  batchNo: '000001',
  currency: 'CNY',
  amount,
  tenders: [{ method: 'cash', amount }],
  detail: { reason: 'float' },
});

describe('checkDatabaseHealth', () => {
  let temp: TempDatabase;

  const appendMany = (count: number): void => {
    const ledger = new LedgerStore(temp.db);
    temp.db.transaction(() => {
      for (let i = 1; i <= count; i += 1) ledger.append(payIn(i * 100));
    })();
  };

  beforeEach(() => {
    temp = tempDatabase('countertop-health-');
  });
  afterEach(() => temp.dispose());

  it('reports a healthy ledger: quick_check ok, sizes, pages, entries and chain head', () => {
    appendMany(250);
    const health = checkDatabaseHealth(temp.db, temp.file);
    const head = new LedgerStore(temp.db).head();
    expect(health.integrity).toEqual({ check: 'quick_check', ok: true, problems: [] });
    expect(health.entryCount).toBe(250);
    expect(health.chain).toEqual({ ok: true, count: 250, headHash: head.hash });
    expect(health.files.databaseBytes).toBe(statSync(temp.file).size);
    expect(health.files.walBytes).toBe(statSync(`${temp.file}-wal`).size);
    expect(health.files.walBytes).toBeGreaterThan(0);
    expect(health.pageSize).toBe(temp.db.pragma('page_size', { simple: true }));
    expect(health.pageCount).toBeGreaterThan(1);
    expect(health.freelistCount).toBeGreaterThanOrEqual(0);
  });

  it('runs the full integrity_check on request and can skip the chain', () => {
    appendMany(3);
    const health = checkDatabaseHealth(temp.db, temp.file, { full: true, verifyChain: false });
    expect(health.integrity).toEqual({ check: 'integrity_check', ok: true, problems: [] });
    expect(health.chain).toBeNull();
    expect(health.entryCount).toBe(3);
    expect(health.errors).toEqual([]);
  });

  it('reports the seq where an edited entry breaks the chain', () => {
    appendMany(5);
    // The schema refuses UPDATE on entries; a tamperer would drop its triggers first.
    const triggers = temp.db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entries'",
      )
      .all();
    for (const { name } of triggers) temp.db.exec(`DROP TRIGGER "${name}"`);
    temp.db
      .prepare('UPDATE entries SET body = replace(body, \'"amount":300\', \'"amount":301\')')
      .run();
    const health = checkDatabaseHealth(temp.db, temp.file);
    expect(health.chain).toEqual({
      ok: false,
      atSeq: 3,
      reason: 'hash does not match the entry',
    });
    expect(health.integrity.ok).toBe(true);
  });

  it("lists SQLite's problems for a database file with a damaged page", () => {
    appendMany(2_000);
    temp.db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(temp.db.pragma('page_size', { simple: true }));
    const pages = Number(temp.db.pragma('page_count', { simple: true }));
    temp.db.close();
    // Garbage over the middle of a page past the schema: a B-tree page of the ledger.
    const fd = openSync(temp.file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize / 2, 0xa5), 0, pageSize / 2, pageSize * (pages - 3));
    closeSync(fd);
    const raw = new Database(temp.file);
    try {
      const health = checkDatabaseHealth(raw, temp.file, { full: true, verifyChain: false });
      expect(health.integrity.ok).toBe(false);
      expect(health.integrity.problems.length).toBeGreaterThan(0);
      expect(health.integrity.problems.length).toBeLessThanOrEqual(20);
      // Here the check itself fails with SQLITE_CORRUPT: reported as a problem, not thrown.
      expect(health.errors.map((e) => e.part)).toContain('integrity_check');
      expect(health.integrity.problems.join()).toMatch(/malformed/);
    } finally {
      raw.close();
    }
  });

  it('takes its time from the clock it is given', () => {
    let now = 1_000;
    const clock = (): number => (now += 7);
    expect(checkDatabaseHealth(temp.db, temp.file, { clock }).tookMs).toBe(7);
  });
});
