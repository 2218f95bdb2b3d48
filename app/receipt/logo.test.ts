import { describe, expect, it } from 'vitest';
import { ditherToMono, isBlack, monoImageBytes, monoImageProblem } from './logo';

/** An RGBA picture from a function of (x, y) giving [grey, alpha]. */
const picture = (width: number, height: number, at: (x: number, y: number) => [number, number]) => {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [grey, alpha] = at(x, y);
      rgba.set([grey, grey, grey, alpha], (y * width + x) * 4);
    }
  }
  return rgba;
};
const dots = (image: ReturnType<typeof ditherToMono>) => {
  const bytes = monoImageBytes(image);
  const rows: string[] = [];
  for (let y = 0; y < image.heightDots; y++) {
    let row = '';
    for (let x = 0; x < image.widthDots; x++) row += isBlack(image, bytes, x, y) ? '#' : '.';
    rows.push(row);
  }
  return rows;
};

describe('the shop logo as printer dots', () => {
  it('prints black as dots, white and transparent as paper, and pads to a whole byte', () => {
    // A 10-dot-wide picture: black left half, white right half, transparent bottom row.
    const image = ditherToMono(
      picture(10, 3, (x, y) => [x < 5 ? 0 : 255, y === 2 ? 0 : 255]),
      10,
      3,
    );
    expect(image.widthDots).toBe(16);
    expect(dots(image)).toEqual(['#####...........', '#####...........', '................']);
    expect(monoImageProblem(image)).toBeNull();
  });

  it('keeps a mid grey as about half the dots (dithered, not thresholded to nothing)', () => {
    const image = ditherToMono(
      picture(64, 64, () => [128, 255]),
      64,
      64,
    );
    const black = dots(image).join('').split('#').length - 1;
    expect(black).toBeGreaterThan(64 * 64 * 0.45);
    expect(black).toBeLessThan(64 * 64 * 0.55);
  });

  it('refuses sizes a printer cannot take', () => {
    const ok = { widthDots: 8, heightDots: 1, bitsHex: 'ff' };
    expect(monoImageProblem(ok)).toBeNull();
    expect(monoImageProblem({ ...ok, widthDots: 12 })).toMatch(/multiple of 8/);
    expect(monoImageProblem({ ...ok, widthDots: 392, bitsHex: 'ff'.repeat(49) })).toMatch(/wider/);
    expect(monoImageProblem({ widthDots: 8, heightDots: 241, bitsHex: 'ff'.repeat(241) })).toMatch(
      /taller/,
    );
    expect(monoImageProblem({ ...ok, bitsHex: 'fff' })).toMatch(/match/);
    expect(monoImageProblem({ ...ok, bitsHex: 'zz' })).toMatch(/match/);
  });
});
