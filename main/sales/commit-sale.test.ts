import { Ledger } from '../kernel/ledger';
import { silentLogger } from '../log/logger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { commitSale } from './commit-sale';
import { SaleRepository } from './sale-repository';
import { sampleSale, sampleStaff } from './sample-sale';

describe('commitSale', () => {
  let temp: TempDatabase;
  let ledger: Ledger;
  let repository: SaleRepository;
  const tableCounts = () =>
    temp.db
      .prepare(
        `SELECT (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM sales) AS sales,
           (SELECT count(*) FROM sale_lines) AS lines, (SELECT count(*) FROM sale_tenders) AS tenders`,
      )
      .get();

  beforeEach(() => {
    temp = tempDatabase();
    ledger = new Ledger(temp.db, silentLogger);
    repository = new SaleRepository(temp.db);
  });
  afterEach(() => temp.dispose());

  it('stores the sale with its ledger seq and hash', () => {
    const sale = sampleSale();
    const stored = commitSale(ledger, repository, sale, sampleStaff);
    expect(stored).toEqual({ ...sale, seq: 1, hash: ledger.head().hash });
    expect(ledger.entryById(sale.id)?.amount).toBe(sale.paidMinor);
    expect(repository.get(sale.id)).toEqual(stored);
  });

  it('writes nothing when the sale rows fail after the ledger append', () => {
    commitSale(ledger, repository, sampleSale(), sampleStaff);
    const before = tableCounts();
    const head = ledger.head();
    // The entry and the sales row go in, then sale_lines refuses the second line (NOT NULL):
    // a failure halfway through the repository, after the ledger append.
    const sale = sampleSale({ lines: 2 });
    const broken = {
      ...sale,
      lines: [sale.lines[0]!, { ...sale.lines[1]!, sku: null as unknown as string }],
    };
    expect(() => commitSale(ledger, repository, broken, sampleStaff)).toThrow(/NOT NULL/);
    expect(tableCounts()).toEqual(before);
    expect(ledger.head()).toEqual(head);
    expect(ledger.entryById(sale.id)).toBeNull();
    expect(ledger.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it('rolls the ledger entry back when the sale id is already taken', () => {
    const first = commitSale(ledger, repository, sampleSale(), sampleStaff);
    const before = tableCounts();
    // Same id: the ledger's own UNIQUE(id) refuses it before the sale rows are written.
    expect(() =>
      commitSale(ledger, repository, { ...sampleSale(), id: first.id }, sampleStaff),
    ).toThrow(/UNIQUE/);
    expect(tableCounts()).toEqual(before);
    expect(ledger.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it('refuses a sale whose tenders do not pay it, writing nothing', () => {
    const sale = sampleSale();
    const short = {
      ...sale,
      tenders: [
        { ...sale.tenders[0]!, amountMinor: 1, changeMinor: sale.tenders[0]!.tenderedMinor - 1 },
      ],
    };
    expect(() => commitSale(ledger, repository, short, sampleStaff)).toThrow(/add up/);
    expect(ledger.head().seq).toBe(0);
  });
});
