import { displayWidth } from '@app/receipt/text-width';
import type { DecodedPage } from '../printer/decoded-printout';

/** A decoded page as plain text for a terminal or a log, one printed line per line. */
export function formatPage(page: DecodedPage, columns = 48): string {
  const lines = page.lines.map((line) => {
    if (line.kind === 'qr') return `[QR ${line.data}]`;
    if (line.kind === 'barcode') return `[${line.symbology} ${line.data}]`;
    if (line.kind === 'image') {
      return `[image ${String(line.widthDots)}×${String(line.heightDots)} dots]`;
    }
    const text = line.bold ? `*${line.text}*` : line.text;
    const pad = Math.max(columns - displayWidth(text) * line.size, 0);
    if (line.align === 'center') return ' '.repeat(Math.floor(pad / 2)) + text;
    if (line.align === 'right') return ' '.repeat(pad) + text;
    return text;
  });
  lines.push(
    page.cut ? '-'.repeat(columns / 2 - 2) + ' cut ' + '-'.repeat(columns / 2 - 3) : '(not cut)',
  );
  return lines.join('\n');
}
