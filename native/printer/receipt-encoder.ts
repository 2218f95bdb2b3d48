import EscPosEncoder from 'esc-pos-encoder';
import iconv from 'iconv-lite';
import { columnsFor } from '@app/receipt/receipt-document';
import type { ReceiptBlock, ReceiptDocument } from '@app/receipt/receipt-document';
import { padColumns, wrap } from '@app/receipt/text-width';
import { assertNever } from '@app/util/assert-never';
import { alignCommand, boldCommand, CHINESE_OFF, CHINESE_ON, sizeCommand } from './escpos-commands';

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * A receipt document as ESC/POS bytes. Layout (wrapping, columns) is done here by display
 * width, so Chinese characters count two columns. The encoder's code pages are single-byte
 * (it turns 合计 into "??"), so any non-ASCII line goes raw as GB18030 inside FS & … FS .
 * (HARDWARE.md "Receipts and Chinese text").
 */
export function encodeReceipt(doc: ReceiptDocument): Uint8Array {
  const columns = columnsFor(doc.paperWidth);
  const encoder = new EscPosEncoder({ columns, newline: '\n' }).initialize();
  for (const block of doc.blocks) encodeBlock(encoder, block, columns);
  return encoder.encode();
}

function encodeBlock(encoder: EscPosEncoder, block: ReceiptBlock, columns: number): void {
  switch (block.kind) {
    case 'text': {
      const size = block.size ?? 1;
      // Styles go out as commands of their own: the encoder's styles reach only its own text.
      encoder.raw([
        ...alignCommand(block.align ?? 'left'),
        ...boldCommand(block.bold ?? false),
        ...sizeCommand(size),
      ]);
      for (const line of wrap(block.text, Math.floor(columns / size))) printLine(encoder, line);
      encoder.raw([...sizeCommand(1), ...boldCommand(false), ...alignCommand('left')]);
      return;
    }
    case 'columns':
      encoder.raw(boldCommand(block.bold ?? false));
      for (const line of padColumns(block.left, block.right, columns)) printLine(encoder, line);
      encoder.raw(boldCommand(false));
      return;
    case 'rule':
      printLine(encoder, '-'.repeat(columns));
      return;
    case 'feed':
      encoder.newline(block.lines);
      return;
    case 'qr':
      encoder.raw(alignCommand('center')).qrcode(block.data, 2, 6, 'm').raw(alignCommand('left'));
      return;
    case 'barcode':
      encoder
        .raw(alignCommand('center'))
        .barcode(block.data, block.symbology, 60)
        .raw(alignCommand('left'));
      return;
    case 'cut':
      encoder.cut('partial');
      return;
    default:
      assertNever(block, 'receipt block');
  }
}

/**
 * One printed line, already laid out: sent as bytes so the encoder's own word-wrap cannot
 * trim the padding. Non-ASCII text goes out as GB18030 in Chinese mode.
 */
function printLine(encoder: EscPosEncoder, line: string): void {
  if (ASCII_ONLY.test(line)) {
    encoder.raw(Array.from(line, (char) => char.charCodeAt(0))).newline();
    return;
  }
  // ¥ (U+00A5) has no GB18030 two-byte form printers show well; ￥ (a3 a4) does.
  const bytes = iconv.encode(line.replace(/¥/g, '￥'), 'gb18030');
  encoder.raw([...CHINESE_ON, ...bytes, ...CHINESE_OFF]).newline();
}
