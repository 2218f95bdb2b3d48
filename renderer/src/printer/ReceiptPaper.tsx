import type { PrintedPage } from '@app/api/contract';
import { MonoImageCanvas } from './MonoImageCanvas';
import { PaperBarcode, PaperQr } from './PaperSymbols';

/** The paper's 13 px monospace font puts 32 columns (384 dots on 58 mm) in about 250 px. */
const DOT_PX = 0.65;

/**
 * A page as the simulated printer decoded it from the ESC/POS bytes it received: what a
 * real printer would have put on paper, not a redraw of the sale.
 */
export function ReceiptPaper({ page }: { page: PrintedPage }) {
  return (
    <div className="paper" data-testid="receipt-paper">
      {page.lines.map((line, i) => {
        if (line.kind === 'text') {
          return (
            <div
              key={i}
              className={`paper-line align-${line.align} ${line.bold ? 'bold' : ''} ${line.size > 1 ? 'large' : ''}`}
            >
              {line.text || '\u00a0'}
            </div>
          );
        }
        if (line.kind === 'qr') {
          return (
            <div key={i} className="paper-code align-center" title={line.data} data-qr={line.data}>
              <PaperQr
                data={line.data}
                errorLevel={line.errorLevel}
                moduleDots={line.moduleDots}
                dotPx={DOT_PX}
              />
            </div>
          );
        }
        if (line.kind === 'image') {
          return (
            <div key={i} className="paper-code align-center" data-testid="paper-image">
              <MonoImageCanvas image={line} dotPx={DOT_PX} />
            </div>
          );
        }
        return (
          <div key={i} className="paper-code align-center">
            <PaperBarcode
              symbology={line.symbology}
              data={line.data}
              moduleDots={line.moduleDots}
              heightDots={line.heightDots}
              dotPx={DOT_PX}
            />
            <span className="code-data">{line.data}</span>
          </div>
        );
      })}
      {page.cut && <div className="paper-cut" aria-label="cut" />}
    </div>
  );
}
