import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApduStream, decodeApdu, encodeApdu, fromHex, hex } from './apdu';
import type { Apdu } from './apdu';
import { decodeBcd, decodeVarLength, encodeBcd, encodeBcdNumber, encodeVarLength } from './bcd';

const arbApdu = fc.record({
  cls: fc.integer({ min: 0, max: 255 }),
  instr: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 700 }),
});

describe('APDU', () => {
  it('encodes authorization of 10.00 EUR as in ecrterm tests/test_parsing.py', () => {
    const data = fromHex('02 01 04 00 00 00 00 10 00 19 44 49 09 78');
    expect(hex(encodeApdu({ cls: 0x06, instr: 0x01, data }))).toBe(
      '06 01 0E 02 01 04 00 00 00 00 10 00 19 44 49 09 78',
    );
  });

  it('uses FF + two bytes little-endian from 255 bytes of data on', () => {
    const short = encodeApdu({ cls: 0x06, instr: 0xd3, data: new Uint8Array(254) });
    expect(hex(short.slice(0, 3))).toBe('06 D3 FE');
    const long = encodeApdu({ cls: 0x06, instr: 0xd3, data: new Uint8Array(0x1234) });
    expect(hex(long.slice(0, 5))).toBe('06 D3 FF 34 12');
    expect(long.length).toBe(5 + 0x1234);
    const decoded = decodeApdu(long);
    expect(decoded.kind === 'apdu' && decoded.apdu.data.length).toBe(0x1234);
  });

  it('says incomplete for every strict prefix', () => {
    const bytes = encodeApdu({ cls: 0x04, instr: 0x0f, data: new Uint8Array(300) });
    for (const cut of [0, 1, 2, 3, 4, 5, 200, bytes.length - 1]) {
      expect(decodeApdu(bytes.slice(0, cut)).kind).toBe('incomplete');
    }
  });

  it('round-trips any APDU', () => {
    fc.assert(
      fc.property(arbApdu, (message) => {
        const decoded = decodeApdu(encodeApdu(message));
        expect(decoded).toEqual({ kind: 'apdu', apdu: message, size: encodeApdu(message).length });
      }),
    );
  });

  it('cuts a TCP stream into the APDUs it carries, however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(arbApdu, { maxLength: 5 }),
        fc.integer({ min: 1, max: 64 }),
        (list, step) => {
          const bytes = Uint8Array.from(list.flatMap((m) => [...encodeApdu(m)]));
          const stream = createApduStream();
          const out: Apdu[] = [];
          for (let i = 0; i < bytes.length; i += step)
            out.push(...stream.push(bytes.slice(i, i + step)));
          expect(out).toEqual(list);
        },
      ),
    );
  });
});

describe('BCD', () => {
  it('packs digits and LL/LLL lengths as the spec shows them', () => {
    expect(hex(encodeBcdNumber(1000, 6))).toBe('00 00 00 00 10 00');
    expect(hex(encodeBcd('978', 2))).toBe('09 78');
    expect(hex(encodeVarLength(8, 2))).toBe('F0 F8');
    expect(hex(encodeVarLength(73, 3))).toBe('F0 F7 F3');
    expect(decodeVarLength(fromHex('F0 F7 F3'), 0, 3)).toBe(73);
    expect(decodeVarLength(fromHex('F0 08'), 0, 2)).toBeNull();
    expect(decodeBcd(fromHex('47 48 43 EE EE EE 77 43'))).toBe('474843EEEEEE7743');
  });

  it('refuses what does not fit rather than truncating an amount', () => {
    expect(() => encodeBcdNumber(1_000_000_000_000, 6)).toThrow(RangeError);
    expect(() => encodeBcdNumber(0.5, 6)).toThrow(RangeError);
  });

  it('round-trips amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (amount) => {
        expect(Number(decodeBcd(encodeBcdNumber(amount, 6)))).toBe(amount);
      }),
    );
  });
});
