/**
 * Seeded fuzzing of the ZVT decoders: random and mutated APDUs, BMP lists, TLV containers and
 * serial byte streams. A terminal (or a line fault) can send any bytes; the decoders must
 * answer with their typed results, never throw, never hang, and never claim more bytes than
 * they were given. `FUZZ_SEED=<n> npx vitest run native/zvt/zvt-fuzz.test.ts` replays a run.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import { createApduStream, decodeApdu, encodeApdu, hex } from './apdu';
import type { Apdu } from './apdu';
import { Bmp, decodeBmps } from './bmp';
import {
  encodeAbort,
  encodeCompletion,
  encodeIntermediateStatus,
  encodePrintLine,
  encodePrintTextBlock,
  encodeStatusInformation,
  parseAbort,
  parseCompletion,
  parseIntermediateStatus,
  parsePrintLine,
  parsePrintTextBlock,
  parseStatusInformation,
} from './pt-messages';
import { createFrameReader, encodeFrame } from './serial-framing';
import { decodeTlv, MAX_TLV_DEPTH } from './tlv';
import type { TlvNode } from './tlv';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = 100_000;
/** A decode that takes this long on a few hundred bytes is looping, not working. */
const SLOW_MS = 1_000;

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const randomBytes = (random: Random, max: number): Uint8Array =>
  Uint8Array.from({ length: below(random, max + 1) }, () => below(random, 256));

/** Valid APDUs of every message the driver reads, as the simulator encodes them. */
const SAMPLES: readonly Apdu[] = [
  encodeStatusInformation({
    resultCode: 0,
    amountMinor: 1050,
    currency: 978,
    time: '134558',
    date: '0601',
    pan: '6222021234567890128',
    receiptNo: 42,
    trace: '000123',
    paymentType: 0x60,
    terminalId: '52500001',
    expiry: '2811',
    cardType: 5,
    cardTypeId: 1,
    cardName: 'UnionPay',
    vuNumber: 'VU123456',
    aid: 'A0000003',
    turnoverNo: 7,
    additionalText: 'AUTORISIERUNG OK',
    totals: '0102030405',
  }),
  encodePrintTextBlock('customer', ['KUNDENBELEG', 'Betrag EUR 10,50', '']),
  encodeIntermediateStatus(0x0a, 30),
  encodeCompletion({ softwareVersion: '2.14.15', terminalStatus: 0, statusByte: 0x10 }),
  encodeCompletion({ statusByte: 0x10, terminalId: '52500001', currency: 978 }),
  encodePrintLine('Betrag EUR 10,50', 0x80),
  encodeAbort(0x6c),
];

/** A sample with a few of the ways a line or a terminal spoils bytes. */
function mutate(random: Random, input: Uint8Array): Uint8Array {
  let bytes = Array.from(input);
  for (let n = 1 + below(random, 4); n > 0; n -= 1) {
    const at = below(random, bytes.length + 1);
    switch (below(random, 7)) {
      case 0: // truncate
        bytes = bytes.slice(0, at);
        break;
      case 1: // flip a bit
        if (at < bytes.length) bytes[at] = (bytes[at] ?? 0) ^ (1 << below(random, 8));
        break;
      case 2: // insert random bytes
        bytes.splice(at, 0, ...randomBytes(random, 8));
        break;
      case 3: // delete a stretch
        bytes.splice(at, 1 + below(random, 4));
        break;
      case 4: // a length-like byte: LL/LLL digits, BER long forms, the APDU's FF escape
        bytes.splice(at, 1, [0xff, 0x81, 0x82, 0xf9, 0xf0, 0x06, 0x00][below(random, 7)] ?? 0);
        break;
      case 5: // oversize: the tail repeated
        bytes = bytes.concat(bytes.slice(at), bytes.slice(at));
        break;
      default: // a byte from another sample spliced in
        bytes.splice(at, 0, ...(SAMPLE_BYTES[below(random, SAMPLE_BYTES.length)] ?? []));
    }
  }
  return Uint8Array.from(bytes);
}
const SAMPLE_BYTES = SAMPLES.map((s) => Array.from(s.data));

