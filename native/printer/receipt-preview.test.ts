import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { barcodeSvg, qrDrawing } from '@app/receipt/symbol-drawing';
import type { QrLevel } from '@app/receipt/symbol-drawing';
import { decodeEscPos } from './escpos-decoder';
import { encodeReceipt } from './receipt-encoder';
import { sampleReceipt } from './sample-receipt';

/** The drawing as a scanner's camera would see it: 4 px a module, a 4-module quiet zone. */
function rasterize(drawing: { size: number; path: string }): {
  rgba: Uint8ClampedArray;
  side: number;
} {
  const px = 4;
  const side = (drawing.size + 8) * px;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y] of drawing.path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < px; dy++) {
      for (let dx = 0; dx < px; dx++) {
        const at = ((Number(y) + 4) * px + dy) * side + (Number(x) + 4) * px + dx;
        rgba.fill(0, at * 4, at * 4 + 3);
      }
    }
  }
  return { rgba, side };
}

const scanQr = (data: string, level: QrLevel): string | null => {
  const { rgba, side } = rasterize(qrDrawing(data, level));
  return jsQR(rgba, side, side)?.data ?? null;
};

describe('the receipt preview, drawn from the bytes the printer got', () => {
  const lines = decodeEscPos(encodeReceipt(sampleReceipt())).pages[0]!.lines;

  it('draws the receipt’s QR code so it scans back to the sale id', () => {
    const qr = lines.find((l) => l.kind === 'qr');
    expect(qr).toMatchObject({ moduleDots: 6, errorLevel: 'M' });
    if (qr?.kind !== 'qr') throw new Error('no QR on the receipt');
    expect(scanQr(qr.data, qr.errorLevel)).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it.each(['L', 'M', 'Q', 'H'] as const)('keeps UTF-8 data whole at level %s', (level) => {
    expect(scanQr('https://例子.cn/收据?id=7', level)).toBe('https://例子.cn/收据?id=7');
  });

  it('draws the receipt’s EAN-13 as its 95 modules of bars', () => {
    const barcode = lines.find((l) => l.kind === 'barcode');
    if (barcode?.kind !== 'barcode') throw new Error('no barcode on the receipt');
    const drawn = barcodeSvg(barcode.symbology, barcode.data, 30);
    expect(drawn).not.toBeNull();
    const bars = [...(drawn?.svg ?? '').matchAll(/M(\d+\.\d+) /g)].map((m) => Number(m[1]));
    // Guard bars at both ends: the first module and the 95th are dark.
    expect(Math.min(...bars)).toBe(0.5);
    expect(Math.max(...bars)).toBe(94.5);
    expect(drawn?.heightModules).toBeGreaterThanOrEqual(29);
    expect(drawn?.svg).not.toMatch(/<text|script/i);
  });

  it('draws nothing for data a scanner could not read or a symbology it does not know', () => {
    expect(barcodeSvg('ean13', '4006381333932', 30)).toBeNull();
    expect(barcodeSvg('no-such', '123', 30)).toBeNull();
    expect(barcodeSvg('code128', 'A-{1-2', 30)).not.toBeNull();
  });
});
