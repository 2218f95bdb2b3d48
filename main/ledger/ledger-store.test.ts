import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { NewEntry } from '@app/ledger/entry';
import { DomainError } from '@app/result';
import { hashEntry } from './hash-chain';
import { LedgerStore } from './ledger-store';
import { tempDatabase } from './temp-database';
import type { TempDatabase } from './temp-database';

const payIn = (amount: number, extra: Partial<NewEntry> = {}): NewEntry => ({
  id: randomUUID(),
  type: 'pay_in',
  at: '2026-11-22T08:00:00.000Z',
  batchNo: '000001',
  currency: 'CNY',
  amount,
  tenders: [{ method: 'cash', amount }],
  detail: { reason: 'float' },
  ...extra,
});

describe('LedgerStore', () => {
  let temp: TempDatabase;
  let ledger: LedgerStore;
  const append = (entry: NewEntry) => temp.db.transaction(() => ledger.append(entry))();

  beforeEach(() => {
    temp = tempDatabase();
    ledger = new LedgerStore(temp.db);
  });
  afterEach(() => temp.dispose());

  it('starts empty at the genesis hash', () => {
    expect(ledger.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect(ledger.verify()).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('numbers entries 1, 2, 3 and chains each to the one before', () => {
    const a = append(payIn(10_000));
    const b = append(payIn(500));
    const c = append(payIn(0, { type: 'no_sale', tenders: [] }));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    const { hash, ...unhashed } = b;
    expect(hashEntry(unhashed)).toBe(hash);
    expect(ledger.head()).toEqual({ seq: 3, hash: c.hash });
    expect(ledger.verify()).toEqual({ ok: true, count: 3, headHash: c.hash });
  });

  it('reads back exactly what append returned', () => {
    const refunded = append(payIn(2_000));
    const entry = append(
      payIn(-350, {
        type: 'refund',
        refId: refunded.id,
        tenders: [{ method: 'cash', amount: -350 }],
      }),
    );
    expect(ledger.entryById(entry.id)).toEqual(entry);
    expect(ledger.entryById(refunded.id)).not.toHaveProperty('refId');
    expect(ledger.entryById('no-such-id')).toBeNull();
    expect(ledger.entriesFrom(1, 10)).toEqual([refunded, entry]);
    expect(ledger.entriesFrom(2, 10)).toEqual([entry]);
    expect(ledger.entriesFrom(1, 1)).toEqual([refunded]);
  });

  it('refuses to append outside a transaction', () => {
    expect(() => ledger.append(payIn(100))).toThrow(/inside a transaction/);
    expect(ledger.head().seq).toBe(0);
  });

  it.each<[string, Partial<NewEntry>]>([
    ['tenders that do not add up', { tenders: [{ method: 'cash', amount: 99 }] }],
    ['a float amount', { amount: 100.5, tenders: [{ method: 'cash', amount: 100.5 }] }],
    [
      'a float tender',
      {
        tenders: [
          { method: 'cash', amount: 50.5 },
          { method: 'card', amount: 49.5 },
        ],
      },
    ],
    ['a negative pay-in', { amount: -100, tenders: [{ method: 'cash', amount: -100 }] }],
    ['a sale with no tender', { type: 'sale', tenders: [] }],
    ['a batch number that is not 6 digits', { batchNo: '1' }],
    ['a local time', { at: '2026-11-22 08:00:00' }],
    ['a card number in the detail', { detail: { note: '6222 0212 3456 7890 128' } }],
    ['track 2 data in the detail', { detail: { raw: ';4111111111111111=2812101' } }],
  ])('refuses %s and writes nothing', (_name, change) => {
    expect(() => append(payIn(100, change))).toThrow(DomainError);
    expect(ledger.head().seq).toBe(0);
  });

  it('refuses a second entry with the same id', () => {
    const entry = payIn(100);
    append(entry);
    expect(() => append({ ...entry })).toThrow(/UNIQUE/);
    expect(ledger.head().seq).toBe(1);
  });

  it('notices a body edited behind the triggers', () => {
    append(payIn(100));
    const second = append(payIn(200));
    append(payIn(300));
    temp.db.exec('DROP TRIGGER entries_no_update');
    const forged = JSON.stringify({
      ...second,
      amount: 20_000,
      tenders: [{ method: 'cash', amount: 20_000 }],
    });
    temp.db.prepare('UPDATE entries SET body = ? WHERE seq = 2').run(forged);
    expect(ledger.verify()).toMatchObject({ ok: false, atSeq: 2 });
  });

  it('notices indexed columns that disagree with the body', () => {
    append(payIn(100));
    temp.db.exec('DROP TRIGGER entries_no_update');
    temp.db.prepare(`UPDATE entries SET hash = ? WHERE seq = 1`).run('b'.repeat(64));
    expect(ledger.verify()).toMatchObject({ ok: false, atSeq: 1 });
  });
});
