import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { columnsFor } from '@app/receipt/receipt-document';
import { displayWidth } from '@app/receipt/text-width';
import { encodeReceipt, printedWidth } from './receipt-encoder';
import { decodeEscPos } from './escpos-decoder';
import { sampleReceipt } from './sample-receipt';

const hex = (bytes: Uint8Array | number[]) => Buffer.from(bytes).toString('hex');
const texts = (bytes: Uint8Array) =>
  decodeEscPos(bytes).pages.flatMap((p) =>
    p.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : [])),
  );

describe('encodeReceipt', () => {
  const bytes = encodeReceipt(sampleReceipt());

  it('prints a logo as a centred GS v 0 raster that decodes to the same dots', () => {
    // 16 dots × 2: a black bar over an empty row.
    const logo = { widthDots: 16, heightDots: 2, bitsHex: 'ffff0000' };
    const withLogo = encodeReceipt({ paperWidth: 58, blocks: [{ kind: 'image', image: logo }] });
    expect(hex(withLogo)).toContain('1b6101' + '1d76300002000200' + 'ffff0000' + '1b6100');
    expect(decodeEscPos(withLogo).pages[0]?.lines[0]).toEqual({ kind: 'image', ...logo });
  });

  it('starts with ESC @ and ends with a cut (GS V)', () => {
    expect(hex(bytes.subarray(0, 2))).toBe('1b40');
    expect(hex(bytes)).toMatch(/1d5601(0a)?$/);
  });

  it('sends Chinese as GB18030 inside FS & … FS . (合计 = ba cf bc c6)', () => {
    expect(hex(iconv.encode('合计', 'gb18030'))).toBe('bacfbcc6');
    expect(hex(bytes)).toMatch(/1c26bacfbcc6.*1c2e/);
    // The encoder's own code-page path would have sent "??" (3f 3f) for these characters.
    expect(hex(bytes)).not.toContain('3f3f');
    // ￥ is a3 a4 in GB18030.
    expect(hex(bytes)).toContain('a3a4');
  });

  it('decodes back to the same text, QR and barcode', () => {
    const { pages } = decodeEscPos(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.cut).toBe(true);
    const lines = pages[0]!.lines;
    const all = texts(bytes).join('\n');
    for (const expected of ['可口可乐 330毫升', '合计', '￥9.00', '现金', '找零', 'Countertop']) {
      expect(all).toContain(expected);
    }
    expect(lines).toContainEqual({
      kind: 'qr',
      data: '0f8fad5b-d9cb-469f-a165-70867728950e',
      moduleDots: 6,
      errorLevel: 'M',
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'barcode', data: '4006381333931', symbology: 'ean13' }),
    );
    const title = lines.find((l) => l.kind === 'text' && l.text.includes('Countertop'));
    expect(title).toMatchObject({ align: 'center', bold: true, size: 2 });
  });

  it.each([58, 80] as const)('keeps every line within %i mm paper columns', (width) => {
    const columns = columnsFor(width);
    const { pages } = decodeEscPos(encodeReceipt(sampleReceipt(width)));
    for (const line of pages[0]!.lines) {
      if (line.kind === 'text')
        expect(displayWidth(line.text) * line.size).toBeLessThanOrEqual(columns);
    }
    const rule = pages[0]!.lines.find((l) => l.kind === 'text' && l.text.startsWith('---'));
    expect(rule).toMatchObject({ text: '-'.repeat(columns) });
  });
});

describe('encodeReceipt layout', () => {
  it('keeps the indent of an item line and puts its price flush right', () => {
    const bytes = encodeReceipt({
      paperWidth: 58,
      blocks: [{ kind: 'columns', left: '  2 x 3.50', right: '7.00' }],
    });
    expect(texts(bytes).filter(Boolean)).toEqual(['  2 x 3.50' + ' '.repeat(32 - 10 - 4) + '7.00']);
  });
});

describe('encodeReceipt safety', () => {
  const one = (block: Parameters<typeof encodeReceipt>[0]['blocks'][number]) =>
    encodeReceipt({ paperWidth: 58, blocks: [block] });

  it('never sends control characters from text as printer commands', () => {
    // A product name carrying GS V 0 (cut) and ESC @ must print as text, not act.
    const bytes = one({ kind: 'text', text: '可乐\x1dV\x00\x1b@' });
    const printout = decodeEscPos(bytes);
    expect(printout.pages).toHaveLength(1);
    expect(printout.pages[0]!.cut).toBe(false);
    expect(texts(bytes).filter(Boolean)).toEqual(['可乐 V  @']);
  });

  it('prints ¥ as ￥ (a3 a4) and lays it out as the double-width glyph it is', () => {
    const bytes = one({ kind: 'columns', left: '合计', right: '¥9.00' });
    expect(hex(bytes)).toContain('a3a4392e3030');
    expect(texts(bytes).filter(Boolean)).toEqual(['合计' + ' '.repeat(32 - 4 - 6) + '￥9.00']);
  });

  it('counts any non-ASCII character double width, as a GB18030 printer prints it', () => {
    const [line] = texts(one({ kind: 'columns', left: '2×3.50', right: '7.00' }));
    expect(printedWidth(line!)).toBe(32);
    expect(line).toBe('2×3.50' + ' '.repeat(32 - 7 - 4) + '7.00');
  });

  it('sends non-ASCII QR data as UTF-8 and the decoder reads it back', () => {
    const { pages } = decodeEscPos(one({ kind: 'qr', data: 'https://例子.cn/收据?id=7' }));
    expect(pages[0]!.lines).toContainEqual(
      expect.objectContaining({ kind: 'qr', data: 'https://例子.cn/收据?id=7' }),
    );
  });

  it('escapes { in CODE128 data so it scans as sent', () => {
    const { pages } = decodeEscPos(one({ kind: 'barcode', data: '{AB}-1', symbology: 'code128' }));
    expect(pages[0]!.lines).toContainEqual(
      expect.objectContaining({ kind: 'barcode', data: '{AB}-1', symbology: 'code128' }),
    );
  });

  it('refuses a barcode the printer would not print, saying why', () => {
    expect(() => one({ kind: 'barcode', data: '12345', symbology: 'ean13' })).toThrow(
      '12 or 13 digits',
    );
    expect(() => one({ kind: 'barcode', data: '4006381333932', symbology: 'ean13' })).toThrow(
      'check digit',
    );
    expect(() => one({ kind: 'barcode', data: '条码', symbology: 'code128' })).toThrow('ASCII');
  });

  it('feeds exactly the lines asked for, and none for zero', () => {
    const fed = (lines: number) =>
      texts(
        encodeReceipt({
          paperWidth: 58,
          blocks: [
            { kind: 'text', text: 'A' },
            { kind: 'feed', lines },
            { kind: 'text', text: 'B' },
          ],
        }),
      ).slice(0, 2 + lines);
    expect(fed(3)).toEqual(['A', '', '', '', 'B']);
    expect(fed(0)).toEqual(['A', 'B']);
  });
});
