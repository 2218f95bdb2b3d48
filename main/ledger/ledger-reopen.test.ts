import { Ledger } from '../kernel/ledger';
import { silentLogger } from '../log/logger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleRecord } from '@app/sale/sale';
import { commitSale } from '../sales/commit-sale';
import { SaleRepository } from '../sales/sale-repository';
import { sampleSale, sampleStaff } from '../sales/sample-sale';
import { openDatabase } from './database';

describe('the ledger across restarts', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countertop-reopen-'));
    file = join(dir, 'ledger.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function commitSales(count: number): SaleRecord[] {
    const db = openDatabase(file);
    const ledger = new Ledger(db, silentLogger);
    const repository = new SaleRepository(db);
    const committed = Array.from({ length: count }, (_, i) =>
      commitSale(ledger, repository, sampleSale({ lines: 1 + (i % 4) }), sampleStaff),
    );
    db.close();
    return committed;
  }

  it('keeps every committed sale and its chain through close and reopen', () => {
    const first = commitSales(5);
    const second = commitSales(5);
    expect(second.map((s) => s.seq)).toEqual([6, 7, 8, 9, 10]);

    const db = openDatabase(file);
    const ledger = new Ledger(db, silentLogger);
    const repository = new SaleRepository(db);
    const verdict = ledger.verify();
    expect(verdict).toEqual({ ok: true, count: 10, headHash: second.at(-1)?.hash });
    for (const sale of [...first, ...second]) expect(repository.get(sale.id)).toEqual(sale);
    expect(second[0]?.hash).not.toBe(first.at(-1)?.hash);
    expect(ledger.entryById(second[0]!.id)?.prevHash).toBe(first.at(-1)?.hash);
    db.close();
  });

  it('rejects UPDATE and DELETE on every ledger table', () => {
    const [sale] = commitSales(1);
    const db = openDatabase(file);
    const attempts = [
      `UPDATE entries SET amount = 0`,
      `DELETE FROM entries`,
      `UPDATE sales SET paid = 0`,
      `DELETE FROM sales`,
      `UPDATE sale_lines SET quantity = 99`,
      `DELETE FROM sale_lines`,
      `UPDATE sale_taxes SET tax = 0`,
      `DELETE FROM sale_taxes`,
      `UPDATE sale_tenders SET amount = 0`,
      `DELETE FROM sale_tenders`,
    ];
    for (const sql of attempts) expect(() => db.exec(sql), sql).toThrow('ledger is append-only');
    expect(new SaleRepository(db).get(sale!.id)).toEqual(sale);
    db.close();
  });

  it('runs every fresh connection at synchronous=FULL', () => {
    commitSales(1);
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      db.close();
    }
  });
});
