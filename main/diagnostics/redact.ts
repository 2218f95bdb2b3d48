import type { JsonValue } from '@app/ledger/entry';
import { luhnValid } from '@app/sync/sensitive-data';

/**
 * Takes secrets out of text and JSON values before they leave the till in a support bundle:
 * card numbers, track data (PCI DSS 3.3.1: never retained, logs included), the terminal
 * secret, HMAC signatures, bearer tokens and anything kept under a key that names a secret.
 * Errs on the side of removing too much: a lost digit run costs a technician little.
 */

export const REDACTED = '[redacted]';

export interface RedactOptions {
  /** Exact strings to remove wherever they occur, e.g. the terminal secret's base64. */
  knownSecrets?: readonly string[];
}

// Track 1 (ISO/IEC 7813 §4): `%B` PAN `^` name `^` … `?`; a torn one runs to the line end.
const TRACK1 = /%[A-Z]\d{1,19}\^[^?\r\n]*\??/g;
// Track 2 (§5): `;` PAN `=` digits `?`, and the same data without sentinels (`PAN=YYMM…`,
// or `D` as the separator in EMV tag 57).
const TRACK2 = /;\d{1,19}=[\d=]*\??/g;
const TRACK2_DATA = /(?<!\d)\d{12,19}[=D]\d{4,}/g;
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi;
const BEARER = /\b(bearer\s+)[\w\-.~+/]+=*/gi;
// upstream-sync-v1 POS-HMAC: `sig=<hex>`.
const SIGNATURE = /\b(sig=)[0-9a-f]{16,}/gi;
// main/sync/secret-store.ts keeps the 32-byte terminal secret as base64: 43 characters and "=".
const TERMINAL_SECRET = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/g;
// `key: value`, `key=value`, `"key":"value"`: the value goes when the key names a secret.
const KEY_VALUE =
  /(["']?)([A-Za-z_][\w.-]*)\1(\s*[:=]\s*)("(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*'|[^\s"',;&}\]]+)/g;
// A SHA-256, SHA-1 or MD5 in hex standing alone is kept whole: one in 250 SHA-256 hashes
// holds a run of 20 digits, and the ledger's hashes are what a technician compares.
const STANDALONE_HASH =
  /(?<![0-9A-Za-z])((?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32}|[0-9A-F]{64}|[0-9A-F]{40}|[0-9A-F]{32}))(?![0-9A-Za-z])/;
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

const MIN_PAN = 13;
const MAX_PAN = 19;

/** Redacts every secret this module knows in a piece of free text. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  for (const secret of options.knownSecrets ?? []) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  out = out
    .replace(TRACK1, REDACTED)
    .replace(TRACK2, REDACTED)
    .replace(TRACK2_DATA, REDACTED)
    .replace(AUTHORIZATION, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SIGNATURE, `$1${REDACTED}`)
    .replace(KEY_VALUE, redactKeyValue)
    .replace(TERMINAL_SECRET, REDACTED);
  // split() with a capturing group puts the hashes at the odd indexes.
  return out
    .split(STANDALONE_HASH)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(DIGIT_RUN, redactDigitRun)))
    .join('');
}

function redactKeyValue(match: string, quote: string, key: string, sep: string, value: string) {
  if (!isSecretKey(key) || value.startsWith(REDACTED.slice(0, -1))) return match;
  const quoted = value.startsWith('"') || value.startsWith("'") ? value[0] : '';
  return `${quote}${key}${quote}${sep}${quoted}${REDACTED}${quoted}`;
}

/**
 * Card numbers are printed as groups joined by one kind of separator, every group but the
 * last at least three digits long (4-4-4-4, 4-6-5, 4-3-3-3, 4-4-4-4-3). A run is cut into
 * such chains, so small numbers and dates side by side ("5124 743 2024-08-26") are not read
 * as one long number; where the separator changes, the next chain starts at the group
 * before it, as a card number may follow a number that ends in a space ("3624 8370-1735…").
 * Every Luhn-valid window of 13–19 digits inside a chain is replaced, so a card number stays
 * hidden even when digits touch it on either side (a year, a sequence number).
 */
