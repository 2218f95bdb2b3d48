/** What a printer would have put on paper, decoded from the bytes it received. */
export type DecodedLine =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; size: number }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string; symbology: string }
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
