import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertDurable, openDatabase } from './database';
import { schemaVersion } from './migrations';

describe('openDatabase', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countertop-db-'));
    file = join(dir, 'ledger.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens in WAL with synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('creates the schema once and records its version', () => {
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    const tables = db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'meta',
        'entries',
        'sales',
        'sale_lines',
        'sale_taxes',
        'sale_tenders',
        'products',
        'products_fts',
        'print_jobs',
        'settings',
      ]),
    );
    db.close();
    // Opening again must not try to create the tables a second time.
    openDatabase(file).close();
  });

  it('refuses a database written by a newer version of the app', () => {
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${schemaVersion + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this app/);
  });

  it('opens read-only without migrating, still durable', () => {
    openDatabase(file).close();
    const db = openDatabase(file, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});

describe('assertDurable', () => {
  it('rejects a connection left at the WAL default of NORMAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'countertop-db-'));
    const file = join(dir, 'x.sqlite');
    const setup = new Database(file);
    setup.pragma('journal_mode = WAL');
    setup.close();
    // RELIABILITY.md: a fresh better-sqlite3 connection to a WAL database runs at NORMAL (1).
    const db = new Database(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() => assertDurable(db)).toThrow(/not durable/);
    db.pragma('synchronous = FULL');
    expect(() => assertDurable(db)).not.toThrow();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
