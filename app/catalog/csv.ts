/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, quotes (doubled) and line breaks.
 */

export interface CsvRecord {
  /** 1-based line of the file the record starts on: what the owner's editor shows. */
  line: number;
  fields: string[];
}

/** A record whose quotes never close runs to the end of the file; it is reported, not guessed. */
export interface CsvParse {
  records: CsvRecord[];
  unterminatedAt: number | null;
}

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = (): void => {
    fields.push(field);
    // A blank line is no record (a trailing newline, spacing between blocks).
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { records, unterminatedAt: recordLine };
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { records, unterminatedAt: null };
}

/** A field as CSV: quoted when it holds a comma, quote, line break or edge space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',');
