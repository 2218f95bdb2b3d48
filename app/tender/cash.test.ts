import { describe, expect, it } from 'vitest';
import { changeFor, quickCashSuggestions, roundCash } from './cash';

describe('cash tender', () => {
  it('rounds cash in integers (odoo #113500 computed −317.71500000000003 in floats)', () => {
    expect(roundCash(31772, 5)).toEqual({ dueMinor: 31770, adjustmentMinor: -2 });
    expect(roundCash(31773, 5)).toEqual({ dueMinor: 31775, adjustmentMinor: 2 });
    expect(roundCash(31775, 10)).toEqual({ dueMinor: 31780, adjustmentMinor: 5 });
    expect(roundCash(31774, 10)).toEqual({ dueMinor: 31770, adjustmentMinor: -4 });
    expect(roundCash(31772, 0)).toEqual({ dueMinor: 31772, adjustmentMinor: 0 });
  });

  it('gives change and refuses a short or malformed tender', () => {
    expect(changeFor(3740, 5000)).toEqual({ ok: true, value: 1260 });
    expect(changeFor(3740, 3740)).toEqual({ ok: true, value: 0 });
    expect(changeFor(3740, 3739)).toMatchObject({
      ok: false,
      error: { code: 'tender_insufficient' },
    });
    expect(changeFor(3740, 50.5)).toMatchObject({ ok: false, error: { code: 'invalid_amount' } });
    expect(changeFor(3740, -1)).toMatchObject({ ok: false, error: { code: 'invalid_amount' } });
  });

  it('suggests the exact amount then the next round notes', () => {
    expect(quickCashSuggestions(2100, 'CNY')).toEqual([2100, 2500, 3000, 4000, 5000, 10_000]);
    expect(quickCashSuggestions(3740, 'CNY')).toEqual([3740, 4000, 5000, 10_000]);
    expect(quickCashSuggestions(5000, 'CNY')).toEqual([5000, 5500, 6000, 10_000]);
  });
});
