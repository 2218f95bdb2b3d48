// Draws Countertop's icon (a receipt on a teal tile) as PNGs in build/: icon.png (1024 px,
// for Windows and macOS) and icons/<n>x<n>.png (the Linux icon set). No image library:
// each pixel is sampled 4×4 times for smooth edges, then written as an RGBA PNG.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const TEAL = [11, 61, 58];
const PAPER = [255, 255, 255];
const INK = [11, 61, 58];

/** Inside a rounded rectangle (all coordinates as fractions of the icon's side)? */
const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

/** The colour at a point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.18)) return null;
  // The receipt, with a zigzag tear along its bottom edge.
  const tooth = 0.06;
  const tear = 0.8 - Math.abs(((x - 0.28) % tooth) - tooth / 2) * 0.8;
  if (x >= 0.28 && x <= 0.72 && y >= 0.2 && y <= tear) {
    const lines = [0.3, 0.38, 0.46, 0.54];
    const onLine = lines.some((top) => y >= top && y <= top + 0.035) && x >= 0.34 && x <= 0.66;
    const total = y >= 0.64 && y <= 0.7 && x >= 0.5 && x <= 0.66;
    return onLine || total ? INK : PAPER;
  }
  return TEAL;
}

function png(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (c) [r, g, b, a] = [r + c[0], g + c[1], b + c[2], a + 1];
        }
      }
      const at = 1 + px * 4;
      if (a > 0) row.set([r / a, g / a, b / a].map(Math.round), at);
      row[at + 3] = Math.round((255 * a) / samples ** 2);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('build/icons', { recursive: true });
writeFileSync('build/icon.png', png(1024));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(`build/icons/${size}x${size}.png`, png(size));
}
console.log('build/icon.png and build/icons/*.png written.');
