/**
 * The shop logo as a receipt printer takes it: one bit per dot, 1 = black, rows top to
 * bottom, each row `widthDots / 8` bytes with the leftmost dot in the high bit (the layout of
 * ESC/POS GS v 0). Stored as hex so it lives in settings JSON and crosses the API as text.
 */
export interface MonoImage {
  widthDots: number;
  heightDots: number;
  bitsHex: string;
}

/** 58 mm paper prints 384 dots at 203 dpi: a logo that fits it fits 80 mm paper too. */
export const MAX_LOGO_WIDTH_DOTS = 384;
/** About 3 cm of paper: enough for a logo, short enough not to waste a roll. */
export const MAX_LOGO_HEIGHT_DOTS = 240;

/** Why an image cannot be printed as a logo, or null when it can. */
export function monoImageProblem(image: MonoImage): string | null {
  const { widthDots, heightDots, bitsHex } = image;
  if (!Number.isInteger(widthDots) || widthDots <= 0 || widthDots % 8 !== 0) {
    return 'width must be a positive multiple of 8 dots';
  }
  if (widthDots > MAX_LOGO_WIDTH_DOTS) return `wider than ${String(MAX_LOGO_WIDTH_DOTS)} dots`;
  if (!Number.isInteger(heightDots) || heightDots <= 0) return 'height must be positive';
  if (heightDots > MAX_LOGO_HEIGHT_DOTS) return `taller than ${String(MAX_LOGO_HEIGHT_DOTS)} dots`;
  if (bitsHex.length !== (widthDots / 8) * heightDots * 2 || !/^[0-9a-f]*$/.test(bitsHex)) {
    return 'bits do not match the size';
  }
  return null;
}

export function monoImageBytes(image: MonoImage): Uint8Array {
  const bytes = new Uint8Array(image.bitsHex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = parseInt(image.bitsHex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

export function monoImageFromBytes(widthDots: number, heightDots: number, bytes: Uint8Array) {
  let bitsHex = '';
  for (const byte of bytes) bitsHex += byte.toString(16).padStart(2, '0');
  return { widthDots, heightDots, bitsHex };
}

/** Whether the dot at (x, y) is black. */
export function isBlack(image: MonoImage, bytes: Uint8Array, x: number, y: number): boolean {
  const byte = bytes[y * (image.widthDots / 8) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/**
 * An RGBA picture (a canvas's ImageData) as printer dots. Transparent parts are paper, the
 * grey levels are Floyd–Steinberg dithered so photos and gradients keep their shading on a
 * printer that has only black, and the width is padded with white to a whole byte.
 * Integer arithmetic throughout: the same picture always gives the same dots.
 */
export function ditherToMono(rgba: ArrayLike<number>, width: number, height: number): MonoImage {
  const paddedWidth = Math.ceil(width / 8) * 8;
  // Grey levels 0 (black) to 255 (white), composited over white paper.
  const grey = new Int32Array(paddedWidth * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const [r, g, b, a] = [rgba[at] ?? 0, rgba[at + 1] ?? 0, rgba[at + 2] ?? 0, rgba[at + 3] ?? 0];
      const luminance = Math.floor((299 * r + 587 * g + 114 * b) / 1000);
      grey[y * paddedWidth + x] = Math.floor((luminance * a + 255 * (255 - a)) / 255);
    }
  }
  const bytes = new Uint8Array((paddedWidth / 8) * height);
  for (let y = 0; y < height; y++) {
    // The padding stays paper: error spread into it is never printed.
    for (let x = 0; x < width; x++) {
      const old = grey[y * paddedWidth + x] ?? 255;
      const black = old < 128;
      const byteAt = y * (paddedWidth / 8) + (x >> 3);
      if (black) bytes[byteAt] = (bytes[byteAt] ?? 0) | (0x80 >> (x & 7));
      const error = old - (black ? 0 : 255);
      spread(grey, paddedWidth, height, x + 1, y, (error * 7) >> 4);
      spread(grey, paddedWidth, height, x - 1, y + 1, (error * 3) >> 4);
      spread(grey, paddedWidth, height, x, y + 1, (error * 5) >> 4);
      spread(grey, paddedWidth, height, x + 1, y + 1, error >> 4);
    }
  }
  return monoImageFromBytes(paddedWidth, height, bytes);
}

function spread(grey: Int32Array, width: number, height: number, x: number, y: number, e: number) {
  if (x < 0 || x >= width || y >= height) return;
  grey[y * width + x] = (grey[y * width + x] ?? 0) + e;
}
