export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

/** What a printer would have put on paper, decoded from the bytes it received. */
export type DecodedLine =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; size: number }
  /** QR: module size (GS ( k fn 67) and error correction (fn 69) as set when it printed. */
  | { kind: 'qr'; data: string; moduleDots: number; errorLevel: QrErrorLevel }
  /** 1D (GS k) and other 2D symbols; bar width (GS w) and height (GS h) in dots. */
  | { kind: 'barcode'; data: string; symbology: string; moduleDots: number; heightDots: number }
  /** A raster image (GS v 0): dots as in app/receipt/logo. */
  | { kind: 'image'; widthDots: number; heightDots: number; bitsHex: string };

export interface DecodedPage {
  lines: DecodedLine[];
  /** The page ended with a cut (GS V); false for a page still on the printer. */
  cut: boolean;
}

export interface DrawerKick {
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}

export interface DecodedPrintout {
  pages: DecodedPage[];
  drawerKicks: DrawerKick[];
  /** DLE EOT n status requests, by n. */
  statusRequests: number[];
  warnings: string[];
}
