import { checkPan, parseExpiryAndServiceCode } from './card-fields';
import type { TrackFields, YearMonth } from './card-fields';
import { cardFail, cardOk } from './errors';
import type { CardResult } from './errors';
import { isTrack2Char, lrcChar, TRACK2_BASE } from './lrc';

/** ISO/IEC 7813 §5 (track 2): 40 characters including sentinels and LRC. */
export const TRACK2_MAX_LENGTH = 40;

export interface Track2Fields extends TrackFields {
  /** Between the sentinels (`PAN=YYMM…`): what an authorization request carries as track 2. */
  data: string;
}

/** The card number of a track 2 (with or without its sentinels), or null when it has none. */
export function panOfTrack2(track2: string): string | null {
  return /^;?(\d{12,19})=/.exec(track2)?.[1] ?? null;
}

/**
 * Parses `;<PAN>=<YYMM><service code><discretionary>?[LRC]`. The LRC is checked when present.
 */
export function parseTrack2(track: string, now: YearMonth): CardResult<Track2Fields> {
  if (track.length > TRACK2_MAX_LENGTH) {
    return cardFail('track_too_long', `track 2 has ${track.length} characters, over 40`);
  }
  if (!track.startsWith(';')) return cardFail('no_start_sentinel', 'track 2 does not start with ;');
  const end = track.indexOf('?');
  if (end < 0) return cardFail('no_end_sentinel', 'track 2 has no end sentinel ?');
  if (track.length > end + 2)
    return cardFail('invalid_character', 'track 2 has data after its LRC');
  for (let i = 0; i < track.length; i += 1) {
    if (!isTrack2Char(track.charCodeAt(i))) {
      return cardFail('invalid_character', `track 2 has a character outside ISO 7811 at ${i}`);
    }
  }
  const framed = track.slice(0, end + 1);
  const lrc = track[end + 1];
  if (lrc !== undefined && lrc !== lrcChar(framed, TRACK2_BASE)) {
    return cardFail('lrc_mismatch', 'track 2 LRC does not match its data');
  }
  const data = track.slice(1, end);
  // Bank cards use digits and one separator; the control characters : ; < > have no place.
  if (!/^\d*=?\d*$/.test(data))
    return cardFail('invalid_character', 'track 2 has a control character');
  const separator = data.indexOf('=');
  if (separator < 0) return cardFail('missing_separator', 'track 2 lacks the = field separator');
  const rest = data.slice(separator + 1);
  const pan = data.slice(0, separator);
  const checked = checkPan(pan);
  if (!checked.ok) return checked;
  const dated = parseExpiryAndServiceCode(rest, now);
  if (!dated.ok) return dated;
  return cardOk({ pan, data, ...dated.value });
}
