/**
 * Pole displays show one byte per cell from a single-byte character table, and which table
 * varies by model, so Countertop sends printable ASCII only (0x20–0x7E). Text is brought
 * there by: Unicode compatibility decomposition (full-width "ＡＢ" → "AB", "…" → "...") with
 * accents dropped ("Café" → "Cafe"), a few letters spelled out ("ß" → "ss", "Æ" → "AE"),
 * typographic quotes and dashes made plain, whitespace and control characters made spaces,
 * and everything else (Chinese names included) one "?" per character.
 */
const spelledOut: Readonly<Record<string, string>> = {
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '−': '-',
  '×': 'x',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'Y',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function toDisplayAscii(text: string): string {
  let out = '';
  for (const char of text) {
    const spelled = spelledOut[char];
    if (spelled !== undefined) {
      out += spelled;
      continue;
    }
    const plain = char.normalize('NFKD').replace(COMBINING_MARKS, '');
    for (const part of plain) out += asciiOrPlaceholder(part);
  }
  return out;
}

function asciiOrPlaceholder(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return char;
  if (code < 0x20 || /\s/.test(char)) return ' ';
  return spelledOut[char] ?? '?';
}

/** Exactly `width` characters: cut at the right, or padded with spaces. */
export const fitLeft = (text: string, width: number): string =>
  text.slice(0, width).padEnd(width, ' ');

/** Exactly `width` characters, centred (an odd space goes to the right). */
export function fitCentre(text: string, width: number): string {
  const cut = text.slice(0, width);
  return cut.padStart(cut.length + Math.floor((width - cut.length) / 2), ' ').padEnd(width, ' ');
}

/**
 * `left` and `right` on one line of `width`: `right` (an amount) is never cut — if it cannot
 * fit it becomes "#"s, as a spreadsheet shows a number too wide for its cell — and `left` is
 * cut to leave one space before it.
 */
export function leftRight(left: string, right: string, width: number): string {
  if (right.length > width) return '#'.repeat(width);
  const room = width - right.length;
  const shownLeft = right.length === 0 ? left.slice(0, room) : left.slice(0, Math.max(room - 1, 0));
  return shownLeft.padEnd(room, ' ') + right;
}
