import { describe, expect, it } from 'vitest';
import { fromHex } from './apdu';
import { crc16Zvt } from './crc';

describe('ZVT CRC-16', () => {
  it('gives the catalogue check value of CRC-16/KERMIT for "123456789"', () => {
    expect(crc16Zvt(new TextEncoder().encode('123456789'))).toBe(0x2189);
  });

  it('matches a frame captured from a terminal (ecrterm tests/test_parsing.py)', () => {
    // 10 02 | 06 0F 0B F0 F0 F7 "2.14.15" 00 | 10 03 | B1 11: over APDU + ETX, low byte first.
    const apduAndEtx = fromHex('06 0F 0B F0 F0 F7 32 2E 31 34 2E 31 35 00 03');
    expect(crc16Zvt(apduAndEtx)).toBe(0x11b1);
  });

  it('can be computed in parts', () => {
    const bytes = fromHex('06 01 07 04 00 00 00 00 10 00');
    expect(crc16Zvt(bytes.slice(4), crc16Zvt(bytes.slice(0, 4)))).toBe(crc16Zvt(bytes));
  });
});
