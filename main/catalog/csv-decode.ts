import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030';

export interface DecodedCsv {
  encoding: CsvEncoding;
  /** The file as text; what was not valid in the file's encoding reads as U+FFFD. */
  text: string;
  /** 1-based lines that were not valid text in the file's encoding. */
  badLines: Set<number>;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes 0x80 and up: a line of plain ASCII reads the same in both encodings. */
const hasHighBytes = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

const lossyGb18030 = (bytes: Uint8Array): string =>
  iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');

/** GB18030 decoding replaces what is not GB18030 with U+FFFD; a catalog never holds one. */
const gb18030 = (bytes: Uint8Array): string | null => {
  const text = lossyGb18030(bytes);
  return text.includes('\ufffd') ? null : text;
};

/**
 * Reads a CSV file's bytes as UTF-8 (with or without a BOM) or GB18030, the two encodings
 * Chinese spreadsheets save. Line feeds never occur inside a character in either, so the
 * file is judged line by line: with a BOM, or when every line with non-ASCII bytes is valid
 * UTF-8, it is UTF-8; otherwise, when more lines are GB18030 and not UTF-8 than are UTF-8,
 * it is GB18030. Lines that are not valid in the chosen encoding are reported, one by one, so one
 * pasted line in the wrong encoding refuses that row and not the whole file.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  // Most files are valid UTF-8 as a whole: one pass, no line-by-line judging.
  if (isUtf8(body)) return { encoding: 'utf-8', text: fatalUtf8.decode(body), badLines: new Set() };
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === 0x0a) {
      lines.push(body.subarray(start, i));
      start = i + 1;
    }
  }
  const nonAscii = lines.filter(hasHighBytes);
  const utf8Lines = nonAscii.filter(isUtf8).length;
  let encoding: CsvEncoding = 'utf-8';
  if (!hasBom && utf8Lines < nonAscii.length) {
    // Chinese text in UTF-8 is mostly valid GB18030 too (as other characters), so only lines
    // that are GB18030 and not UTF-8 speak for GB18030.
    const gbOnly = nonAscii.filter((line) => !isUtf8(line) && gb18030(line) !== null).length;
    if (gbOnly > utf8Lines) encoding = 'gb18030';
  }
  const badLines = new Set<number>();
  const text = lines
    .map((line, i) => {
      if (!hasHighBytes(line)) return lossyUtf8.decode(line);
      const valid = encoding === 'utf-8' ? isUtf8(line) : gb18030(line) !== null;
      if (!valid) badLines.add(i + 1);
      return encoding === 'utf-8' ? lossyUtf8.decode(line) : lossyGb18030(line);
    })
    .join('\n');
  return { encoding, text, badLines };
}

/** An export's bytes: UTF-8 with a BOM (so spreadsheet programs read the Chinese right) or GB18030. */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM);
  out.set(body, 3);
  return out;
}
