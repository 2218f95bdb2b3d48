/**
 * Printed width of text in font-A columns: CJK and full-width characters take two columns
 * on ESC/POS printers, everything else one. Receipt layout measures with this, not length.
 */
export function charWidth(codePoint: number): 1 | 2 {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) || // Hangul Jamo
    (codePoint >= 0x2e80 && codePoint <= 0x303e) || // CJK radicals, punctuation
    (codePoint >= 0x3041 && codePoint <= 0x33ff) || // kana, CJK symbols
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) || // CJK extension A
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) || // CJK unified ideographs
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) || // Yi
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || // Hangul syllables
    (codePoint >= 0xf900 && codePoint <= 0xfaff) || // CJK compatibility ideographs
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || // CJK compatibility forms
    (codePoint >= 0xff00 && codePoint <= 0xff60) || // full-width forms (￥, （）)
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** Breaks text into lines of at most `columns` display columns, at spaces where it can. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/(?<= )/)) {
    // A trailing space may hang past the edge: it is trimmed when the line ends.
    if (width + displayWidth(word.trimEnd()) <= columns) {
      line += word;
      width += displayWidth(word);
      continue;
    }
    if (line.trimEnd() !== '') lines.push(line.trimEnd());
    line = '';
    width = 0;
    // A word longer than a line (Chinese has no spaces) breaks between characters.
    for (const char of word) {
      const cw = displayWidth(char);
      if (width + cw > columns) {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      line += char;
      width += cw;
    }
  }
  if (line.trimEnd() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A left and a right part on one line (item … price), the right part flush right. When both
 * do not fit, the left part wraps and the right part goes on the last line.
 */
export function padColumns(left: string, right: string, columns: number): string[] {
  const rightWidth = displayWidth(right);
  const leftLines = wrap(left, Math.max(columns - rightWidth - 1, 1));
  const last = leftLines.pop() ?? '';
  const gap = columns - displayWidth(last) - rightWidth;
  if (gap >= 1) return [...leftLines, last + ' '.repeat(gap) + right];
  return [...leftLines, last, ' '.repeat(Math.max(columns - rightWidth, 0)) + right];
}
