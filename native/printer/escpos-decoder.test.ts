import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './receipt-encoder';
import { createEscPosStreamDecoder, decodeEscPos } from './escpos-decoder';
import { sampleReceipt } from './sample-receipt';
import { seededRandom } from '@app/util/seeded-random';
import { randomBytes } from '../testing/seeded-random';

const receipt = encodeReceipt(sampleReceipt());

describe('decodeEscPos', () => {
  it('reads drawer kicks and status requests', () => {
    // ESC p 0 50 250 (pin 2, 100 ms on, 500 ms off); ESC p 1 25 25; DLE EOT 1; DLE EOT 4.
    const printout = decodeEscPos(
      Uint8Array.from([
        0x1b, 0x70, 0, 50, 250, 0x1b, 0x70, 1, 25, 25, 0x10, 0x04, 1, 0x10, 0x04, 4,
      ]),
    );
    expect(printout.drawerKicks).toEqual([
      { pin: 2, onMs: 100, offMs: 500 },
      { pin: 5, onMs: 50, offMs: 50 },
    ]);
    expect(printout.statusRequests).toEqual([1, 4]);
  });

  it('starts a new page after each cut and keeps an uncut tail as an open page', () => {
    const two = new Uint8Array([...receipt, ...receipt, 0x41, 0x0a]);
    const { pages } = decodeEscPos(two);
    expect(pages.map((p) => p.cut)).toEqual([true, true, false]);
    expect(pages[2]!.lines).toEqual([
      { kind: 'text', text: 'A', align: 'left', bold: false, size: 1 },
    ]);
  });

  it('decodes a stream split at any byte exactly as the whole', () => {
    const whole = JSON.stringify(decodeEscPos(receipt).pages);
    for (let cut = 0; cut <= receipt.length; cut++) {
      const decoder = createEscPosStreamDecoder();
      const pages = [
        ...decoder.push(receipt.subarray(0, cut)),
        ...decoder.push(receipt.subarray(cut)),
      ];
      const tail = decoder.flush();
      if (tail) pages.push(tail);
      expect(JSON.stringify(pages), `split at ${String(cut)}`).toBe(whole);
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
    const seed = 20261122;
    const random = seededRandom(seed);
    let lines = 0;
    for (let run = 0; run < 100_000; run++) {
      const input = randomBytes(random, 64);
      const printout = decodeEscPos(input);
      lines += printout.pages.reduce((n, p) => n + p.lines.length, 0);
    }
    // Random bytes include LFs and cuts, so something decodes: proof the loop really ran.
    expect(lines).toBeGreaterThan(10_000);
  });

  it('survives random bytes spliced into a real receipt', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 2_000; run++) {
      const at = Math.floor(random() * receipt.length);
      const input = new Uint8Array([
        ...receipt.subarray(0, at),
        ...randomBytes(random, 16),
        ...receipt.subarray(at),
      ]);
      expect(() => decodeEscPos(input)).not.toThrow();
    }
  });
});
