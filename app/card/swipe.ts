import { cardBrand, cardKind } from './brand';
import type { CardBrand, CardKind } from './brand';
import type { YearMonth } from './card-fields';
import { cardFail, cardOk } from './errors';
import type { CardResult } from './errors';
import { maskPan } from './mask';
import { parseTrack1 } from './track1';
import { parseTrack2 } from './track2';
import { TrackSecret } from './track-secret';

/** What callers may see of a card: nothing that could be used to pay with it. */
export interface MaskedCard {
  /** First six and last four digits: `622202*********0128`. */
  maskedPan: string;
  brand: CardBrand;
  /** Credit/debit from a small BIN table: a hint for the screen only. */
  kind: CardKind;
  expiry: YearMonth;
  /** ISO/IEC 7813 service code; a first digit of 2 or 6 means the card has a chip. */
  serviceCode: string;
}

/** A good swipe: the masked card, and track 2 for the authorization request, handed out once. */
export interface SwipeRead {
  card: MaskedCard;
  track2: TrackSecret;
}

/** The tracks as a reader delivered them, sentinels included; absent when not read. */
export interface SwipeTracks {
  track1?: string;
  track2?: string;
}

/**
 * Checks every track the reader delivered. Track 2 is required (authorization needs it); a
 * track 1, when present, must be valid too and name the same card.
 */
export function parseSwipe(tracks: SwipeTracks, now: YearMonth): CardResult<SwipeRead> {
  if (tracks.track2 === undefined || isReaderErrorMark(tracks.track2)) {
    return cardFail('track_unreadable', 'track 2 was not read');
  }
  const track2 = parseTrack2(tracks.track2, now);
  if (!track2.ok) return track2;
  const { pan, expiry, serviceCode, data } = track2.value;
  if (tracks.track1 !== undefined && !isReaderErrorMark(tracks.track1)) {
    const track1 = parseTrack1(tracks.track1, now);
    if (!track1.ok) return track1;
    const other = track1.value;
    if (
      other.pan !== pan ||
      other.expiry.year !== expiry.year ||
      other.expiry.month !== expiry.month
    ) {
      return cardFail('track_mismatch', 'tracks 1 and 2 name different cards');
    }
  }
  return cardOk({
    card: {
      maskedPan: maskPan(pan),
      brand: cardBrand(pan),
      kind: cardKind(pan),
      expiry,
      serviceCode,
    },
    track2: new TrackSecret(data),
  });
}

/** Parses the text a serial or keyboard reader sends: `%B…?;…?`, each LRC optional. */
export function parseSwipeText(text: string, now: YearMonth): CardResult<SwipeRead> {
  const tracks = splitTracks(text.replace(/[\r\n]+$/, ''));
  return tracks.ok ? parseSwipe(tracks.value, now) : tracks;
}

/**
 * Readers mark an unreadable track with its sentinels around an E (`%E?`, `;E?`), a common
 * convention of serial and keyboard readers.
 */
const isReaderErrorMark = (track: string): boolean => /^[%;+]E\?$/.test(track);

/**
 * Splits reader text into tracks: an optional track 1 (`%…?` and an optional LRC), then an
 * optional track 2 (`;…?` and an optional LRC). A further `;…?` is track 3, which bank cards
 * leave unused; it is ignored. An LRC can itself be `;`, so a `;` after `?` starts the next
 * track only when a digit or the error mark follows it.
 */
export function splitTracks(text: string): CardResult<SwipeTracks> {
  if (text === '') return cardFail('track_unreadable', 'the reader sent no track data');
  const tracks: SwipeTracks = {};
  let rest = text;
  if (rest.startsWith('%')) {
    const cut = cutTrack(rest, 'track 1');
    if (!cut.ok) return cut;
    [tracks.track1, rest] = cut.value;
  }
  if (rest.startsWith(';')) {
    const cut = cutTrack(rest, 'track 2');
    if (!cut.ok) return cut;
    [tracks.track2, rest] = cut.value;
    if (rest.startsWith(';')) {
      const track3 = cutTrack(rest, 'track 3');
      if (track3.ok) rest = track3.value[1];
    }
  }
  if (rest === '') return cardOk(tracks);
  return tracks.track1 === undefined && tracks.track2 === undefined
    ? cardFail('no_start_sentinel', 'reader text does not start with a sentinel')
    : cardFail('invalid_character', 'reader text has data after its tracks');
}

/** One track from the start of `text`, through its end sentinel and LRC, and what follows. */
function cutTrack(text: string, name: string): CardResult<[string, string]> {
  const end = text.indexOf('?');
  if (end < 0) return cardFail('no_end_sentinel', `${name} has no end sentinel ?`);
  const next = text.slice(end + 1);
  const length = end + (next === '' || /^;[\dE]/.test(next) ? 1 : 2);
  return cardOk([text.slice(0, length), text.slice(length)]);
}
