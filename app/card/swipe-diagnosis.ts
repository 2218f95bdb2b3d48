import type { YearMonth } from './card-fields';
import type { CardErrorCode, CardResult } from './errors';
import { parseSwipe, splitTracks } from './swipe';
import type { SwipeRead, SwipeTracks } from './swipe';
import { parseTrack1 } from './track1';
import { parseTrack2 } from './track2';

/** One track as the reader delivered it: never its content, only how it fared. */
export interface TrackCheck {
  track: 1 | 2;
  /** ok: every check passed; unreadable: the reader marked it (`;E?`) or could not frame it. */
  state: 'ok' | 'absent' | 'unreadable' | 'failed';
  /** Characters delivered, sentinels and LRC included (0 when absent). */
  length: number;
  /** Whether the reader passed the LRC on, and whether it matched. */
  lrc: 'ok' | 'absent' | 'failed' | null;
  /** The first check that failed. */
  code: CardErrorCode | null;
}

export interface SwipeDiagnosis {
  /** good: every delivered track passed; partial: track 2 passed, track 1 missing or bad. */
  quality: 'good' | 'partial' | 'bad';
  tracks: [TrackCheck, TrackCheck];
  /** A failure before any track could be told apart (no sentinel, data after the tracks). */
  framing: CardErrorCode | null;
}

/**
 * The technician's view of a swipe: each track checked on its own (sentinels, characters,
 * LRC, Luhn, expiry), so a worn head that loses track 1 shows as "partial", not just failed.
 */
export function diagnoseSwipe(tracks: SwipeTracks, now: YearMonth): SwipeDiagnosis {
  const track1 = checkTrack(1, tracks.track1, now);
  const track2 = checkTrack(2, tracks.track2, now);
  return { quality: qualityOf(track1, track2), tracks: [track1, track2], framing: null };
}

/** A swipe parsed for payment, and diagnosed for the technician. */
export interface CheckedSwipe {
  read: CardResult<SwipeRead>;
  diagnosis: SwipeDiagnosis;
}

/** Parses and diagnoses the tracks a reader delivered (or failed to frame). */
export function checkSwipe(tracks: CardResult<SwipeTracks>, now: YearMonth): CheckedSwipe {
  if (tracks.ok) {
    return { read: parseSwipe(tracks.value, now), diagnosis: diagnoseSwipe(tracks.value, now) };
  }
  const absent = (track: 1 | 2): TrackCheck => ({
    track,
    state: 'absent',
    length: 0,
    lrc: null,
    code: null,
  });
  return {
    read: tracks,
    diagnosis: { quality: 'bad', tracks: [absent(1), absent(2)], framing: tracks.error.code },
  };
}

/** The same for the text of a serial or keyboard reader: `%B…?;…?`, a line end allowed. */
export const checkSwipeText = (text: string, now: YearMonth): CheckedSwipe =>
  checkSwipe(splitTracks(text.replace(/[\r\n]+$/, '')), now);

function checkTrack(track: 1 | 2, text: string | undefined, now: YearMonth): TrackCheck {
  if (text === undefined) return { track, state: 'absent', length: 0, lrc: null, code: null };
  const length = text.length;
  if (/^[%;]E\?$/.test(text)) return { track, state: 'unreadable', length, lrc: null, code: null };
  const parsed = track === 1 ? parseTrack1(text, now) : parseTrack2(text, now);
  const end = text.indexOf('?');
  const lrcPresent = end >= 0 && text.length === end + 2;
  if (parsed.ok)
    return { track, state: 'ok', length, lrc: lrcPresent ? 'ok' : 'absent', code: null };
  const { code } = parsed.error;
  const lrc = code === 'lrc_mismatch' ? 'failed' : lrcPresent ? null : 'absent';
  return { track, state: 'failed', length, lrc, code };
}

function qualityOf(track1: TrackCheck, track2: TrackCheck): SwipeDiagnosis['quality'] {
  if (track2.state !== 'ok') return 'bad';
  return track1.state === 'ok' ? 'good' : track1.state === 'failed' ? 'bad' : 'partial';
}
