import { describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import { encodeReceipt } from './receipt-encoder';
import { createEscPosStreamDecoder, decodeEscPos } from './escpos-decoder';
import type { DecodedPage } from './escpos-decoder';
import { sampleReceipt } from './sample-receipt';

const receipt = encodeReceipt(sampleReceipt());
/** Test bytes from numbers, ASCII strings and byte arrays. */
const bytes = (...parts: (number | string | ArrayLike<number>)[]) =>
  Uint8Array.from(
    parts.flatMap((p) =>
      typeof p === 'number'
        ? [p]
        : typeof p === 'string'
          ? Array.from(Buffer.from(p))
          : Array.from(p),
    ),
  );
const randomBytes = (random: () => number, maxLength: number) =>
  Uint8Array.from({ length: Math.floor(random() * (maxLength + 1)) }, () =>
    Math.floor(random() * 256),
  );
const text = (
  value: string,
  style: Partial<{ align: string; bold: boolean; size: number }> = {},
) => ({
  kind: 'text',
  text: value,
  align: 'left',
  bold: false,
  size: 1,
  ...style,
});

/** Decodes through the stream decoder, one chunk per element, as a TCP server would. */
function decodeChunks(chunks: Uint8Array[]) {
  const decoder = createEscPosStreamDecoder();
  const pages: DecodedPage[] = chunks.flatMap((chunk) => decoder.push(chunk));
  const tail = decoder.flush();
  if (tail) pages.push(tail);
  return { pages, ...decoder.summary() };
}

describe('decodeEscPos: text and style', () => {
  it('tracks ESC a, ESC E, GS ! and ESC ! per line', () => {
    const { pages } = decodeEscPos(
      bytes(0x1b, 0x40, 0x1b, 0x61, 1, 0x1b, 0x45, 1, 0x1d, 0x21, 0x11, 'Big', 0x0a),
    );
    expect(pages[0]!.lines).toEqual([text('Big', { align: 'center', bold: true, size: 2 })]);
    // ESC ! 0x38: bold (bit 3) and double height/width (bits 4, 5); ESC a 50 is right.
    const mode = decodeEscPos(bytes(0x1b, 0x21, 0x38, 0x1b, 0x61, 50, 'x', 0x0a)).pages[0]!;
    expect(mode.lines).toEqual([text('x', { align: 'right', bold: true, size: 2 })]);
  });

  it('decodes GB18030 inside FS & … FS . (two- and four-byte forms) and ASCII around it', () => {
    // 合计 = ba cf bc c6, ￥ = a3 a4, € (U+20AC) = a2 e3, ¥ (U+00A5) = 81 30 84 36.
    const input = bytes(
      0x1c,
      0x26,
      0xba,
      0xcf,
      0xbc,
      0xc6,
      ' ',
      0xa3,
      0xa4,
      '9',
      0x81,
      0x30,
      0x84,
      0x36,
    );
    expect(decodeEscPos(bytes(input, 0x1c, 0x2e, 0x0a)).pages[0]!.lines).toEqual([
      text('合计 ￥9¥'),
    ]);
  });

  it('reads high bytes outside Chinese mode in the ESC t code page', () => {
    // 0x82 is é in CP437 (ESC t 0, the default) and ‚ in Windows-1252 (ESC t 16).
    const { pages } = decodeEscPos(bytes(0x82, 0x0a, 0x1b, 0x74, 16, 0x80, 0x0a));
    expect(pages[0]!.lines.map((l) => (l.kind === 'text' ? l.text : ''))).toEqual(['é', '€']);
  });

  it('marks a broken GB18030 sequence and keeps the command after it', () => {
    const printout = decodeEscPos(bytes(0x1c, 0x26, 0xba, 0x0a, 'A', 0x0a));
    expect(printout.pages[0]!.lines).toEqual([text('\ufffd'), text('A')]);
    expect(printout.warnings.join()).toContain('GB18030');
  });

  it('feeds with ESC d and clears unprinted text on ESC @', () => {
    const printout = decodeEscPos(bytes('A', 0x1b, 0x64, 2, 'lost', 0x1b, 0x40, 'B', 0x0a));
    expect(printout.pages[0]!.lines).toEqual([text('A'), text(''), text(''), text('B')]);
    expect(printout.warnings.join()).toContain('lost');
  });
});

describe('decodeEscPos: symbols, cuts, images and real-time commands', () => {
  it('reads a QR code stored with GS ( k fn 80 and printed with fn 81', () => {
    // As Epson's GS ( k example: model 2, size 6, level M, store "Hi", print.
    const qr = bytes(
      [0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
      [0x1d, 0x28, 0x6b, 3, 0, 49, 67, 6],
      [0x1d, 0x28, 0x6b, 3, 0, 49, 69, 49],
      [0x1d, 0x28, 0x6b, 5, 0, 49, 80, 48, 0x48, 0x69],
      [0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
    );
    expect(decodeEscPos(qr).pages[0]!.lines).toEqual([
      { kind: 'qr', data: 'Hi', moduleDots: 6, errorLevel: 'M' },
    ]);
    const unset = decodeEscPos(bytes(0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48));
    expect(unset.pages).toEqual([]);
    expect(unset.warnings.join()).toContain('without stored data');
  });

  it('reads both barcode forms: NUL-terminated (m 0–6) and length-prefixed (m 65–79)', () => {
    // The first at the power-on size; GS w 2 and GS h 80 narrow and shorten the second.
    const { pages } = decodeEscPos(
      bytes(
        [0x1d, 0x6b, 2, ...Buffer.from('4006381333931'), 0],
        [0x1d, 0x77, 2, 0x1d, 0x68, 80],
        [0x1d, 0x6b, 73, 9, ...Buffer.from('{BA-{{1-2')],
      ),
    );
    expect(pages[0]!.lines).toEqual([
      {
        kind: 'barcode',
        data: '4006381333931',
        symbology: 'ean13',
        moduleDots: 3,
        heightDots: 162,
      },
      { kind: 'barcode', data: 'A-{1-2', symbology: 'code128', moduleDots: 2, heightDots: 80 },
    ]);
  });

  it('forgets QR and barcode sizes at ESC @', () => {
    const { pages } = decodeEscPos(
      bytes(
        [0x1d, 0x28, 0x6b, 3, 0, 49, 67, 8, 0x1d, 0x77, 5, 0x1b, 0x40],
        [0x1d, 0x28, 0x6b, 4, 0, 49, 80, 48, 0x41, 0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
        [0x1d, 0x6b, 3, ...Buffer.from('96385074'), 0],
      ),
    );
    expect(pages[0]!.lines).toEqual([
      { kind: 'qr', data: 'A', moduleDots: 3, errorLevel: 'L' },
      { kind: 'barcode', data: '96385074', symbology: 'ean8', moduleDots: 3, heightDots: 162 },
    ]);
  });

  it('cuts on every GS V form and on ESC i / ESC m', () => {
    const forms = [
      [0x1d, 0x56, 0],
      [0x1d, 0x56, 1],
      [0x1d, 0x56, 48],
      [0x1d, 0x56, 49],
      [0x1d, 0x56, 65, 3],
      [0x1d, 0x56, 66, 3],
      [0x1d, 0x56, 97, 3],
      [0x1d, 0x56, 98, 3],
      [0x1d, 0x56, 103, 3],
      [0x1d, 0x56, 104, 3],
      [0x1b, 0x69],
      [0x1b, 0x6d],
    ];
    for (const form of forms) {
      // The feed amount n must not leak into the next page as text (n = 3 is not printable,
      // so use a printable "A" after the command instead).
      const { pages } = decodeEscPos(bytes('x', 0x0a, form, 'A', 0x0a));
      expect(pages, form.join(' ')).toEqual([
        { lines: [text('x')], cut: true },
        { lines: [text('A')], cut: false },
      ]);
    }
  });

  it('reads a GS v 0 raster image (a logo) by its declared size, even when its bytes look like text', () => {
    // 2 bytes wide, 3 dots high: 6 bytes of image that are "ABCDEF" and must not print.
    const { pages } = decodeEscPos(bytes(0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, 'ABCDEF', 'ok', 0x0a));
    expect(pages[0]!.lines).toEqual([
      { kind: 'image', widthDots: 16, heightDots: 3, bitsHex: '414243444546' },
      text('ok'),
    ]);
  });

  it('passes over a raster bigger than any logo without keeping it', () => {
    // 80 bytes (640 dots) wide, 300 high: 24,000 bytes of image, then text.
    const raster = new Uint8Array(80 * 300).fill(0x41);
    const { pages } = decodeEscPos(bytes(0x1d, 0x76, 0x30, 0, 80, 0, 44, 1, raster, 'ok', 0x0a));
    expect(pages[0]!.lines).toEqual([text('ok')]);
  });

  it('records drawer kicks (ESC p, DLE DC4) and status requests (DLE EOT)', () => {
    // ESC p 0 50 250 (pin 2, 100 ms on, 500 ms off); ESC p 49 25 25; DLE DC4 1 1 2;
    // DLE EOT 1; DLE EOT 4.
    const printout = decodeEscPos(
      bytes(0x1b, 0x70, 0, 50, 250, 0x1b, 0x70, 49, 25, 25, 0x10, 0x14, 1, 1, 2),
    );
    expect(printout.drawerKicks).toEqual([
      { pin: 2, onMs: 100, offMs: 500 },
      { pin: 5, onMs: 50, offMs: 50 },
      { pin: 5, onMs: 200, offMs: 200 },
    ]);
    expect(decodeEscPos(bytes(0x10, 0x04, 1, 0x10, 0x04, 4)).statusRequests).toEqual([1, 4]);
  });

  it('skips unknown commands with a warning and carries on', () => {
    const printout = decodeEscPos(bytes(0x1b, 0x01, 'A', 0x0a, 0x1d, 0x4c, 0, 0, 'B', 0x0a));
    expect(printout.pages[0]!.lines).toEqual([text('A'), text('B')]);
    expect(printout.warnings).toEqual(['unknown command ESC 0x01']);
  });
});

describe('decodeEscPos: pages and robustness', () => {
  it('starts a new page after each cut and keeps an uncut tail as an open page', () => {
    const { pages } = decodeEscPos(bytes(receipt, receipt, 'A', 0x0a));
    expect(pages.map((p) => p.cut)).toEqual([true, true, false]);
    expect(pages[2]!.lines).toEqual([text('A')]);
  });

  it('decodes a receipt split into two chunks at every offset exactly as the whole', () => {
    const whole = JSON.stringify(decodeEscPos(receipt));
    for (let at = 0; at <= receipt.length; at++) {
      const split = decodeChunks([receipt.subarray(0, at), receipt.subarray(at)]);
      expect(JSON.stringify(split), `split at ${String(at)}`).toBe(whole);
    }
    const byByte = decodeChunks(Array.from(receipt, (b) => Uint8Array.of(b)));
    expect(JSON.stringify(byByte)).toBe(whole);
  });

  it('decodes random bytes split at random points exactly as the whole (seeded)', () => {
    const random = seededRandom(42);
    for (let run = 0; run < 3_000; run++) {
      const input = randomBytes(random, 300);
      const cuts = [
        0,
        input.length,
        ...Array.from({ length: 3 }, () => Math.floor(random() * input.length)),
      ].sort((a, b) => a - b);
      const chunks = cuts.slice(1).map((end, k) => input.subarray(cuts[k], end));
      expect(JSON.stringify(decodeChunks(chunks)), `run ${String(run)}`).toBe(
        JSON.stringify(decodeEscPos(input)),
      );
    }
  });

  it('survives a receipt truncated at every byte: no cut before the cut command is whole', () => {
    const cutEnd = Buffer.from(receipt).lastIndexOf(Buffer.from([0x1d, 0x56])) + 3;
    for (let end = 0; end < receipt.length; end++) {
      const printout = decodeEscPos(receipt.subarray(0, end));
      expect(printout.pages.some((p) => p.cut)).toBe(end >= cutEnd);
    }
  });

  it('survives 100,000 random byte strings (seeded, reproducible)', () => {
    const random = seededRandom(20261122);
    let lines = 0;
    for (let run = 0; run < 100_000; run++) {
      const printout = decodeEscPos(randomBytes(random, 64));
      lines += printout.pages.reduce((n, p) => n + p.lines.length, 0);
    }
    // Random bytes include LFs and cuts, so something decodes: proof the loop really ran.
    expect(lines).toBeGreaterThan(10_000);
  });

  it('survives random bytes spliced into a real receipt', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 2_000; run++) {
      const at = Math.floor(random() * receipt.length);
      const input = bytes(
        receipt.subarray(0, at),
        Array.from(randomBytes(random, 16)),
        receipt.subarray(at),
      );
      expect(() => decodeEscPos(input)).not.toThrow();
    }
  });

  it('passes over a huge declared image without buffering it, and says the stream ended', () => {
    // GS v 0 declaring 65535 × 65535 bytes: the decoder must not wait to hold 4 GB.
    const decoder = createEscPosStreamDecoder();
    decoder.push(bytes(0x1d, 0x76, 0x30, 0, 0xff, 0xff, 0xff, 0xff));
    for (let k = 0; k < 64; k++) decoder.push(new Uint8Array(64 * 1024).fill(0x41));
    expect(decoder.flush()).toBeNull();
    expect(decoder.summary().warnings.join()).toContain('stream ended inside a command');
  });
});
