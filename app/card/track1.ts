import { checkPan, parseExpiryAndServiceCode } from './card-fields';
import type { TrackFields, YearMonth } from './card-fields';
import { cardFail, cardOk } from './errors';
import type { CardResult } from './errors';
import { isTrack1Char, lrcChar, TRACK1_BASE } from './lrc';

/** ISO/IEC 7813 §4 (track 1): start sentinel, format code … end sentinel, LRC. */
export const TRACK1_MAX_LENGTH = 79;
const NAME = /^[ -~]{2,26}$/;

/**
 * Parses `%B<PAN>^<NAME>^<YYMM><service code><discretionary>?[LRC]`. The LRC is checked when
 * present; readers that strip it (most USB readers) leave it out. The name is validated and
 * dropped: nothing outside app/card needs it.
 */
export function parseTrack1(track: string, now: YearMonth): CardResult<TrackFields> {
  if (track.length > TRACK1_MAX_LENGTH) {
    return cardFail('track_too_long', `track 1 has ${track.length} characters, over 79`);
  }
  if (!track.startsWith('%')) return cardFail('no_start_sentinel', 'track 1 does not start with %');
  const end = track.indexOf('?');
  if (end < 0) return cardFail('no_end_sentinel', 'track 1 has no end sentinel ?');
  if (track.length > end + 2)
    return cardFail('invalid_character', 'track 1 has data after its LRC');
  for (let i = 0; i < track.length; i += 1) {
    const code = track.charCodeAt(i);
    // % is reserved for the start sentinel; the LRC may take any value of the set.
    if (!isTrack1Char(code) || (i > 0 && i < end && code === 0x25)) {
      return cardFail('invalid_character', `track 1 has a character outside ISO 7811 at ${i}`);
    }
  }
  const framed = track.slice(0, end + 1);
  const lrc = track[end + 1];
  if (lrc !== undefined && lrc !== lrcChar(framed, TRACK1_BASE)) {
    return cardFail('lrc_mismatch', 'track 1 LRC does not match its data');
  }
  if (track[1] !== 'B') return cardFail('unsupported_format', 'track 1 format code is not B');
  const [pan, name, rest, ...more] = track.slice(2, end).split('^');
  if (pan === undefined || name === undefined || rest === undefined) {
    return cardFail('missing_separator', 'track 1 lacks a ^ field separator');
  }
  if (more.length > 0) return cardFail('invalid_character', 'track 1 has a third ^ separator');
  const checked = checkPan(pan);
  if (!checked.ok) return checked;
  if (!NAME.test(name)) return cardFail('invalid_character', 'track 1 name is not 2-26 characters');
  const dated = parseExpiryAndServiceCode(rest, now);
  if (!dated.ok) return dated;
  return cardOk({ pan, ...dated.value });
}
