import { useMemo } from 'react';
import { barcodeSvg, qrDrawing } from '@app/receipt/symbol-drawing';
import type { QrLevel } from '@app/receipt/symbol-drawing';

/** A QR code as the printer drew it: its data, error level and module size in dots. */
export function PaperQr({
  data,
  errorLevel,
  moduleDots,
  dotPx,
}: {
  data: string;
  errorLevel: QrLevel;
  moduleDots: number;
  dotPx: number;
}) {
  const drawing = useMemo(() => qrDrawing(data, errorLevel), [data, errorLevel]);
  // The printer leaves no quiet zone of its own; the paper's margin is white anyway.
  const side = drawing.size + 8;
  return (
    <svg
      className="paper-qr"
      viewBox={`-4 -4 ${String(side)} ${String(side)}`}
      width={side * moduleDots * dotPx}
      height={side * moduleDots * dotPx}
      shapeRendering="crispEdges"
      role="img"
      aria-label={`QR ${data}`}
      data-testid="paper-qr"
    >
      <rect x={-4} y={-4} width={side} height={side} fill="#fff" />
      <path d={drawing.path} fill="#000" />
    </svg>
  );
}

/** A barcode's bars at the printer's module width and height; its data printed below. */
export function PaperBarcode({
  symbology,
  data,
  moduleDots,
  heightDots,
  dotPx,
}: {
  symbology: string;
  data: string;
  moduleDots: number;
  heightDots: number;
  dotPx: number;
}) {
  const drawn = useMemo(
    () => barcodeSvg(symbology, data, heightDots / moduleDots),
    [symbology, data, heightDots, moduleDots],
  );
  if (!drawn) {
    // A symbology the preview cannot draw (or data its encoder refuses): say what it holds.
    return <span className="barcode-box">{symbology}</span>;
  }
  return (
    <span
      className="paper-barcode"
      role="img"
      aria-label={`${symbology} ${data}`}
      data-testid="paper-barcode"
      style={{ width: `${String(drawn.widthModules * moduleDots * dotPx)}px` }}
      // bwip-js output with includetext off: bars only, no text or script from the data.
      dangerouslySetInnerHTML={{ __html: drawn.svg }}
    />
  );
}
