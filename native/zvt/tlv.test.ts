import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, hex } from './apdu';
import { decodeBerLength, decodeTlv, encodeBerLength, encodeTlv, findTlv } from './tlv';
import type { TlvInput } from './tlv';

describe('TLV (BMP 06)', () => {
  it('reads display texts from an intermediate status (ecrterm tests/test_parsing.py)', () => {
    // 04 FF 1E 0A 01 06 1A | 24 18 07 16 "Bitte Karte einstecken"
    const body = fromHex(
      '24 18 07 16 42 69 74 74 65 20 4B 61 72 74 65 20 65 69 6E 73 74 65 63 6B 65 6E',
    );
    const tlv = decodeTlv(body);
    expect(tlv.ok).toBe(true);
    if (!tlv.ok) return;
    const line = findTlv(tlv.nodes, 0x07)[0];
    expect(new TextDecoder().decode(line?.value)).toBe('Bitte Karte einstecken');
  });

  it('reads two-byte tags and nested objects from a status information', () => {
    // The TLV of the second 04 0F in ecrterm tests/test_parsing.py (after "06 2B").
    const body = fromHex(
      '41 02 00 0A 49 02 00 03 15 02 44 45 60 0F 42 04 56 49 53 41 43 07 A0 00 00 00 03 10 10 2F 0C 1F 10 01 00 1F 11 01 01 1F 12 01 02',
    );
    const tlv = decodeTlv(body);
    expect(tlv.ok).toBe(true);
    if (!tlv.ok) return;
    expect(tlv.nodes.map((n) => n.tag)).toEqual([0x41, 0x49, 0x15, 0x60, 0x2f]);
    expect(findTlv(tlv.nodes, 0x1f10)[0]?.value).toEqual(Uint8Array.of(0));
    expect(findTlv(tlv.nodes, 0x1f12)[0]?.value).toEqual(Uint8Array.of(2));
    expect(hex(encodeTlv(tlv.nodes))).toBe(hex(body));
  });

  it('encodes constructed objects as ecrterm does (tests/test_tlv.py)', () => {
    expect(
      hex(encodeTlv([{ tag: 0x20, children: [{ tag: 0x1e, value: fromHex('30 31 32') }] }])),
    ).toBe('20 05 1E 03 30 31 32');
  });

  it('uses 81 / 82 length forms', () => {
    expect(hex(encodeBerLength(0x7f))).toBe('7F');
    expect(hex(encodeBerLength(0x80))).toBe('81 80');
    expect(hex(encodeBerLength(0x1234))).toBe('82 12 34');
    expect(decodeBerLength(fromHex('82 12 34'), 0)).toEqual([0x1234, 3]);
    expect(decodeBerLength(fromHex('83 00 00 01'), 0)).toBeNull();
  });

  it('reports where a broken object starts', () => {
    expect(decodeTlv(fromHex('07 01 41 07 05 41'))).toEqual({ ok: false, offset: 3 });
  });

  const arbNode: fc.Arbitrary<TlvInput> = fc.letrec<{ node: TlvInput }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        tag: fc.constantFrom(0x07, 0x41, 0x1f07, 0x1f10),
        value: fc.uint8Array({ maxLength: 300 }),
      }),
      fc.record({
        tag: fc.constantFrom(0x24, 0x25, 0x2f),
        children: fc.array(tie('node'), { maxLength: 3 }),
      }),
    ),
  })).node;

  it('round-trips through encode and decode', () => {
    fc.assert(
      fc.property(fc.array(arbNode, { maxLength: 4 }), (nodes) => {
        const bytes = encodeTlv(nodes);
        const decoded = decodeTlv(bytes);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(hex(encodeTlv(decoded.nodes))).toBe(hex(bytes));
      }),
    );
  });
});
