import type { MonoImage } from './logo';

/**
 * A receipt as a printer-independent document: what to print, not how. The ESC/POS encoder
 * (native/printer) turns it into bytes; the simulated printer decodes those bytes back.
 */
export type ReceiptBlock =
  | {
      kind: 'text';
      text: string;
      align?: 'left' | 'center' | 'right';
      bold?: boolean;
      size?: 1 | 2;
    }
  /** A left and a right part on one line, padded to the paper width (e.g. item ... price). */
  | { kind: 'columns'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string; symbology: 'code128' | 'ean13' }
  /** The shop logo (GS v 0 raster), centred. */
  | { kind: 'image'; image: MonoImage }
  | { kind: 'cut' };

export type PaperWidth = 58 | 80;

/** Characters per line in font A: 58 mm paper holds 32, 80 mm holds 48 (half-width). */
export const columnsFor = (width: PaperWidth): number => (width === 58 ? 32 : 48);

export interface ReceiptDocument {
  paperWidth: PaperWidth;
  blocks: ReceiptBlock[];
}
