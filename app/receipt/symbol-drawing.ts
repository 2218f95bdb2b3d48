import { toSVG } from 'bwip-js/browser';
import { create } from 'qrcode';

/**
 * What the receipt preview draws for a QR code or barcode the printer was sent: the symbol
 * itself, made from the decoded data by maintained encoders (`qrcode`, `bwip-js`), so a
 * phone can scan the preview as it would scan the paper.
 */

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** A QR code's dark modules and an SVG path of them (one unit per module), quiet zone aside. */
export interface QrDrawing {
  size: number;
  /** "M x y h1v1h-1z" per dark module, for one <path>. */
  path: string;
}

export function qrDrawing(data: string, errorLevel: QrLevel): QrDrawing {
  // Byte mode over UTF-8, as the printer stored the bytes (GS ( k fn 80).
  const { modules } = create([{ data: new TextEncoder().encode(data), mode: 'byte' }], {
    errorCorrectionLevel: errorLevel,
  });
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) path += `M${String(x)} ${String(y)}h1v1h-1z`;
    }
  }
  return { size: modules.size, path };
}

/** ESC/POS symbology names (as the decoder reports them) → bwip-js encoder ids. */
const BCIDS: Readonly<Record<string, string>> = {
  upca: 'upca',
  upce: 'upce',
  ean13: 'ean13',
  ean8: 'ean8',
  code39: 'code39',
  itf: 'interleaved2of5',
  codabar: 'rationalizedCodabar',
  code93: 'code93',
  code128: 'code128',
  'code128-auto': 'code128',
  'gs1-128': 'gs1-128',
  'gs1-databar-omni': 'databaromni',
  'gs1-databar-truncated': 'databartruncated',
  'gs1-databar-limited': 'databarlimited',
  'gs1-databar-expanded': 'databarexpanded',
  pdf417: 'pdf417',
  datamatrix: 'datamatrix',
  aztec: 'azteccode',
  maxicode: 'maxicode',
};

/** bwip-js draws 72 points to the inch: its `height` is in millimetres of that. */
const UNITS_PER_MM = 72 / 25.4;

/**
 * A barcode as an SVG document whose unit is one bar module, bars `heightModules` high; null
 * for a symbology the preview cannot draw or data its encoder refuses (bad check digit).
 * Only bars: the human-readable line is the caller's, as plain text.
 */
export function barcodeSvg(
  symbology: string,
  data: string,
  heightModules: number,
): { svg: string; widthModules: number; heightModules: number } | null {
  const bcid = BCIDS[symbology];
  if (bcid === undefined) return null;
  try {
    const svg = toSVG({
      bcid,
      text: data,
      scale: 1,
      height: heightModules / UNITS_PER_MM,
      includetext: false,
    });
    const box = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
    if (!box) return null;
    return { svg, widthModules: Number(box[1]), heightModules: Number(box[2]) };
  } catch {
    return null;
  }
}
