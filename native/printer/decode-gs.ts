import { monoImageFromBytes } from '@app/receipt/logo';
import { barcodeText } from './barcode-data';
import type { DecodedLine, QrErrorLevel } from './decoded-printout';
import type { DecoderContext, Step } from './decoder-context';
import { indexOfNul, lengthPrefixed, unknownCommand, word } from './decoder-context';
import { BARCODE_SYMBOLOGIES, GS_PARAMS, SYMBOLOGIES_2D } from './escpos-command-table';

/** GS k m 0–6: data is NUL-terminated and at most 255 bytes (Epson GS k, function A). */
const MAX_BARCODE_A = 255;
const utf8 = new TextDecoder('utf-8');
/** GS ( k fn 69 n: n 48–51 is error correction L, M, Q, H. */
const QR_LEVELS: readonly QrErrorLevel[] = ['L', 'M', 'Q', 'H'];
/** A 576-dot-wide image 240 dots high, so every logo fits; larger rasters are not kept. */
const MAX_SHOWN_RASTER_BYTES = 72 * 240;

/** GS x …: size, cuts, barcodes, 2D symbols; images and the rest skipped by their length. */
export function decodeGs(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const cmd = b[i + 1];
  if (cmd === undefined) return 'more';
  switch (cmd) {
    case 0x56:
      return cut(ctx, b, i);
    case 0x28:
      return b[i + 2] === 0x6b ? symbol2d(ctx, b, i) : lengthPrefixed(ctx, b, i);
    case 0x6b:
      return barcode(ctx, b, i);
    case 0x76:
      return raster(ctx, b, i);
    case 0x2a:
      // GS * x y d…: a downloaded bit image of x × y × 8 bytes.
      if (i + 4 > b.length) return 'more';
      return ctx.skip(4, (b[i + 2] ?? 0) * (b[i + 3] ?? 0) * 8);
    case 0x38:
      // GS 8 L p1 p2 p3 p4 …: graphics data with a 32-bit length.
      if (i + 7 > b.length) return 'more';
      if (b[i + 2] !== 0x4c) return unknownCommand(ctx, 'GS 8', b[i + 2] ?? 0);
      return ctx.skip(7, word(b, i + 3) + word(b, i + 5) * 0x10000);
  }
  const params = GS_PARAMS.get(cmd);
  if (params === undefined) return unknownCommand(ctx, 'GS', cmd);
  if (i + 2 + params > b.length) return 'more';
  const n = b[i + 2] ?? 0;
  if (cmd === 0x21) {
    // GS ! n: width multiplier in the high nibble, height in the low, each 1–8.
    ctx.page.style.size = Math.max((n >> 4) + 1, (n & 0x0f) + 1);
  }
  // GS w n: bar module 2–6 dots (Epson accepts 1–6 on some models); GS h n: height 1–255.
  if (cmd === 0x77 && n >= 1 && n <= 6) ctx.symbolStyle.barModuleDots = n;
  if (cmd === 0x68 && n >= 1) ctx.symbolStyle.barHeightDots = n;
  return 2 + params;
}

/**
 * GS v 0 m xL xH yL yH d…: a raster image x bytes wide and y dots high (a logo). One the
 * size of a logo is shown on the page; a bigger one is passed over as it arrives.
 */
function raster(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  if (i + 8 > b.length) return 'more';
  if (b[i + 2] !== 0x30) return unknownCommand(ctx, 'GS v', b[i + 2] ?? 0);
  const xBytes = word(b, i + 4);
  const heightDots = word(b, i + 6);
  const size = xBytes * heightDots;
  if (size === 0 || size > MAX_SHOWN_RASTER_BYTES) return ctx.skip(8, size);
  if (i + 8 + size > b.length) return 'more';
  ctx.page.addSymbol({
    kind: 'image',
    ...monoImageFromBytes(xBytes * 8, heightDots, b.subarray(i + 8, i + 8 + size)),
  });
  return 8 + size;
}