/** Raw bytes, mutated APDU data, or a mutated whole APDU: a third of the runs each. */
function generate(random: Random): Uint8Array {
  const kind = below(random, 3);
  if (kind === 0) return randomBytes(random, below(random, 10) === 0 ? 2_000 : 300);
  const sample = SAMPLES[below(random, SAMPLES.length)]!;
  return mutate(random, kind === 1 ? sample.data : encodeApdu(sample));
}

/** Runs one decoder; a throw or a hang fails with what replays it. */
function check<T>(what: string, input: Uint8Array, run: number, decode: () => T): T {
  const started = performance.now();
  let result: T;
  try {
    result = decode();
  } catch (error) {
    throw new Error(
      `${what} threw on FUZZ_SEED=${SEED} run ${run}, input ${shown(input)}: ${String(error)}`,
      { cause: error },
    );
  }
  const took = performance.now() - started;
  if (took > SLOW_MS) {
    throw new Error(`${what} took ${took} ms on FUZZ_SEED=${SEED} run ${run}: ${shown(input)}`);
  }
  return result;
}

/**
 * Fails with what replays it. Plain checks rather than expect() in the loops: a million
 * expect() calls, each building its message, would take most of the time budget.
 */
function must(ok: boolean, what: string, run: number, input: Uint8Array): void {
  if (!ok) throw new Error(`${what} on FUZZ_SEED=${SEED} run ${run}, input ${shown(input)}`);
}

const WITHHELD_BMPS = new Set([Bmp.track1, Bmp.track2, Bmp.track3, Bmp.cvv, 0x2e, 0xa7]);

/** A masked PAN shows at most the first six and last four digits. */
const MASKED = /^[^0-9]*(?:\d[^0-9]*){0,10}$/;

/** Constructed tag 21 nested `depth` times (lengths as 82 hh ll) around an empty 07. */
function nestedTlv(depth: number): number[] {
  const headers: number[][] = [];
  let length = 2;
  for (let level = 0; level < depth; level += 1) {
    headers.push([0x21, 0x82, length >> 8, length & 0xff]);
    length += 4;
  }
  return [...headers.reverse().flat(), 0x07, 0x00];
}

/** The input for a failure message: in full up to 1 KiB, else its start and its size. */
const shown = (input: Uint8Array): string =>
  input.length <= 1_024 ? hex(input) : `${hex(input.subarray(0, 64))} … (${input.length} bytes)`;

const tlvBytes = (nodes: readonly TlvNode[]): number =>
  nodes.reduce((sum, n) => sum + n.value.length, 0);

