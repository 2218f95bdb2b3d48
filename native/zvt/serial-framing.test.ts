import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex, hex } from './apdu';
import { createFrameReader, encodeFrame } from './serial-framing';

describe('serial framing', () => {
  it('frames a completion exactly as a terminal sent it (ecrterm tests/test_parsing.py)', () => {
    const apdu = fromHex('06 0F 0B F0 F0 F7 32 2E 31 34 2E 31 35 00');
    expect(hex(encodeFrame(apdu))).toBe(
      '10 02 06 0F 0B F0 F0 F7 32 2E 31 34 2E 31 35 00 10 03 B1 11',
    );
    expect(createFrameReader().push(encodeFrame(apdu))).toEqual([
      { kind: 'frame', apdu, crcOk: true },
    ]);
  });

  it('doubles DLE in the data and computes the CRC over the undoubled bytes', () => {
    const apdu = fromHex('06 D1 03 10 41 10');
    const frame = encodeFrame(apdu);
    expect(hex(frame.slice(0, 11))).toBe('10 02 06 D1 03 10 10 41 10 10 10');
    expect(createFrameReader().push(frame)).toEqual([{ kind: 'frame', apdu, crcOk: true }]);
  });

  it('flags a damaged frame so the receiver can NAK it', () => {
    const frame = encodeFrame(fromHex('80 00 00'));
    frame[3] = 0x01;
    expect(createFrameReader().push(frame)).toEqual([
      { kind: 'frame', apdu: fromHex('80 01 00'), crcOk: false },
    ]);
  });

  it('reads ACK and NAK, bare or after DLE, and drops noise between frames', () => {
    expect(createFrameReader().push(fromHex('06 15 10 06 10 15 FF 00'))).toEqual([
      { kind: 'ack' },
      { kind: 'nak' },
      { kind: 'ack' },
      { kind: 'nak' },
    ]);
    expect(createFrameReader().push(fromHex('10 02 80 10 41'))).toEqual([{ kind: 'broken-frame' }]);
  });

  it('round-trips any APDU bytes however the port chunks them', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 16 }),
        (apdu, step) => {
          const frame = encodeFrame(apdu);
          const reader = createFrameReader();
          const events = [];
          for (let i = 0; i < frame.length; i += step)
            events.push(...reader.push(frame.slice(i, i + step)));
          expect(events).toEqual([{ kind: 'frame', apdu, crcOk: true }]);
        },
      ),
    );
  });
});
