/**
 * Parameter byte counts of the fixed-length ESC/POS commands, after their two-byte prefix
 * (Epson ESC/POS Application Programming Guide, "Command list"). The decoder uses them to
 * skip commands it does not act on without mistaking their parameters for text. Commands
 * with a length of their own (images, GS ( …, barcodes) are handled in the decoder.
 */
export const ESC_PARAMS: ReadonlyMap<number, number> = new Map([
  [0x0c, 0], // ESC FF: print the page (page mode)
  [0x20, 1], // ESC SP n: right-side character spacing
  [0x21, 1], // ESC ! n: print mode (font, bold, double height/width)
  [0x24, 2], // ESC $ nL nH: absolute position
  [0x25, 1], // ESC % n: user-defined character set on/off
  [0x2d, 1], // ESC - n: underline
  [0x32, 0], // ESC 2: default line spacing
  [0x33, 1], // ESC 3 n: line spacing
  [0x3d, 1], // ESC = n: select peripheral (printer or customer display)
  [0x3f, 1], // ESC ? n: cancel a user-defined character
  [0x40, 0], // ESC @: initialize
  [0x45, 1], // ESC E n: emphasized (bold)
  [0x47, 1], // ESC G n: double strike
  [0x4a, 1], // ESC J n: feed n dots
  [0x4b, 1], // ESC K n: reverse feed n dots (some models)
  [0x4c, 0], // ESC L: page mode
  [0x4d, 1], // ESC M n: font
  [0x52, 1], // ESC R n: international character set
  [0x53, 0], // ESC S: standard mode
  [0x54, 1], // ESC T n: print direction (page mode)
  [0x55, 1], // ESC U n: unidirectional printing
  [0x56, 1], // ESC V n: 90° rotation
  [0x57, 8], // ESC W xL xH yL yH dxL dxH dyL dyH: print area (page mode)
  [0x5c, 2], // ESC \ nL nH: relative position
  [0x61, 1], // ESC a n: justification
  [0x63, 2], // ESC c 3 n, ESC c 4 n, ESC c 5 n: paper sensors, panel buttons
  [0x64, 1], // ESC d n: print and feed n lines
  [0x65, 1], // ESC e n: print and reverse feed n lines
  [0x69, 0], // ESC i: partial cut (legacy)
  [0x6d, 0], // ESC m: partial cut (legacy)
  [0x70, 3], // ESC p m t1 t2: drawer kick pulse
  [0x72, 1], // ESC r n: print colour
  [0x74, 1], // ESC t n: character code table
  [0x75, 1], // ESC u n: peripheral status (legacy)
  [0x76, 0], // ESC v: paper sensor status (legacy)
  [0x7b, 1], // ESC { n: upside-down printing
]);

export const GS_PARAMS: ReadonlyMap<number, number> = new Map([
  [0x21, 1], // GS ! n: character size
  [0x24, 2], // GS $ nL nH: absolute vertical position (page mode)
  [0x2f, 1], // GS / m: print the downloaded bit image
  [0x3a, 0], // GS :: start/end of macro definition
  [0x42, 1], // GS B n: white/black reverse
  [0x45, 1], // GS E n: print speed / head control
  [0x48, 1], // GS H n: barcode HRI position
  [0x49, 1], // GS I n: printer ID request
  [0x4c, 2], // GS L nL nH: left margin
  [0x50, 2], // GS P x y: motion units
  [0x54, 1], // GS T n: set print position to the beginning of the line
  [0x57, 2], // GS W nL nH: print area width
  [0x5c, 2], // GS \ nL nH: relative vertical position (page mode)
  [0x5e, 3], // GS ^ r t m: execute macro
  [0x61, 1], // GS a n: automatic status back
  [0x62, 1], // GS b n: smoothing
  [0x63, 0], // GS c: print counter
  [0x66, 1], // GS f n: HRI font
  [0x67, 4], // GS g 0 m nL nH, GS g 2 m nL nH: maintenance counters
  [0x68, 1], // GS h n: barcode height
  [0x6a, 1], // GS j n: automatic status back (ink)
  [0x72, 1], // GS r n: status request
  [0x77, 1], // GS w n: barcode module width
]);

export const FS_PARAMS: ReadonlyMap<number, number> = new Map([
  [0x21, 1], // FS ! n: Kanji print mode
  [0x26, 0], // FS &: Kanji (Chinese) character mode on
  [0x2d, 1], // FS - n: Kanji underline
  [0x2e, 0], // FS .: Kanji character mode off
  [0x32, 74], // FS 2 c1 c2 d1…d72: define a user-defined 24×24 Kanji character
  [0x43, 1], // FS C n: Kanji code system
  [0x53, 2], // FS S n1 n2: Kanji spacing
  [0x57, 1], // FS W n: Kanji quadruple size
  [0x70, 2], // FS p n m: print an NV bit image
]);

/** GS k m: the symbology of each barcode type, function A (0–6) and function B (65–79). */
export const BARCODE_SYMBOLOGIES: ReadonlyMap<number, string> = new Map([
  [0, 'upca'],
  [1, 'upce'],
  [2, 'ean13'],
  [3, 'ean8'],
  [4, 'code39'],
  [5, 'itf'],
  [6, 'codabar'],
  [65, 'upca'],
  [66, 'upce'],
  [67, 'ean13'],
  [68, 'ean8'],
  [69, 'code39'],
  [70, 'itf'],
  [71, 'codabar'],
  [72, 'code93'],
  [73, 'code128'],
  [74, 'gs1-128'],
  [75, 'gs1-databar-omni'],
  [76, 'gs1-databar-truncated'],
  [77, 'gs1-databar-limited'],
  [78, 'gs1-databar-expanded'],
  [79, 'code128-auto'],
]);

/** GS ( k cn: the two-dimensional symbologies (cn 49 is QR, printed as its own line kind). */
export const SYMBOLOGIES_2D: ReadonlyMap<number, string> = new Map([
  [48, 'pdf417'],
  [49, 'qr'],
  [50, 'maxicode'],
  [53, 'aztec'],
  [54, 'datamatrix'],
]);

/** ESC t n: character code tables, as iconv-lite names (Epson "Character code tables"). */
export const CODE_PAGES: ReadonlyMap<number, string> = new Map([
  [0, 'cp437'],
  [2, 'cp850'],
  [3, 'cp860'],
  [4, 'cp863'],
  [5, 'cp865'],
  [16, 'windows1252'],
  [17, 'cp866'],
  [18, 'cp852'],
  [19, 'cp858'],
]);
