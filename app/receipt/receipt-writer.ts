import type { ReceiptBlock } from './receipt-document';

type TextStyle = Omit<Extract<ReceiptBlock, { kind: 'text' }>, 'kind' | 'text'>;

/** The blocks of a receipt being written, and the few ways every receipt adds to them. */
export function receiptWriter() {
  const blocks: ReceiptBlock[] = [];
  return {
    blocks,
    text: (value: string, style: TextStyle = {}) =>
      blocks.push({ kind: 'text', text: value, ...style }),
    columns: (left: string, right: string, bold = false) =>
      blocks.push({ kind: 'columns', left, right, bold }),
    rule: () => blocks.push({ kind: 'rule' }),
  };
}
