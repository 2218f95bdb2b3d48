import type { ReceiptDocument } from '@app/receipt/receipt-document';

/** A receipt with everything a real one has: Chinese, columns, a QR, a barcode, a cut. */
export const sampleReceipt = (paperWidth: 58 | 80 = 80): ReceiptDocument => ({
  paperWidth,
  blocks: [
    { kind: 'text', text: '便利店 Countertop', align: 'center', bold: true, size: 2 },
    { kind: 'rule' },
    { kind: 'text', text: '可口可乐 330毫升' },
    { kind: 'columns', left: '  2 x 3.50', right: '7.00' },
    { kind: 'text', text: 'Nongfu Spring Natural Water 550ml, the long English name wraps' },
    { kind: 'columns', left: '  1 x 2.00', right: '2.00' },
    { kind: 'rule' },
    { kind: 'columns', left: '合计', right: '￥9.00', bold: true },
    { kind: 'columns', left: '现金', right: '10.00' },
    { kind: 'columns', left: '找零', right: '1.00' },
    { kind: 'qr', data: '0f8fad5b-d9cb-469f-a165-70867728950e' },
    { kind: 'barcode', data: '4006381333931', symbology: 'ean13' },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ],
});
