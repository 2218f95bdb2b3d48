import { lrcChar, TRACK1_BASE, TRACK2_BASE } from './lrc';

/** What goes on a test card's stripe. For simulators and tests: real cards are only read. */
export interface StripeContent {
  pan: string;
  /** Cardholder name as embossed: `SURNAME/GIVEN`. */
  name: string;
  /** YYMM. */
  expiry: string;
  serviceCode: string;
  discretionary: string;
}

/** `%B…?` with the LRC appended when `lrc` is set (ISO/IEC 7813 track 1). */
export function encodeTrack1(card: StripeContent, lrc: boolean): string {
  const framed = `%B${card.pan}^${card.name}^${card.expiry}${card.serviceCode}${card.discretionary}?`;
  return lrc ? framed + lrcChar(framed, TRACK1_BASE) : framed;
}

/** `;…?` with the LRC appended when `lrc` is set (ISO/IEC 7813 track 2). */
export function encodeTrack2(card: StripeContent, lrc: boolean): string {
  const framed = `;${card.pan}=${card.expiry}${card.serviceCode}${card.discretionary}?`;
  return lrc ? framed + lrcChar(framed, TRACK2_BASE) : framed;
}
