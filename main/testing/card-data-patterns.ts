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
// UUIDs (every id the till makes) and hex strings of 32+ characters (SHA-256 chain hashes,
// keyed card hashes) are tokens of their own: blanked before the search, so their digits
// neither count nor join a neighbouring number.
const ID_TOKEN =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32,}|[0-9A-F]{32,}/g;
const ALPHANUMERIC = /[0-9A-Za-z]/;

export interface FindOptions {
  /**
   * `digits` (text: logs, CSV, one database value): a number ends where a non-digit is.
   * `alphanumerics` (the raw pages of a SQLite file or WAL, where values sit side by side
   * with no separator): a number counts only where no ASCII letter or digit touches it,
   * the upstream-sync-v1 rule; the row-by-row read sees each value on its own.
   */
  boundary?: 'digits' | 'alphanumerics';
}

/** Every card number and track in `text`, in order of position. */
export function findCardData(text: string, options: FindOptions = {}): CardDataHit[] {
  if (!hasDigitRun(text)) return [];
  const hits: CardDataHit[] = [];
  for (const m of text.matchAll(TRACK_1)) hits.push(hit(m.index, 'track 1', m[1] ?? ''));
  for (const m of text.matchAll(TRACK_2)) hits.push(hit(m.index, 'track 2', m[1] ?? ''));
  const blanked = text.replace(ID_TOKEN, (token) => 'x'.repeat(token.length));
  const strict = options.boundary === 'alphanumerics';
  const free = (at: number, end: number) =>
    !strict ||
    (!ALPHANUMERIC.test(blanked[at - 1] ?? '') && !ALPHANUMERIC.test(blanked[end] ?? ''));
  for (const m of blanked.matchAll(DIGIT_RUN)) {
    const digits = m[0];
    if (strict && barcodeBesideByte(digits)) continue;
    if (free(m.index, m.index + digits.length) && isCardNumber(digits)) {
      hits.push(hit(m.index, 'card number', digits));
    }
  }
  for (const m of blanked.matchAll(GROUPED)) {
    const digits = m[0].replace(/\D/g, '');
    const fits = digits.length >= 13 && digits.length <= 19;
    if (fits && free(m.index, m.index + m[0].length) && isCardNumber(digits)) {
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

/**
 * In raw pages a barcode is often followed (or preceded) by a one-byte integer that happens
 * to be an ASCII digit: an index entry's rowid, the next column. A 14- or 15-digit run that
 * is a valid EAN-13 or GTIN-14 but for one digit at either end is taken for that; the
 * row-by-row read still checks every stored value exactly.
 */
function barcodeBesideByte(digits: string): boolean {
  if (digits.length !== 14 && digits.length !== 15) return false;
  return gs1CheckValid(digits.slice(1)) || gs1CheckValid(digits.slice(0, -1));
}

function hit(index: number, kind: CardDataKind, digits: string): CardDataHit {
  return { index, kind, hint: `…${digits.slice(-4)} (${String(digits.length)} digits)` };
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
