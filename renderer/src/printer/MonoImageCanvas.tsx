import { useEffect, useRef } from 'react';
import { isBlack, monoImageBytes } from '@app/receipt/logo';
import type { MonoImage } from '@app/receipt/logo';

/** Printer dots drawn as they would come out on paper, `dotPx` CSS pixels per dot. */
export function MonoImageCanvas({ image, dotPx = 1 }: { image: MonoImage; dotPx?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { widthDots: width, heightDots: height } = image;
    const pixels = context.createImageData(width, height);
    const bytes = monoImageBytes(image);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const level = isBlack(image, bytes, x, y) ? 0 : 255;
        pixels.data.set([level, level, level, 255], (y * width + x) * 4);
      }
    }
    context.putImageData(pixels, 0, 0);
  }, [image]);
  return (
    <canvas
      ref={canvas}
      className="mono-image"
      width={image.widthDots}
      height={image.heightDots}
      style={{ width: `${String(image.widthDots * dotPx)}px` }}
      data-width={image.widthDots}
    />
  );
}
