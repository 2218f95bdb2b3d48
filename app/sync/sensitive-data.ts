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
export function findSensitiveData(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return containsCardData(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSensitiveData(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (containsCardData(key)) return path;
      const found = findSensitiveData(member, childPath(path, key));
      if (found !== null) return found;
    }
  }
  return null;
}

/** True when the text holds a card number or track data as the spec defines them. */
export function containsCardData(text: string): boolean {
  if (TRACK_DATA.test(text)) return true;
  return cardNumberCandidates(text).some(isCardNumber);
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
  const runs: Run[] = [...text.matchAll(DIGIT_RUN)].map((m) => ({
    digits: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const touchesBefore = (run: Run): boolean => LETTER_OR_DIGIT.test(text[run.start - 1] ?? '');
  const touchesAfter = (run: Run): boolean => LETTER_OR_DIGIT.test(text[run.end] ?? '');
  const joined = (a: Run, b: Run): boolean =>
    b.start === a.end + 1 && SEPARATOR.test(text[a.end] ?? '');

  const candidates: string[] = [];
  for (const [i, first] of runs.entries()) {
    const n = first.digits.length;
    if (n >= 15 && n <= 19 && !touchesBefore(first) && !touchesAfter(first)) {
      candidates.push(first.digits);
    }
    if (n !== 4 || touchesBefore(first)) continue;
    let digits = first.digits;
    let previous = first;
    for (let j = i + 1; j < runs.length; j += 1) {
      const group = runs[j];
      if (group === undefined || !joined(previous, group) || group.digits.length > 4) break;
      digits += group.digits;
      if (digits.length > 19) break;
      if (digits.length >= 15 && !touchesAfter(group)) candidates.push(digits);
      if (group.digits.length < 4) break;
      previous = group;
    }
  }
  return candidates;
}

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
