import { describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../fees/fee-schedule';
import type { LedgerEntry } from '../ledger/entry';
import { figuresOfRows } from './accumulator';
import { rowsOfEntry } from './summary-rows';
import { handComputedDay } from './test-day';
import { handFigures } from './test-day-figures';

describe('report figures straight from the entries', () => {
  it('give the hand-computed day (the sums the X, Z and dashboard read hold the same rows)', () => {
    const entries = handComputedDay().map((e, i): LedgerEntry => ({
      ...e,
      seq: i + 1,
      prevHash: '',
      hash: '',
    }));
    const byId = new Map(entries.map((e) => [e.id, e]));
    const ctx = {
      clock: { timeZone: 'Asia/Shanghai', cutoffHour: 4 },
      fees: defaultFeeSchedule,
      referenced: (id: string) => byId.get(id) ?? null,
    };
    expect(
      figuresOfRows(
        entries.map((e) => rowsOfEntry(e, ctx)),
        'CNY',
        4,
      ),
    ).toEqual(handFigures);
  });

  it('gives a void without its sale back its amount but no tax or goods it cannot know', () => {
    const [, saleA] = handComputedDay();
    if (!saleA) throw new Error('no sale A');
    const voidEntry: LedgerEntry = {
      ...saleA,
      id: 'void-of-missing-sale',
      type: 'void',
      seq: 2,
      amount: -100,
      tenders: [{ method: 'cash', amount: -100 }],
      refId: 'not-in-ledger',
      detail: {},
      prevHash: '',
      hash: '',
    };
    const rows = rowsOfEntry(voidEntry, {
      clock: { timeZone: 'Asia/Shanghai', cutoffHour: 4 },
      fees: defaultFeeSchedule,
      referenced: () => null,
    });
    expect(rows.taxes).toEqual([]);
    expect(rows.products).toEqual([]);
    expect(rows.cash.cashReturnsMinor).toBe(100);
    expect(rows.cashier).toMatchObject({ operatorId: 'unknown', type: 'void', amountMinor: -100 });
  });
});