describe(`ZVT decoders under fuzzing (FUZZ_SEED=${SEED})`, () => {
  it(`survive ${RUNS.toLocaleString('en')} random and mutated inputs`, () => {
    const random = seededRandom(SEED);
    let apdus = 0;
    let fields = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const input = generate(random);
      const ensure = (ok: boolean, what: string): void => must(ok, what, run, input);

      const offset = below(random, 4);
      const one = check('decodeApdu', input, run, () => decodeApdu(input, offset));
      if (one.kind === 'apdu') {
        apdus += 1;
        ensure(one.size >= 3, 'decodeApdu: an APDU of under 3 bytes');
        ensure(offset + one.size <= input.length, 'decodeApdu: size past the input');
        ensure(one.apdu.data.length <= one.size - 3, 'decodeApdu: data longer than its size');
      }

      // The TCP stream, fed in random pieces, never yields more bytes than it was fed.
      const stream = createApduStream();
      let streamed = 0;
      check('createApduStream', input, run, () => {
        for (let at = 0; at < input.length;) {
          const end = at + 1 + below(random, 64);
          for (const a of stream.push(input.subarray(at, end))) streamed += 3 + a.data.length;
          at = end;
        }
      });
      ensure(streamed <= input.length, 'createApduStream: more bytes out than in');

      const bmps = check('decodeBmps', input, run, () => decodeBmps(input));
      fields += bmps.fields.length;
      const valueBytes = bmps.fields.reduce((sum, f) => sum + f.value.length, 0);
      ensure(valueBytes + bmps.fields.length <= input.length, 'decodeBmps: values past input');
      ensure((bmps.problem?.offset ?? 0) <= input.length, 'decodeBmps: problem past input');
      for (const field of bmps.fields) {
        ensure(!WITHHELD_BMPS.has(field.id) || field.value.length === 0, 'card data kept');
        ensure(MASKED.test(field.maskedPan ?? ''), 'decodeBmps: PAN not masked');
      }

      const tlv = check('decodeTlv', input, run, () => decodeTlv(input));
      ensure(
        tlv.ok ? tlvBytes(tlv.nodes) <= input.length : tlv.offset <= input.length,
        'decodeTlv: past the input',
      );

      const status = check('parseStatusInformation', input, run, () =>
        parseStatusInformation(input),
      ).value;
      ensure(MASKED.test(status.maskedPan ?? ''), 'parseStatusInformation: PAN not masked');
      const texts = [status.cardName, status.additionalText, status.aid, status.vuNumber];
      ensure(texts.join('').length <= input.length, 'parseStatusInformation: texts past input');

      const intermediate = check('parseIntermediateStatus', input, run, () =>
        parseIntermediateStatus(input),
      );
      ensure(intermediate.lines.join('').length <= input.length, 'display lines past input');
      const line = check('parsePrintLine', input, run, () => parsePrintLine(input));
      ensure(line.text.length <= input.length, 'parsePrintLine: text past input');
      const block = check('parsePrintTextBlock', input, run, () => parsePrintTextBlock(input));
      ensure(block.value.lines.join('').length <= input.length, 'print lines past input');
      const completion = check('parseCompletion', input, run, () => parseCompletion(input));
      ensure((completion.softwareVersion ?? '').length <= input.length, 'version past input');
      check('parseAbort', input, run, () => parseAbort(input));
    }
    // Proof the generator reaches past the first checks: many inputs decode to something.
    expect(apdus).toBeGreaterThan(RUNS / 10);
    expect(fields).toBeGreaterThan(RUNS / 10);
  });

  it('frames serial streams of random bytes and mutated frames without losing count', () => {
    const random = seededRandom(SEED + 1);
    let frames = 0;
    for (let run = 0; run < 20_000; run += 1) {
      const sample = SAMPLES[below(random, SAMPLES.length)]!;
      const input =
        run % 2 === 0 ? randomBytes(random, 200) : mutate(random, encodeFrame(encodeApdu(sample)));
      const reader = createFrameReader();
      let bodyBytes = 0;
      check('createFrameReader', input, run, () => {
        for (let at = 0; at < input.length;) {
          const end = at + 1 + below(random, 32);
          for (const event of reader.push(input.subarray(at, end))) {
            if (event.kind !== 'frame') continue;
            frames += 1;
            bodyBytes += event.apdu.length;
          }
          at = end;
        }
      });
      // DLE STX … DLE ETX CRC CRC wraps every body: 6 bytes of framing at least.
      must(bodyBytes <= input.length, 'createFrameReader: more bytes out than in', run, input);
    }
    expect(frames).toBeGreaterThan(1_000);
  });

  /**
   * Found by this file's fuzzing: decodeTlv recursed once per constructed level, and about
   * 6,000 levels (a BMP 06 inside a 04 0F can carry 8,000) overflowed the stack. Nesting past
   * MAX_TLV_DEPTH is now refused as malformed.
   */
  it('refuses TLV nested deeper than MAX_TLV_DEPTH without exhausting the stack', () => {
    for (const depth of [MAX_TLV_DEPTH + 1, 1_000, 8_000]) {
      const inner = nestedTlv(depth);
      const data = Uint8Array.from([0x06, 0x82, inner.length >> 8, inner.length & 0xff, ...inner]);
      const tlv = check(`decodeTlv depth ${depth}`, data, depth, () =>
        decodeTlv(Uint8Array.from(inner)),
      );
      expect(tlv.ok).toBe(false);
      check(`parseStatusInformation depth ${depth}`, data, depth, () =>
        parseStatusInformation(data),
      );
    }
    expect(decodeTlv(Uint8Array.from(nestedTlv(MAX_TLV_DEPTH))).ok).toBe(true);
  });
});
