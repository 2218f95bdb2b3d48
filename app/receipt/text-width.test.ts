import { describe, expect, it } from 'vitest';
import { displayWidth, padColumns, wrap } from './text-width';

describe('receipt text width', () => {
  it('counts Chinese and full-width characters as two columns', () => {
    expect(displayWidth('Cola')).toBe(4);
    expect(displayWidth('可口可乐')).toBe(8);
    expect(displayWidth('￥12.50')).toBe(7);
    expect(displayWidth('合计 Total')).toBe(10);
    expect(displayWidth('（现金）')).toBe(8);
    expect(displayWidth('')).toBe(0);
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

  it('puts the right part on a line of its own when it is as wide as the line', () => {
    expect(padColumns('合计', '1234567890', 10)).toEqual(['合计', '1234567890']);
    expect(padColumns('', '1234567890', 10)).toEqual(['1234567890']);
  });

  it('never lets a padded line pass the width, whatever the mix of scripts', () => {
    const lefts = ['', 'a', '合', '可口可乐 Coca-Cola 330ml 罐装', 'x'.repeat(60), '现金  找零'];
    const rights = ['', '1', '￥9.00', '-12.50'];
    for (const columns of [12, 32, 48])
      for (const left of lefts)
        for (const right of rights)
          for (const line of padColumns(left, right, columns))
            expect(displayWidth(line), `${left}|${right}|${String(columns)}`).toBeLessThanOrEqual(
              columns,
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

  it('breaks Chinese between characters and never splits a character across lines', () => {
    expect(wrap('谢谢惠顾欢迎再来', 5)).toEqual(['谢谢', '惠顾', '欢迎', '再来']);
    expect(wrap('谢谢 Thank you', 6)).toEqual(['谢谢', 'Thank', 'you']);
  });

  it('treats a newline as a hard break', () => {
    expect(wrap('第一行\nsecond line', 32)).toEqual(['第一行', 'second line']);
  });

  it('gives a character wider than the line a line of its own instead of looping', () => {
    expect(wrap('合计', 1)).toEqual(['合', '计']);
    expect(wrap('abc', 0)).toEqual(['a', 'b', 'c']);
  });

  it('measures with a printer-specific function when given one', () => {
    // A GB18030 printer prints every non-ASCII character double width, even ×.
    const printed = (text: string) =>
      Array.from(text).reduce((n, c) => n + (c < '\x80' ? 1 : 2), 0);
    expect(padColumns('2×3.50', '7.00', 12, printed)).toEqual(['2×3.50 7.00']);
    expect(padColumns('2×3.50', '7.00', 12)).toEqual(['2×3.50  7.00']);
  });
});
