import { describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import { ScanFramer } from './scan-framer';
import type { ScanFrame } from './scan-framer';
import { scanSuffixes, suffixBytes } from './scan-suffix';
import type { ScanSuffix } from './scan-suffix';

/** Printable ASCII or GS, and not empty. */
function isCodeText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x1d && (unit < 0x20 || unit > 0x7e)) return false;
  }
  return text !== '';
}

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('ScanFramer', () => {
  it.each([
    ['cr', '6911001000019\r04252614\r'],
    ['lf', '6911001000019\n04252614\n'],
    ['crlf', '6911001000019\r\n04252614\r\n'],
    ['tab', '6911001000019\t04252614\t'],
  ] as const)('cuts codes at the %s suffix', (suffix, stream) => {
    const framer = new ScanFramer({ suffix });
    expect(framer.push(bytes(stream), 5)).toEqual([
      { kind: 'code', text: '6911001000019', atMs: 5 },
      { kind: 'code', text: '04252614', atMs: 5 },
    ]);
    expect(framer.pending).toBe(false);
  });

  it('reassembles a code split across chunks, stamped with its last byte', () => {
    const framer = new ScanFramer({ suffix: 'crlf' });
    expect(framer.push(bytes('69110010'), 1)).toEqual([]);
    expect(framer.push(bytes('00019\r'), 2)).toEqual([]);
    expect(framer.push(bytes('\n'), 3)).toEqual([{ kind: 'code', text: '6911001000019', atMs: 3 }]);
  });

  it("ends a code on the caller's idle gap with suffix 'none'", () => {
    const framer = new ScanFramer({ suffix: 'none' });
    expect(framer.push(bytes('ABC-'), 10)).toEqual([]);
    expect(framer.push(bytes('123'), 12)).toEqual([]);
    expect(framer.pending).toBe(true);
    expect(framer.flush(70)).toEqual([{ kind: 'code', text: 'ABC-123', atMs: 12 }]);
    expect(framer.flush(200)).toEqual([]);
  });

  it('keeps GS (FNC1) inside GS1-128 text', () => {
    const framer = new ScanFramer({ suffix: 'cr' });
    expect(framer.push(bytes('0109501101530003\x1d10ABC\r'), 0)).toEqual([
      { kind: 'code', text: '0109501101530003\x1d10ABC', atMs: 0 },
    ]);
  });

  it('reports control characters and high bytes as malformed, never as a code', () => {
    const framer = new ScanFramer({ suffix: 'cr' });
    expect(framer.push(Uint8Array.of(0x36, 0x39, 0x00, 0xff, 0x0d), 4)).toEqual([
      { kind: 'malformed', reason: 'non_printable', length: 4, preview: '36 39 00 ff', atMs: 4 },
    ]);
    // A scanner sending CR LF to a till set to CR: the LF starts the next frame.
    expect(framer.push(bytes('123\r\n456\r'), 5)).toEqual([
      { kind: 'code', text: '123', atMs: 5 },
      { kind: 'malformed', reason: 'non_printable', length: 4, preview: '0a 34 35 36', atMs: 5 },
    ]);
  });

  it('leaves the CR of a CR LF suffix out of a malformed preview', () => {
    expect(
      new ScanFramer({ suffix: 'crlf' }).push(Uint8Array.of(0x31, 0x07, 0x0d, 0x0a), 0),
    ).toEqual([
      { kind: 'malformed', reason: 'non_printable', length: 2, preview: '31 07', atMs: 0 },
    ]);
  });

  it('drops an oversized frame once, up to its suffix, then reads on', () => {
    const framer = new ScanFramer({ suffix: 'cr', maxLength: 128 });
    expect(framer.push(bytes('7'.repeat(128) + '\r'), 1)).toEqual([
      { kind: 'code', text: '7'.repeat(128), atMs: 1 },
    ]);
    const out = framer.push(bytes(`${'A'.repeat(300)}\r6911001000019\r`), 2);
    expect(out).toEqual([
      {
        kind: 'malformed',
        reason: 'oversize',
        length: 129,
        preview: Array(16).fill('41').join(' '),
        atMs: 2,
      },
      { kind: 'code', text: '6911001000019', atMs: 2 },
    ]);
  });

  it('allows 128 characters before a CR LF, not 129', () => {
    const framer = new ScanFramer({ suffix: 'crlf' });
    expect(framer.push(bytes(`${'x'.repeat(128)}\r\n`), 0)).toEqual([
      { kind: 'code', text: 'x'.repeat(128), atMs: 0 },
    ]);
    expect(framer.push(bytes(`${'x'.repeat(129)}\r\n`), 0)).toMatchObject([
      { kind: 'malformed', reason: 'oversize', length: 129 },
    ]);
  });

  it('reports a frame whose suffix never came as incomplete', () => {
    const framer = new ScanFramer({ suffix: 'cr' });
    framer.push(bytes('69110'), 1);
    expect(framer.flush(600)).toEqual([
      { kind: 'malformed', reason: 'incomplete', length: 5, preview: '36 39 31 31 30', atMs: 600 },
    ]);
    expect(framer.pending).toBe(false);
  });

  it('ignores empty frames (a lone suffix)', () => {
    expect(new ScanFramer({ suffix: 'cr' }).push(bytes('\r\r'), 0)).toEqual([]);
  });
});

describe('ScanFramer fuzz (seeded, 100,000 inputs)', () => {
  it('never throws, only passes printable codes within the limit, and recovers', () => {
    const random = seededRandom(20261123);
    const pick = (n: number): number => Math.floor(random() * n);
    const interesting = [0x0d, 0x0a, 0x09, 0x1d, 0x00, 0xff, 0x30, 0x41];
    for (let run = 0; run < 100_000; run++) {
      const suffix: ScanSuffix = scanSuffixes[pick(scanSuffixes.length)] ?? 'cr';
      const maxLength = 1 + pick(140);
      const framer = new ScanFramer({ suffix, maxLength });
      const noise = new Uint8Array(pick(run % 100 === 0 ? 600 : 40));
      for (let i = 0; i < noise.length; i++) {
        noise[i] = random() < 0.3 ? (interesting[pick(interesting.length)] ?? 0) : pick(256);
      }
      const frames: ScanFrame[] = [];
      let at = 0;
      while (at < noise.length) {
        const size = 1 + pick(16);
        frames.push(...framer.push(noise.subarray(at, at + size), at));
        at += size;
      }
      for (const frame of frames) {
        const bad =
          frame.kind === 'code' && (frame.text.length > maxLength || !isCodeText(frame.text));
        // One expect per failure only: 100,000 passing expects would cost seconds.
        if (bad) expect({ run, suffix, maxLength, noise: [...noise], frame }).toBeUndefined();
      }
      // After any noise: end it, then a clean code comes through whole.
      framer.flush(at);
      const code = '6911001000019'.slice(0, Math.min(13, maxLength));
      const clean = [...framer.push(bytes(code), at), ...framer.push(suffixBytes(suffix), at)];
      if (suffix === 'none') clean.push(...framer.flush(at + 100));
      const [only] = clean;
      const recovered =
        clean.length === 1 && only?.kind === 'code' && only.text === code && only.atMs === at;
      if (!recovered) expect({ run, suffix, noise: [...noise], clean }).toBeUndefined();
    }
  });
});
