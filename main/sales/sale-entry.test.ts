import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry } from '@app/ledger/entry';
import { DomainError } from '@app/result';
import { saleFromEntry, saleToNewEntry } from './sale-entry';
import { sampleSale, sampleStaff } from './sample-sale';

const committed = (entry: ReturnType<typeof saleToNewEntry>, seq = 7): LedgerEntry => ({
  ...entry,
  seq,
  prevHash: GENESIS_HASH,
  hash: 'c'.repeat(64),
});

describe('saleToNewEntry', () => {
  it('records the sale as a sale entry paying its amount with its tenders', () => {
    const sale = sampleSale();
    const entry = saleToNewEntry(sale, sampleStaff);
    expect(entry).toMatchObject({
      id: sale.id,
      type: 'sale',
      at: sale.at,
      batchNo: sale.batchNo,
      currency: 'CNY',
      amount: sale.paidMinor,
      tenders: [{ method: 'cash', amount: sale.paidMinor }],
    });
    expect(entry).not.toHaveProperty('refId');
  });

  it('keeps only the fields a receipt needs in the detail', () => {
    const sale = sampleSale({ lines: 1 });
    const line = { ...sale.lines[0]!, cardNumber: '4111111111111111' };
    const entry = saleToNewEntry({ ...sale, lines: [line] }, sampleStaff);
    expect(JSON.stringify(entry)).not.toContain('4111111111111111');
  });

  it('refuses a sale whose paid amount is not total plus rounding', () => {
    const sale = sampleSale();
    expect(() => saleToNewEntry({ ...sale, roundingMinor: -5 }, sampleStaff)).toThrow(DomainError);
  });

  it('refuses a tender whose change does not match', () => {
    const sale = sampleSale();
    const [cash] = sale.tenders;
    expect(() =>
      saleToNewEntry({ ...sale, tenders: [{ ...cash!, changeMinor: 1 }] }, sampleStaff),
    ).toThrow(DomainError);
  });
});

describe('saleFromEntry', () => {
  it('rebuilds the sale with the entry seq as receipt number and its hash', () => {
    const sale = sampleSale({ lines: 4 });
    const entry = committed(saleToNewEntry(sale, sampleStaff));
    // Through JSON, as the ledger stores it.
    const stored = JSON.parse(JSON.stringify(entry)) as LedgerEntry;
    expect(saleFromEntry(stored)).toEqual({ ...sale, seq: 7, hash: 'c'.repeat(64) });
  });

  it('keeps discounts', () => {
    const sale = sampleSale({ lines: 1 });
    const discounted = {
      ...sale,
      orderDiscount: { kind: 'percent' as const, bp: 1000 },
      lines: [{ ...sale.lines[0]!, discount: { kind: 'amount' as const, minor: 0 } }],
    };
    expect(saleFromEntry(committed(saleToNewEntry(discounted, sampleStaff)))).toMatchObject({
      orderDiscount: { kind: 'percent', bp: 1000 },
      lines: [{ discount: { kind: 'amount', minor: 0 } }],
    });
  });

  it('refuses an entry that is not a sale, or whose detail is not one', () => {
    const entry = committed(saleToNewEntry(sampleSale(), sampleStaff));
    expect(() => saleFromEntry({ ...entry, type: 'refund' })).toThrow(DomainError);
    expect(() => saleFromEntry({ ...entry, detail: { lines: 'none' } })).toThrow(
      /does not hold a sale/,
    );
  });
});
