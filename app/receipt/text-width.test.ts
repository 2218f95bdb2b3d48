import { describe, expect, it } from 'vitest';
import { displayWidth, padColumns, wrap } from './text-width';

describe('receipt text width', () => {
  it('counts Chinese and full-width characters as two columns', () => {
    expect(displayWidth('Cola')).toBe(4);
    expect(displayWidth('可口可乐')).toBe(8);
    expect(displayWidth('￥12.50')).toBe(7);
    expect(displayWidth('合计 Total')).toBe(10);
  });

  it('pads an item and its price to the exact width', () => {
    const [line] = padColumns('可口可乐', '3.50', 32);
    expect(line).toBe('可口可乐' + ' '.repeat(32 - 8 - 4) + '3.50');
    expect(displayWidth(line!)).toBe(32);
  });

  it('wraps a long left part and keeps the price on the last line', () => {
    const lines = padColumns('农夫山泉天然饮用水五百五十毫升装特惠', '12.00', 20);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.at(-1)!.endsWith('12.00')).toBe(true);
    expect(lines.join('').replace(/ /g, '').replace('12.00', '')).toBe(
      '农夫山泉天然饮用水五百五十毫升装特惠',
    );
  });

  it('wraps at spaces and breaks words only when it must', () => {
    expect(wrap('Thank you for shopping with us', 12)).toEqual([
      'Thank you',
      'for shopping',
      'with us',
    ]);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 10)).toEqual(['']);
  });
});
