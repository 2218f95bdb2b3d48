import iconv from 'iconv-lite';
import { CODE_PAGES } from './escpos-command-table';
import type { DecoderContext, Step } from './decoder-context';

const REPLACEMENT = '\ufffd';
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]+$/u;

/** A byte 0x80–0xFF of text: GB18030 in Chinese mode (FS &), else the ESC t code page. */
export function decodeHighByte(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  if (ctx.chinese) return gb18030(ctx, b, i);
  ctx.page.addText(codePageTable(ctx.codePage)?.[(b[i] ?? 0) - 0x80] ?? REPLACEMENT);
  return 1;
}

/** GB18030: two bytes (lead 81–FE, trail 40–7E or 80–FE) or four (81–FE 30–39 81–FE 30–39). */
function gb18030(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const lead = b[i] ?? 0;
  const second = b[i + 1];
  if (lead === 0x80 || lead === 0xff) return invalid(ctx, lead);
  if (second === undefined) return 'more';
  let length = 0;
  if ((second >= 0x40 && second <= 0x7e) || (second >= 0x80 && second <= 0xfe)) length = 2;
  else if (second >= 0x30 && second <= 0x39) {
    const third = b[i + 2];
    const fourth = b[i + 3];
    if (third === undefined || fourth === undefined) return 'more';
    if (third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39) length = 4;
  }
  if (length === 0) return invalid(ctx, lead);
  const char = iconv.decode(Buffer.from(b.subarray(i, i + length)), 'gb18030');
  // Unassigned four-byte codes decode to controls or lone surrogates: nothing printable.
  ctx.page.addText(PRINTABLE.test(char) ? char : REPLACEMENT);
  return length;
}

/** A lead byte without a valid trail: one unprintable character, and the next byte stands. */
function invalid(ctx: DecoderContext, lead: number): Step {
  ctx.warn(`invalid GB18030 byte 0x${lead.toString(16)} in Chinese mode`);
  ctx.page.addText(REPLACEMENT);
  return 1;
}

const tables = new Map<number, string[]>();

/** The characters 0x80–0xFF of an ESC t code page, or undefined for one we cannot show. */
export function codePageTable(n: number): string[] | undefined {
  const name = CODE_PAGES.get(n);
  if (name === undefined) return undefined;
  let table = tables.get(n);
  if (!table) {
    const high = Buffer.from(Array.from({ length: 128 }, (_, k) => 0x80 + k));
    table = Array.from(iconv.decode(high, name));
    tables.set(n, table);
  }
  return table;
}
