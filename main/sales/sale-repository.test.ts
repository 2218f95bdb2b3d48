import { Ledger } from '../kernel/ledger';
import { silentLogger } from '../log/logger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleRecord } from '@app/sale/sale';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { commitSale } from './commit-sale';
import { SaleRepository } from './sale-repository';
import { sampleSale, sampleStaff } from './sample-sale';

describe('SaleRepository', () => {
  let temp: TempDatabase;
  let repository: SaleRepository;
  let sales: SaleRecord[];

  beforeEach(() => {
    temp = tempDatabase();
    repository = new SaleRepository(temp.db);
    const ledger = new Ledger(temp.db, silentLogger);
    sales = [1, 2, 3, 4, 5].map((lines) =>
      commitSale(ledger, repository, sampleSale({ lines }), sampleStaff),
    );
  });
  afterEach(() => temp.dispose());

  it('gets a sale back exactly as committed', () => {
    for (const sale of sales) expect(repository.get(sale.id)).toEqual(sale);
    expect(repository.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('lists sales newest first, paging back by receipt number', () => {
    const page = repository.list({ limit: 2 });
    expect(page.map((s) => s.seq)).toEqual([5, 4]);
    expect(page[0]).toEqual({
      id: sales[4]!.id,
      seq: 5,
      at: sales[4]!.at,
      currency: 'CNY',
      paidMinor: sales[4]!.paidMinor,
      itemCount: sales[4]!.totals.itemCount,
      tenderMethods: ['cash'],
    });
    expect(repository.list({ limit: 2, beforeSeq: 4 }).map((s) => s.seq)).toEqual([3, 2]);
    expect(repository.list({ limit: 10, beforeSeq: 2 }).map((s) => s.seq)).toEqual([1]);
    expect(repository.list({ limit: 10, beforeSeq: 1 })).toEqual([]);
  });

  it('writes the lines, taxes and tenders as rows', () => {
    const sale = sales[2]!;
    const lines = temp.db
      .prepare<[string], { line_no: number; sku: string; net: number }>(
        'SELECT line_no, sku, net FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
      )
      .all(sale.id);
    expect(lines).toEqual(
      sale.lines.map((l, i) => ({ line_no: i + 1, sku: l.sku, net: l.netMinor })),
    );
    const taxTotal = temp.db
      .prepare<[string], { tax: number }>(
        'SELECT sum(tax) AS tax FROM sale_taxes WHERE sale_id = ?',
      )
      .get(sale.id);
    expect(taxTotal?.tax).toBe(sale.totals.taxMinor);
    const tender = temp.db
      .prepare<[string], { amount: number; change: number }>(
        'SELECT amount, change FROM sale_tenders WHERE sale_id = ?',
      )
      .get(sale.id);
    expect(tender).toEqual({ amount: sale.paidMinor, change: sale.tenders[0]!.changeMinor });
  });

  it('refuses sale rows without their ledger entry', () => {
    const orphan = { ...sampleSale(), seq: 99, hash: 'd'.repeat(64) };
    expect(() => repository.insert(orphan)).toThrow(/FOREIGN KEY/);
  });
});
