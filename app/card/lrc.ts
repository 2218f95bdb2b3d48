/**
 * ISO/IEC 7811-2 character values and the longitudinal redundancy check. On the stripe each
 * character carries an odd parity bit, which the reader checks and drops; what reaches us is
 * ASCII. The LRC is the XOR of the character values without parity, start sentinel through
 * end sentinel, so every bit column holds an even number of ones.
 */

/** Track 1 (alpha, 6 bits): ASCII 0x20–0x5F, value = code − 0x20. */
export const TRACK1_BASE = 0x20;
/** Tracks 2 and 3 (BCD, 4 bits): ASCII 0x30–0x3F, value = code − 0x30. */
export const TRACK2_BASE = 0x30;

export const isTrack1Char = (code: number): boolean => code >= 0x20 && code <= 0x5f;
export const isTrack2Char = (code: number): boolean => code >= 0x30 && code <= 0x3f;

/** The LRC character for `framed` (start sentinel … end sentinel) on a track with `base`. */
export function lrcChar(framed: string, base: number): string {
  let lrc = 0;
  for (let i = 0; i < framed.length; i += 1) lrc ^= framed.charCodeAt(i) - base;
  return String.fromCharCode(lrc + base);
}