function redactDigitRun(run: string): string {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({ at: m.index, text: m[0] }));
  const digits = groups.map((g) => g.text).join('');
  if (digits.length < MIN_PAN) return run;
  // Digit index where each group starts; chains are [first group, last group] pairs.
  const firstDigit: number[] = [];
  groups.reduce((count, g) => (firstDigit.push(count), count + g.text.length), 0);
  const hidden = new Array<boolean>(digits.length).fill(false);
  let chainStart = 0;
  let separator: string | null = null;
  for (let i = 1; i <= groups.length; i += 1) {
    const previous = groups[i - 1];
    const group = groups[i];
    const sep = group === undefined ? null : run[group.at - 1];
    if (group !== undefined && previous !== undefined && previous.text.length >= 3) {
      if (separator === null || sep === separator) {
        separator = sep ?? null;
        continue;
      }
      hideCardNumbers(digits, firstDigit[chainStart] ?? 0, firstDigit[i] ?? 0, hidden);
      chainStart = i - 1;
      separator = sep ?? null;
      continue;
    }
    hideCardNumbers(digits, firstDigit[chainStart] ?? 0, firstDigit[i] ?? digits.length, hidden);
    chainStart = i;
    separator = null;
  }
  if (!hidden.includes(true)) return run;
  const positions = groups.flatMap((g) =>
    Array.from({ length: g.text.length }, (_, k) => g.at + k),
  );
  return renderHidden(run, positions, hidden);
}

/** Marks every Luhn-valid window of 13–19 digits within digits[from, to). */
function hideCardNumbers(digits: string, from: number, to: number, hidden: boolean[]): void {
  for (let start = from; start + MIN_PAN <= to; start += 1) {
    for (let length = MIN_PAN; length <= MAX_PAN && start + length <= to; length += 1) {
      if (luhnValid(digits.slice(start, start + length))) hidden.fill(true, start, start + length);
    }
  }
}

/** One marker per stretch of hidden digits, separators inside the stretch included. */
function renderHidden(run: string, positions: number[], hidden: boolean[]): string {
  let out = '';
  let at = 0;
  for (let d = 0; d < hidden.length; d += 1) {
    if (!hidden[d]) continue;
    let last = d;
    while (last + 1 < hidden.length && hidden[last + 1]) last += 1;
    const from = positions[d] ?? 0;
    out += run.slice(at, from) + REDACTED;
    at = (positions[last] ?? from) + 1;
    d = last;
  }
  return out + run.slice(at);
}

/** Words that name a secret wherever they occur inside a key ("terminalSecret", "apitoken"). */
const SECRET_PARTS = [
  'secret',
  'token',
  'password',
  'passwd',
  'passphrase',
  'hmac',
  'signature',
  'cvv',
  'cvc',
  'authorization',
  'credential',
  'cookie',
  'apikey',
  'privatekey',
  'pinblock',
];
/** Short words that name a secret only as a whole word ("pin", not "shipping"). */
const SECRET_WORDS = new Set(['pin', 'pins', 'key', 'keys', 'pan', 'track', 'tracks', 'sig']);

/**
 * Whether a member name says its value is secret. Split on camelCase, digits and
 * punctuation; a key that says its value is already masked ("maskedPan") is not.
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
  if (words.includes('masked')) return false;
  const joined = words.join('');
  return words.some((w) => SECRET_WORDS.has(w)) || SECRET_PARTS.some((p) => joined.includes(p));
}

const MAX_DEPTH = 64;

/**
 * A JSON copy of `value` with secrets redacted: strings and member names through
 * redactText, and whatever sits under a secret key replaced whole (booleans and null kept:
 * "pinRequired: true" tells nothing). Objects with toJSON (Date, TrackSecret) are replaced
 * by what they serialize to, as JSON.stringify would.
 */
export function redactValue(value: unknown, options: RedactOptions = {}): JsonValue {
  return walk(value, options, new WeakSet(), 0) ?? null;
}

function walk(
  value: unknown,
  options: RedactOptions,
  seen: WeakSet<object>,
  depth: number,
): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
      return redactText(value, options);
    case 'number':
    case 'bigint': {
      // A card number can arrive as a number: 4111111111111111 is a safe integer.
      const text = String(value);
      if (redactText(text, options) !== text) return REDACTED;
      return typeof value === 'number' ? (Number.isFinite(value) ? value : null) : text;
    }
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return walk(toJSON.call(value) as unknown, options, seen, depth + 1);
  }
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item: unknown) => walk(item, options, seen, depth + 1) ?? null);
    }
    const out: { [key: string]: JsonValue } = {};
    for (const [key, member] of Object.entries(value)) {
      const secret = isSecretKey(key) && member !== null && typeof member !== 'boolean';
      const copy = secret ? REDACTED : walk(member, options, seen, depth + 1);
      if (copy !== undefined) out[redactText(key, options)] = copy;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
