import { describe, expect, it } from 'vitest';
import {
  allLeft,
  composeReason,
  REASON_MAX,
  reasonIn,
  requestedLines,
  setUnits,
} from './refund-draft';

describe('refund draft', () => {
  it('keeps a line within 0..left, whatever is typed or tapped', () => {
    let q = setUnits({}, 'a', 1, 1);
    expect(q).toEqual({ a: 1 });
    q = setUnits(q, 'a', 2, 1);
    expect(q.a).toBe(1);
    q = setUnits(q, 'a', -1, 1);
    expect(q.a).toBe(0);
    expect(setUnits(q, 'a', Number.NaN, 1)).toBe(q);
    expect(setUnits({}, 'b', 2.7, 5).b).toBe(2);
    // Nothing left: the only choice is 0.
    expect(setUnits({}, 'c', 3, 0).c).toBe(0);
  });

  it('takes everything left with All, skipping lines already given back', () => {
    expect(
      allLeft([
        { lineId: 'a', left: 2 },
        { lineId: 'b', left: 0 },
        { lineId: 'c', left: 1 },
      ]),
    ).toEqual({ a: 2, c: 1 });
  });

  it('sends only the lines with units chosen', () => {
    expect(requestedLines({ a: 0, b: 2, c: 1 })).toEqual([
      { lineId: 'b', quantity: 2 },
      { lineId: 'c', quantity: 1 },
    ]);
    expect(requestedLines({ a: 0 })).toEqual([]);
  });

  it('composes the reason from the quick choice and the cashier’s words', () => {
    expect(composeReason(null, '', '')).toBe('');
    expect(composeReason(null, '', ' typed first ')).toBe('typed first');
    expect(composeReason('damaged', 'Damaged', '  ')).toBe('Damaged');
    expect(composeReason('damaged', 'Damaged', ' box   crushed ')).toBe('Damaged: box crushed');
    expect(composeReason('other', 'Other', '')).toBe('');
    expect(composeReason('other', 'Other', 'gift receipt')).toBe('gift receipt');
    const long = composeReason('wrongItem', '拿错商品', 'x'.repeat(200));
    expect(long).toHaveLength(REASON_MAX);
    expect(long.startsWith('拿错商品: x')).toBe(true);
  });
});

describe('a stored reason on a screen in another language', () => {
  it('gives the quick choice in the screen’s language and keeps the cashier’s words', () => {
    expect(reasonIn('zh-CN', 'Wrong item')).toBe('拿错商品');
    expect(reasonIn('zh-CN', 'Damaged: box crushed')).toBe('商品损坏: box crushed');
    expect(reasonIn('en', '顾客不想要了')).toBe('Customer changed mind');
    expect(reasonIn('en', 'Damaged')).toBe('Damaged');
    expect(reasonIn('zh-CN', 'the lid was loose')).toBe('the lid was loose');
  });
});
