import { describe, expect, it } from 'vitest';
import { magtekFixtures } from './fixtures/magtek-reports';
import { decodeMagtekReport, encodeMagtekReport, MagtekEncodeType } from './magtek-report';

const decode = (bytes: readonly number[]) => decodeMagtekReport(Uint8Array.from(bytes));

describe('MagTek HID report (D99875191 §4)', () => {
  it('reads tracks 1 and 2 from their fields at 7 and 117, by their lengths at 3 and 4', () => {
    expect(decode(magtekFixtures.goodSwipeBothTracks)).toEqual({
      ok: true,
      value: {
        track1: '%B4111111111111111^TEST/VISA^3012101000000000?',
        track2: ';4111111111111111=3012101000000000?',
      },
    });
  });

  it('leaves out tracks with no data', () => {
    expect(decode(magtekFixtures.track2Only)).toEqual({
      ok: true,
      value: { track2: ';6222021234567890128=281112012345?' },
    });
  });

  it('leaves out tracks whose decode status has bit 0 set', () => {
    expect(decode(magtekFixtures.readNothing)).toEqual({ ok: true, value: {} });
  });

  it('rejects a report of the wrong size, or a length past its field', () => {
    expect(decode(magtekFixtures.shortReport)).toMatchObject({
      ok: false,
      error: { code: 'report_malformed' },
    });
    expect(decode(magtekFixtures.lengthOverrun)).toMatchObject({
      ok: false,
      error: { code: 'report_malformed' },
    });
  });

  it('refuses driving licences (AAMVA encode type)', () => {
    const report = encodeMagtekReport({
      tracks: [undefined, ';636000=1234?', undefined],
      encodeType: MagtekEncodeType.aamva,
    });
    expect(decodeMagtekReport(report)).toMatchObject({
      ok: false,
      error: { code: 'unsupported_format' },
    });
  });

  it('puts back sentinels that a reader stripped', () => {
    const report = encodeMagtekReport({
      tracks: [undefined, '4111111111111111=3012101', undefined],
      encodeType: MagtekEncodeType.isoAba,
    });
    expect(decodeMagtekReport(report)).toEqual({
      ok: true,
      value: { track2: ';4111111111111111=3012101?' },
    });
  });

  it('encodes the same bytes as the hand-made fixtures', () => {
    const encoded = encodeMagtekReport({
      tracks: [
        '%B4111111111111111^TEST/VISA^3012101000000000?',
        ';4111111111111111=3012101000000000?',
        undefined,
      ],
      encodeType: MagtekEncodeType.isoAba,
    });
    expect([...encoded]).toEqual(magtekFixtures.goodSwipeBothTracks);
    const failed = encodeMagtekReport({
      tracks: [undefined, undefined, undefined],
      errors: [true, true, true],
      encodeType: MagtekEncodeType.undetermined,
    });
    expect([...failed]).toEqual(magtekFixtures.readNothing);
  });
});
