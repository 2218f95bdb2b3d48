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

/** How many columns a string takes; layout functions accept another measure (a printer's). */
export type Measure = (text: string) => number;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/**
 * Breaks text into lines of at most `columns` display columns, at spaces where it can.
 * A newline in the text is a hard break. A character wider than the whole line (a Chinese
 * character on a 1-column line) still gets a line of its own rather than being lost.
 */
export function wrap(text: string, columns: number, measure: Measure = displayWidth): string[] {
  const width = Math.max(1, Math.floor(columns));
  return text.split(/\r\n|\r|\n/).flatMap((paragraph) => wrapParagraph(paragraph, width, measure));
}

function wrapParagraph(text: string, columns: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/(?<= )/)) {
    // A trailing space may hang past the edge: it is trimmed when the line ends.
    if (width + measure(word.trimEnd()) <= columns) {
      line += word;
      width += measure(word);
      continue;
    }
    if (line.trimEnd() !== '') lines.push(line.trimEnd());
    line = '';
    width = 0;
    // A word longer than a line (Chinese has no spaces) breaks between characters.
    for (const char of word) {
      const charColumns = measure(char);
      if (width + charColumns > columns && line !== '') {
        lines.push(line.trimEnd());
        line = '';
        width = 0;
      }
      line += char;
      width += charColumns;
    }
  }
  if (line.trimEnd() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A left and a right part on one line (item … price), the right part flush right. When both
 * do not fit, the left part wraps and the right part goes on the last line (or on a line of
 * its own, flush right, when the last left line leaves no room for it).
 */
export function padColumns(
  left: string,
  right: string,
  columns: number,
  measure: Measure = displayWidth,
): string[] {
  const rightWidth = measure(right);
  const beside = columns - rightWidth - 1;
  // A right part too wide to share the line sensibly gets a line of its own below the left.
  const leftLines = wrap(left, beside >= columns / 2 ? beside : columns, measure);
  const last = leftLines.pop() ?? '';
  const gap = columns - measure(last) - rightWidth;
  if (gap >= 1 || (last === '' && gap >= 0)) return [...leftLines, last + ' '.repeat(gap) + right];
  return [...leftLines, last, ' '.repeat(Math.max(columns - rightWidth, 0)) + right];
}
