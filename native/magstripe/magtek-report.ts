import { cardFail, cardOk } from '@app/card/errors';
import type { CardResult } from '@app/card/errors';
import type { SwipeTracks } from '@app/card/swipe';

/**
 * The input report of a MagTek USB HID swipe reader in HID (vendor) mode, as laid out in the
 * MagTek "USB HID SureSwipe & USB HID Swipe Reader Technical Reference Manual" (D99875191),
 * §4 "Card Data": one 337-byte report per swipe, usage page 0xFF00, no report ID.
 *
 *   0–2   track 1/2/3 decode status: bit 0 set = the track held data that did not decode
 *   3–5   track 1/2/3 data length: valid bytes in the track's field (0 if none or an error)
 *   6     card encode type (below)
 *   7–116, 117–226, 227–336   track 1/2/3 data, fixed 110-byte fields, ASCII, from the start
 *                              sentinel to the end sentinel (the LRC is not sent)
 */
export const MAGTEK_REPORT_LENGTH = 337;
export const MAGTEK_TRACK_FIELD = 110;
const TRACK_OFFSETS = [7, 117, 227] as const;

/** Byte 6. Readers report every swipe, even of a blank card. */
export const MagtekEncodeType = {
  isoAba: 0,
  /** US driver's licences: not a payment card, and not ours to read. */
  aamva: 1,
  cadl: 2,
  blank: 3,
  other: 4,
  undetermined: 5,
  none: 6,
} as const;

export interface MagtekReportContent {
  /** Per track; undefined = no data on the track. */
  tracks: [string | undefined, string | undefined, string | undefined];
  /** Per track: whether the reader flagged a decode error. */
  errors?: [boolean, boolean, boolean];
  encodeType: number;
}

/**
 * The tracks of one report, ready for parseSwipe. Does not keep or zero `report`: the caller
 * owns it and zeroes it once this returns.
 */
export function decodeMagtekReport(report: Uint8Array): CardResult<SwipeTracks> {
  if (report.length !== MAGTEK_REPORT_LENGTH) {
    return cardFail('report_malformed', `HID report is ${report.length} bytes, not 337`);
  }
  if (report[6] === MagtekEncodeType.aamva || report[6] === MagtekEncodeType.cadl) {
    return cardFail('unsupported_format', 'the card is a driving licence, not a payment card');
  }
  const tracks: SwipeTracks = {};
  // Track 3 is left unread: bank cards do not use it.
  for (const [track, key, offset] of [
    [1, 'track1', TRACK_OFFSETS[0]],
    [2, 'track2', TRACK_OFFSETS[1]],
  ] as const) {
    const failed = ((report[track - 1] ?? 0) & 0x01) === 1;
    const length = report[track + 2] ?? 0;
    if (length > MAGTEK_TRACK_FIELD) {
      return cardFail('report_malformed', `track ${track} length ${length} exceeds its field`);
    }
    if (failed || length === 0) continue;
    const text = String.fromCharCode(...report.subarray(offset, offset + length));
    tracks[key] = withSentinels(text, track);
  }
  return cardOk(tracks);
}

/**
 * The manual says the field runs from start to end sentinel, but some firmware and clones
 * strip the sentinels (HARDWARE.md); put them back so one parser serves every reader.
 */
function withSentinels(text: string, track: 1 | 2): string {
  const start = track === 1 ? '%' : ';';
  return text.startsWith(start) ? text : `${start}${text}?`;
}

/** The other direction, for simulators: a report as the reader would send it. */
export function encodeMagtekReport(content: MagtekReportContent): Uint8Array {
  const report = new Uint8Array(MAGTEK_REPORT_LENGTH);
  content.tracks.forEach((text, i) => {
    const failed = content.errors?.[i] ?? false;
    report[i] = failed ? 0x01 : 0x00;
    if (failed || text === undefined) return;
    const length = Math.min(text.length, MAGTEK_TRACK_FIELD);
    report[3 + i] = length;
    const offset = TRACK_OFFSETS[i] ?? 0;
    for (let k = 0; k < length; k += 1) report[offset + k] = text.charCodeAt(k) & 0x7f;
  });
  report[6] = content.encodeType;
  return report;
}
