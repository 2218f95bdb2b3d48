/**
 * upstream-sync-v1 "Card data": finds card numbers and track data in any JSON string of a
 * request body. Object member names are JSON strings too, so they are searched as well.
 */

// Track 1 (`%B` PAN `^`) and track 2 (`;` PAN `=`), anywhere in a string.
const TRACK_DATA = /%B\d{12,19}\^|;\d{12,19}=/;
const DIGIT_RUN = /\d+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SEPARATOR = /^[ -]$/;

/**
 * The JSON path (`entries[3].detail.note`) of the first string holding card data, or null.
 * A hit in a member name reports the path of the object that holds it, so the error never
 * echoes the number back.
 */
export function findSensitiveData(value: unknown): string | null {
  const keys = pathToCardData(value);
  return keys === null ? null : keys.reduceRight<string>(appendKey, '');
}

/**
 * The keys leading to card data, innermost first, or null. Paths are only spelled out for
 * a hit: every request body and every committed entry is searched, nearly always in vain.
 */
function pathToCardData(value: unknown): (string | number)[] | null {
  if (typeof value === 'string') return containsCardData(value) ? [] : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = pathToCardData(value[index]);
      if (found !== null) return [...found, index];
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (containsCardData(key)) return [];
      const found = pathToCardData(member);
      if (found !== null) return [...found, key];
    }
  }
  return null;
}

/**
 * A quick look at a whole JSON text: false only when no string in it can hold card data, so
 * the parsed body need not be walked. Every card number has 15 digits in a row or four
 * groups of 4-4-4-3 or more, neither touching a letter or digit (so hex hashes, which
 * often hold 15 digits in a row, rarely trigger the walk), and all track data starts `%B` or `;` and 12 digits; JSON
 * writes digits, spaces, dashes, `%` and `;` as they are, unless escaped as \u00XX.
 */
export function mayContainCardData(jsonText: string): boolean {
  return MAYBE_CARD_DATA.test(jsonText);
}
// ASCII classes only: a run next to a Chinese character still matches (the walk then
// decides), which errs on the safe side and keeps the regex fast on a megabyte.
const MAYBE_CARD_DATA =
  /(?<![0-9A-Za-z])(?:\d{15,19}|\d{4}(?:[ -]\d{4}){2,3}[ -]\d{1,4})(?![0-9A-Za-z])|%B\d{12}|;\d{12}|\\u00/;

/** True when the text holds a card number or track data as the spec defines them. */
export function containsCardData(text: string): boolean {
  // Fewer than 12 digits can be neither a card number (15+) nor track data (12+).
  if (countDigits(text) < 12) return false;
  if (TRACK_DATA.test(text)) return true;
  return cardNumberCandidates(text).some(isCardNumber);
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}

function appendKey(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : childPath(path, key);
}

function childPath(path: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : null;
  if (name === null) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? name : `${path}.${name}`;
}

interface Run {
  digits: string;
  start: number;
  end: number;
}

/**
 * Digit strings that could be a card number: a lone run of 15–19 digits, or groups of four
 * digits joined by single spaces or dashes (the last group may be shorter, as 19-digit
 * UnionPay numbers print 4-4-4-4-3) adding up to 15–19 digits. Neither may touch another
 * letter or digit; a maximal run of digits never touches a digit.
 */
function cardNumberCandidates(text: string): string[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    runs.push({ digits: m[0], start: m.index, end: m.index + m[0].length });
  }
  const candidates: string[] = [];
  for (let i = 0; i < runs.length; i += 1) {
    const first = runs[i];
    if (first === undefined) continue;
    const n = first.digits.length;
    if (n >= 15 && n <= 19 && !touchesBefore(text, first) && !touchesAfter(text, first)) {
      candidates.push(first.digits);
    }
    if (n !== 4 || touchesBefore(text, first)) continue;
    let digits = first.digits;
    let previous = first;
    for (let j = i + 1; j < runs.length; j += 1) {
      const group = runs[j];
      if (group === undefined || !joined(text, previous, group) || group.digits.length > 4) break;
      digits += group.digits;
      if (digits.length > 19) break;
      if (digits.length >= 15 && !touchesAfter(text, group)) candidates.push(digits);
      if (group.digits.length < 4) break;
      previous = group;
    }
  }
  return candidates;
}

const touchesBefore = (text: string, run: Run): boolean =>
  LETTER_OR_DIGIT.test(text[run.start - 1] ?? '');
const touchesAfter = (text: string, run: Run): boolean => LETTER_OR_DIGIT.test(text[run.end] ?? '');
const joined = (text: string, a: Run, b: Run): boolean =>
  b.start === a.end + 1 && SEPARATOR.test(text[a.end] ?? '');

function isCardNumber(digits: string): boolean {
  if (!/^[2-6]/.test(digits)) return false;
  if (/^(\d)\1*$/.test(digits)) return false;
  return luhnValid(digits);
}

/** ISO/IEC 7812-1 Annex B: double every second digit from the right. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