/** GS V m [n]: m 0/1/48/49 cut; 65/66, 97/98 and 103/104 take a feed amount n first. */
function cut(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const m = b[i + 2];
  if (m === undefined) return 'more';
  if ([0, 1, 48, 49].includes(m)) {
    ctx.cut();
    return 3;
  }
  if ([65, 66, 97, 98, 103, 104].includes(m)) {
    if (i + 4 > b.length) return 'more';
    ctx.cut();
    return 4;
  }
  ctx.warn(`GS V ${String(m)}: no such cut`);
  return 3;
}

/** GS ( k pL pH cn fn …: 2D symbols. fn 65–69 set them up, fn 80 stores data, fn 81 prints. */
function symbol2d(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  if (i + 5 > b.length) return 'more';
  const length = word(b, i + 3);
  if (i + 5 + length > b.length) return 'more';
  const cn = b[i + 5] ?? 0;
  const fn = b[i + 6] ?? 0;
  const name = SYMBOLOGIES_2D.get(cn);
  if (length < 2 || name === undefined) {
    ctx.warn(`GS ( k: unsupported symbol ${String(cn)}`);
    return 5 + length;
  }
  const n = b[i + 7] ?? 0;
  // QR set-up (cn 49): fn 65 model 49–51, fn 67 module size 1–16, fn 69 error level 48–51.
  const style = ctx.symbolStyle;
  if (cn === 49 && fn === 65 && (n < 49 || n > 51)) ctx.warn(`QR model ${String(n)} unknown`);
  if (cn === 49 && fn === 67) {
    if (n < 1 || n > 16) ctx.warn(`QR size ${String(n)} invalid`);
    else style.qrModuleDots = n;
  }
  if (cn === 49 && fn === 69) {
    const level = QR_LEVELS[n - 48];
    if (level === undefined) ctx.warn(`QR level ${String(n)} invalid`);
    else style.qrErrorLevel = level;
  }
  // fn 80: pL pH cn 80 m d… (m = 48); the data follows m.
  if (fn === 80) ctx.stored.set(cn, b.slice(i + 8, i + 5 + length));
  if (fn === 81) {
    const data = ctx.stored.get(cn);
    if (data === undefined) ctx.warn(`${name} print without stored data: nothing printed`);
    else if (cn === 49) {
      ctx.page.addSymbol({
        kind: 'qr',
        data: utf8.decode(data),
        moduleDots: style.qrModuleDots,
        errorLevel: style.qrErrorLevel,
      });
    } else ctx.page.addSymbol(barcodeLine(ctx, utf8.decode(data), name));
  }
  return 5 + length;
}

/** GS k m d… NUL (m 0–6, function A) or GS k m n d1…dn (m 65–79, function B). */
function barcode(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const m = b[i + 2];
  if (m === undefined) return 'more';
  const symbology = BARCODE_SYMBOLOGIES.get(m);
  if (symbology === undefined) {
    ctx.warn(`GS k ${String(m)}: no such barcode type`);
    return 3;
  }
  let data: Uint8Array;
  let used: number;
  if (m <= 6) {
    const end = indexOfNul(b, i + 3, MAX_BARCODE_A + 1);
    if (end === 'more') return 'more';
    if (end === -1) {
      ctx.warn('GS k: barcode data not terminated');
      return 3;
    }
    data = b.subarray(i + 3, end);
    used = end + 1 - i;
  } else {
    const n = b[i + 3];
    if (n === undefined || i + 4 + n > b.length) return 'more';
    data = b.subarray(i + 4, i + 4 + n);
    used = 4 + n;
  }
  if (data.length === 0) ctx.warn(`GS k: empty ${symbology} barcode`);
  else ctx.page.addSymbol(barcodeLine(ctx, barcodeText(m, data), symbology));
  return used;
}

function barcodeLine(ctx: DecoderContext, data: string, symbology: string): DecodedLine {
  const { barModuleDots, barHeightDots } = ctx.symbolStyle;
  return { kind: 'barcode', data, symbology, moduleDots: barModuleDots, heightDots: barHeightDots };
}
