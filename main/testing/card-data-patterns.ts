import { luhnValid } from '@app/sync/sensitive-data';

/**
 * What the disk scan looks for (issue #6 "Never stored", PCI DSS 3.3): wider than the
 * upstream-sync-v1 rule the host applies to request bodies (15–19 digits), because a file
 * may hold older 13- and 14-digit card numbers too, and text that is not JSON.
 */
export type CardDataKind = 'card number' | 'track 1' | 'track 2';

export interface CardDataHit {
  /** Character index in the text searched. */
  index: number;
  kind: CardDataKind;
  /** Safe to print: the last four digits and the length, never the number. */
  hint: string;
}

// ISO/IEC 7813: track 1 `%B` PAN `^`, track 2 `;` PAN `=`.
const TRACK_1 = /%B(\d{12,19})\^/g;
const TRACK_2 = /;(\d{12,19})=/g;
// A maximal run of 13–19 digits, or groups joined by one kind of separator as cards print
// them: 4-4-4-1…4 (13–19 digits) and Amex's 4-6-5 (or 4-6-4 for Diners' 14).
const DIGIT_RUN = /(?<!\d)\d{13,19}(?!\d)/g;
const GROUPED =
  /(?<!\d)(?<!\d[ -])(\d{4}([ -])\d{4}\2\d{4}(?:\2\d{1,4})?(?:\2\d{1,3})?|\d{4}([ -])\d{6}\3\d{4,5})(?![\d])/g;
// Hex strings of 32+ characters are hashes and keys (SHA-256 chain hashes, keyed card
// hashes): a digit run inside one is part of the hash, not a number anyone typed.
const HEX_TOKEN = /[0-9a-f]{32,}|[0-9A-F]{32,}/g;

/** Every card number and track in `text`, in order of position. */
export function findCardData(text: string): CardDataHit[] {
  if (!hasDigitRun(text)) return [];
  const hits: CardDataHit[] = [];
  for (const m of text.matchAll(TRACK_1)) hits.push(hit(m.index, 'track 1', m[1] ?? ''));
  for (const m of text.matchAll(TRACK_2)) hits.push(hit(m.index, 'track 2', m[1] ?? ''));
  const hex = hexSpans(text);
  const insideHex = (at: number, end: number) => hex.some(([s, e]) => s <= at && end <= e);
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0];
    if (insideHex(m.index, m.index + digits.length)) continue;
    if (isCardNumber(digits)) hits.push(hit(m.index, 'card number', digits));
  }
  for (const m of text.matchAll(GROUPED)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isCardNumber(digits)) {
      hits.push(hit(m.index, 'card number', digits));
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * A card number as ISO/IEC 7812 issues them for payment: major industry identifier 2–6,
 * not one digit repeated, Luhn-valid. A 13- or 14-digit run that is a valid GS1 barcode
 * (EAN-13, GTIN-14: the till stores those by design) is taken for the barcode.
 */
export function isCardNumber(digits: string): boolean {
  if (!/^[2-6]/.test(digits) || /^(\d)\1*$/.test(digits)) return false;
  if (!luhnValid(digits)) return false;
  return !(digits.length <= 14 && gs1CheckValid(digits));
}

/** GS1 General Specifications 7.9.1: weights 3,1,3,… from the right, before the check digit. */
export function gs1CheckValid(digits: string): boolean {
  let sum = 0;
  for (let i = 1; i < digits.length; i += 1) {
    sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 1 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

function hit(index: number, kind: CardDataKind, digits: string): CardDataHit {
  return { index, kind, hint: `…${digits.slice(-4)} (${String(digits.length)} digits)` };
}

function hexSpans(text: string): [number, number][] {
  return [...text.matchAll(HEX_TOKEN)].map((m) => [m.index, m.index + m[0].length]);
}

/** Quick rejection: no 4 digits in a row, no card number and no track. */
function hasDigitRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    run = code >= 48 && code <= 57 ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}
