import type { MonoImage } from './logo';
import { columnsFor } from './receipt-document';
import type { PaperWidth, ReceiptBlock, ReceiptDocument } from './receipt-document';

/** The Chinese sample every printer must print, in GB18030; it fits one 58 mm line. */
export const CHINESE_SAMPLE = '中文测试：合计￥12.34 找零①②';

export interface TestPageInfo {
  paperWidth: PaperWidth;
  /** "TCP 192.168.1.50:9100", "Simulated printer". */
  printer: string;
  /** Local date and time, already formatted. */
  printedAt: string;
  appVersion: string;
  /** The shop logo, when one is set: the test page shows it prints. */
  logo: MonoImage | null;
}

/**
 * The technician's test page: a width ruler (the last column must be the last on the paper),
 * the printable ASCII table, the Chinese sample, bold and double size, both barcodes, a QR
 * code and a cut. Each part fails visibly on a misconfigured printer.
 */
export function testPage(info: TestPageInfo): ReceiptDocument {
  const columns = columnsFor(info.paperWidth);
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: 'Countertop 打印测试页', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: 'PRINTER TEST PAGE', align: 'center' },
    { kind: 'rule' },
    { kind: 'columns', left: 'Printer', right: info.printer },
    {
      kind: 'columns',
      left: 'Paper',
      right: `${String(info.paperWidth)} mm, ${String(columns)} columns`,
    },
    { kind: 'columns', left: 'Printed', right: info.printedAt },
    { kind: 'columns', left: 'App', right: info.appVersion },
    { kind: 'rule' },
    { kind: 'text', text: widthRuler(columns) },
    { kind: 'text', text: 'Code page (printable ASCII):' },
    ...asciiTable().map((text): ReceiptBlock => ({ kind: 'text', text })),
    { kind: 'rule' },
    { kind: 'text', text: 'GB18030:' },
    { kind: 'text', text: CHINESE_SAMPLE },
    { kind: 'text', text: '粗体 Bold', bold: true },
    { kind: 'text', text: '倍大 Large', size: 2 },
    { kind: 'rule' },
    { kind: 'barcode', data: '6901234567892', symbology: 'ean13' },
    { kind: 'barcode', data: 'CT-TEST-0001', symbology: 'code128' },
    { kind: 'qr', data: 'https://countertop.invalid/test-page' },
    ...(info.logo ? [{ kind: 'image', image: info.logo } as const] : []),
    { kind: 'text', text: 'END OF TEST PAGE', align: 'center' },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
  return { paperWidth: info.paperWidth, blocks };
}

/** "1234567890123…" to the paper's width: a wrapped or cut ruler means a wrong width. */
function widthRuler(columns: number): string {
  return Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
}

/** 0x20–0x7E in rows of 16 (the first row starts with a space), each labelled in hex. */
function asciiTable(): string[] {
  const rows: string[] = [];
  for (let row = 0x20; row < 0x80; row += 0x10) {
    let text = '';
    for (let code = row; code < row + 0x10 && code < 0x7f; code += 1) {
      text += String.fromCharCode(code);
    }
    rows.push(`${row.toString(16).toUpperCase()} ${text}`);
  }
  return rows;
}
