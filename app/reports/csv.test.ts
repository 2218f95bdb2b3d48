import { describe, expect, it } from 'vitest';
import { figuresOfRows } from './accumulator';
import { figuresCsv, summaryOfCsv } from './csv';
import { defaultFeeSchedule } from '../fees/fee-schedule';
import { rowsOfEntry } from './summary-rows';
import { handComputedDay } from './test-day';
import type { LedgerEntry } from '../ledger/entry';

const figures = () => {
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
  return figuresOfRows(
    entries.map((e) => rowsOfEntry(e, ctx)),
    'CNY',
    4,
  );
};

describe('CSV export', () => {
  it('writes the figures as exact decimals, with a BOM for Chinese names', () => {
    const csv = figuresCsv(figures(), { day: '2026-11-22' });
    expect(csv.startsWith('\uFEFFsection,item,count,amount\r\n')).toBe(true);
    expect(summaryOfCsv(csv)).toMatchObject({
      gross: '46.07',
      discounts: '1.65',
      sales: '44.45',
      refunds: '3.50',
      voids: '10.00',
      net: '30.95',
      tax: '3.11',
      fees: '0.11',
      settlement: '17.74',
    });
    expect(csv).toContain('\r\nproduct,Mengniu Pure Milk 250ml / 蒙牛纯牛奶 250毫升,4,13.82\r\n');
    expect(csv).toContain('\r\ncash,difference,0,-0.10\r\n');
  });

  it('quotes commas and quotes, and never lets a cell start a formula', () => {
    const f = figures();
    f.topProducts = f.topProducts.map((p) => ({ ...p, nameEn: '=1+1', nameZh: 'a, "b"' }));
    const csv = figuresCsv(f, {});
    expect(csv).toContain(`\r\nproduct,"'=1+1 / a, ""b""",4,13.82\r\n`);
  });
});
