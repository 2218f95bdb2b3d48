import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromHex } from './apdu';
import { decodeBmps, encodeBmp } from './bmp';
import { encodePanBmp, encodeStatusInformation, parseStatusInformation } from './pt-messages';
import type { StatusInformation } from './pt-messages';

describe('BMP decoding', () => {
  it('reads a status information captured from a terminal (ecrterm tests/test_parsing.py)', () => {
    const data = fromHex(
      '2700040000000000014909780c1223060d062922f0f8474843eeeeee77438700023b38383931353000000b00073219602942003036' +
        '0e18018a0a8c038bf0f556495341002a3435353630303030303539392020203cf0f7f341532d544944203d2031334630303031330d' +
        '41532d50726f632d436f6465203d203230203930332030300d436170742e2d5265662e3d20303030300d41494435393a20383039323538',
    );
    const { value, problem } = parseStatusInformation(data);
    expect(problem).toBeUndefined();
    expect(value).toMatchObject({
      resultCode: 0,
      amountMinor: 1,
      currency: 978,
      time: '122306',
      date: '0629',
      maskedPan: '474843******7743',
      receiptNo: 2,
      aid: '889150',
      trace: '000732',
      paymentType: 0x60,
      terminalId: '42003036',
      expiry: '1801',
      cardType: 0x0a,
      cardTypeId: 0x03,
      cardName: 'VISA',
      vuNumber: '455600000599',
    });
    expect(value.additionalText).toMatch(/^AS-TID = 13F00013\r/);
  });

  it('masks a full card number to the first six and last four digits', () => {
    const full = decodeBmps(encodePanBmp('4761739001010010'));
    expect(full.fields[0]?.maskedPan).toBe('476173******0010');
    expect(full.fields[0]?.value).toHaveLength(0);
    // Odd lengths are padded with F, which is not a digit.
    expect(decodeBmps(encodePanBmp('374245455400126')).fields[0]?.maskedPan).toBe(
      '374245*****0126',
    );
  });

  it('withholds track data and CVV entirely', () => {
    const { fields } = decodeBmps(fromHex('23 F0 F3 47 61 73 3A 12 34 27 00'));
    expect(fields.map((f) => [f.name, f.value.length])).toEqual([
      ['track-2', 0],
      ['cvv', 0],
      ['result-code', 1],
    ]);
  });

  it('keeps sized fields nobody reads, and stops at one it cannot size', () => {
    const { fields, problem } = decodeBmps(
      fromHex('27 00 92 F0 F0 F2 AA BB 88 00 00 07 FE 01 02 0B 00 00 01'),
    );
    expect(fields.map((f) => f.name)).toEqual(['result-code', 'offline-chip-data', 'turnover-no']);
    expect(problem).toEqual({ kind: 'unknown-bmp', id: 0xfe, offset: 12 });
  });

  it('reports a field cut short', () => {
    expect(decodeBmps(fromHex('27 00 04 00 00 01')).problem).toEqual({
      kind: 'truncated',
      id: 0x04,
      offset: 2,
    });
    expect(decodeBmps(fromHex('8B F0')).problem?.kind).toBe('truncated');
  });

  it('refuses to encode a fixed field of the wrong size', () => {
    expect(() => encodeBmp(0x04, new Uint8Array(5))).toThrow(RangeError);
  });

  it('round-trips status information through the terminal-side encoder', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${String(n)}}$`));
    const arbInfo: fc.Arbitrary<StatusInformation> = fc.record(
      {
        resultCode: fc.integer({ min: 0, max: 255 }),
        amountMinor: fc.integer({ min: 0, max: 999_999_999_999 }),
        currency: fc.constantFrom(978, 156, 840),
        trace: digits(6),
        time: digits(6),
        date: digits(4),
        terminalId: digits(8),
        receiptNo: fc.integer({ min: 0, max: 9999 }),
        cardName: fc.stringMatching(/^[A-Za-z ]{1,20}$/),
        cardType: fc.integer({ min: 0, max: 255 }),
        additionalText: fc.stringMatching(/^[ -~]{0,200}$/),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbInfo, (info) => {
        const parsed = parseStatusInformation(encodeStatusInformation(info).data);
        expect(parsed.problem).toBeUndefined();
        expect(parsed.value).toEqual(info);
      }),
    );
  });
});
