import EscPosEncoder from 'esc-pos-encoder';
import iconv from 'iconv-lite';
import { monoImageBytes } from '@app/receipt/logo';
import { columnsFor } from '@app/receipt/receipt-document';
import type { ReceiptBlock, ReceiptDocument } from '@app/receipt/receipt-document';
import { padColumns, wrap } from '@app/receipt/text-width';
import { assertNever } from '@app/util/assert-never';
import { alignCommand, boldCommand, CHINESE_OFF, CHINESE_ON, sizeCommand } from './escpos-commands';
import { checkBarcode, qrCommands } from './symbol-commands';

export interface EncodeOptions {
  /** How non-ASCII text is sent. Only GB18030 (Chinese mode) so far; it is the default. */
  codepage?: 'gb18030';
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** C0 and C1 controls (but not the newline, a hard break) must never reach the printer. */
const CONTROLS = /(?!\n)\p{Cc}/gu;

/**
 * A receipt document as ESC/POS bytes. Layout (wrapping, columns) happens here, measured as
 * the printer prints: in Chinese mode every non-ASCII character is a double-width glyph. The
 * encoder's code pages are single-byte (it turns 合计 into "??"), so a line with non-ASCII
 * text goes raw as GB18030 inside FS & … FS . (HARDWARE.md "Receipts and Chinese text").
 */
export function encodeReceipt(doc: ReceiptDocument, options: EncodeOptions = {}): Uint8Array {
  const codepage = options.codepage ?? 'gb18030';
  const columns = columnsFor(doc.paperWidth);
  // newline '\n': LF alone (the default "\n\r" sends a CR some printers print as a blank).
  const encoder = new EscPosEncoder({ columns, newline: '\n' }).initialize();
  for (const block of doc.blocks) encodeBlock(encoder, block, columns, codepage);
  return encoder.encode();
}

function encodeBlock(
  encoder: EscPosEncoder,
  block: ReceiptBlock,
  columns: number,
  codepage: 'gb18030',
): void {
  const print = (line: string) => printLine(encoder, line, codepage);
  switch (block.kind) {
    case 'text': {
      const size = block.size ?? 1;
      // Style commands go out raw: the encoder applies its own styles only to text it lays
      // out itself, and it cannot lay out Chinese. ESC a aligns on the printer, not by spaces.
      encoder.raw([
        ...alignCommand(block.align ?? 'left'),
        ...boldCommand(block.bold ?? false),
        ...sizeCommand(size),
      ]);
      const lines = wrap(clean(block.text), Math.floor(columns / size), printedWidth);
      for (const line of lines) print(line);
      encoder.raw([...sizeCommand(1), ...boldCommand(false), ...alignCommand('left')]);
      return;
    }
    case 'columns': {
      encoder.raw(boldCommand(block.bold ?? false));
      const left = clean(block.left).replace(/\n/g, ' ');
      const right = clean(block.right).replace(/\n/g, ' ');
      for (const line of padColumns(left, right, columns, printedWidth)) print(line);
      encoder.raw(boldCommand(false));
      return;
    }
    case 'rule':
      print('-'.repeat(columns));
      return;
    case 'feed':
      // The encoder reads newline(0) as one line; a feed of nothing is nothing.
      if (block.lines > 0) encoder.newline(Math.min(Math.floor(block.lines), 255));
      return;
    case 'qr':
      if (PRINTABLE_ASCII.test(block.data)) {
        encoder.align('center').qrcode(block.data, 2, 6, 'm').align('left');
      } else {
        // The encoder sends QR data as ISO-8859-1; anything else goes as UTF-8, which
        // scanners detect (and the decoder reads).
        encoder.raw([
          ...alignCommand('center'),
          ...qrCommands(block.data),
          ...alignCommand('left'),
        ]);
        encoder.newline();
      }
      return;
    case 'barcode': {
      const data = checkBarcode(block.data, block.symbology);
      encoder.align('center').barcode(data, block.symbology, 60).align('left');
      return;
    }
    case 'image': {
      // GS v 0 m xL xH yL yH: a raster of x bytes by y dots, sent as it is stored.
      const { widthDots, heightDots } = block.image;
      const xBytes = widthDots / 8;
      encoder.raw([
        ...alignCommand('center'),
        ...[0x1d, 0x76, 0x30, 0x00, xBytes & 0xff, xBytes >> 8, heightDots & 0xff, heightDots >> 8],
        ...monoImageBytes(block.image),
        ...alignCommand('left'),
      ]);
      return;
    }
    case 'cut':
      encoder.cut('partial'); // GS V 1
      return;
    default:
      assertNever(block, 'receipt block');
  }
}

/**
 * One printed line, already laid out: sent as bytes so the encoder's own word-wrap cannot
 * trim the padding. Non-ASCII text goes out as GB18030 in Chinese mode.
 */
function printLine(encoder: EscPosEncoder, line: string, codepage: 'gb18030'): void {
  if (PRINTABLE_ASCII.test(line)) {
    encoder.raw(Array.from(line, (char) => char.charCodeAt(0))).newline();
    return;
  }
  // FS &: Chinese mode; GB18030 bytes; FS .: back to single-byte mode.
  encoder.raw([...CHINESE_ON, ...iconv.encode(line, codepage), ...CHINESE_OFF]).newline();
}

/**
 * Columns a line takes on a GB18030 printer: ASCII is half width, and in Chinese mode every
 * other character (even × or é) is a double-byte, full-width glyph.
 */
export function printedWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char < '\x80' ? 1 : 2;
  return width;
}

/**
 * Text a printer can take: ¥ (U+00A5) is four bytes in GB18030 that printers show badly, ￥
 * (a3 a4) prints; control characters (an ESC in a product name) would be printer commands.
 */
function clean(text: string): string {
  return text.replace(/¥/g, '￥').replace(CONTROLS, ' ');
}
