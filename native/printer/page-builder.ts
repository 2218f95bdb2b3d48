import { displayWidth } from '@app/receipt/text-width';
import type { DecodedLine, DecodedPage } from './decoded-printout';

/** The print mode a text line is printed in; it persists across lines and pages. */
export interface TextStyle {
  align: 'left' | 'center' | 'right';
  bold: boolean;
  size: number;
}

/** A page that never ends (random bytes, a stuck stream) is bounded here, with a warning. */
const MAX_LINES_PER_PAGE = 10_000;
/** Real printers wrap at the paper edge; the decoder does not know the paper, so it caps. */
const MAX_LINE_CHARS = 1_024;
/** HT moves to the next tab stop; ESC/POS's default stops are every 8 characters. */
const TAB_STOP = 8;

/**
 * Collects what one page of paper shows: the text line being filled (the printer's line
 * buffer), the lines already printed, and the current style.
 */
export class PageBuilder {
  readonly style: TextStyle = { align: 'left', bold: false, size: 1 };
  private lines: DecodedLine[] = [];
  private text = '';

  constructor(private readonly warn: (message: string) => void) {}

  resetStyle(): void {
    this.style.align = 'left';
    this.style.bold = false;
    this.style.size = 1;
  }

  addText(text: string): void {
    this.text += text;
    if (this.text.length >= MAX_LINE_CHARS) {
      this.warn(`line longer than ${String(MAX_LINE_CHARS)} characters: broken`);
      this.endLine();
    }
  }

  tab(): void {
    const column = displayWidth(this.text);
    this.addText(' '.repeat(TAB_STOP - (column % TAB_STOP)));
  }

  /** LF: prints the line buffer (an empty one feeds a blank line). */
  endLine(): void {
    this.add({ kind: 'text', text: this.text, ...this.style });
    this.text = '';
  }

  /** Prints what is in the line buffer, if anything (before a barcode, a cut, the end). */
  flushText(): void {
    if (this.text !== '') this.endLine();
  }

  /** ESC @ clears the line buffer without printing it; returns what was dropped. */
  discardText(): string {
    const dropped = this.text;
    this.text = '';
    return dropped;
  }

  /** A barcode or QR code: printed on its own, after any text waiting in the buffer. */
  addSymbol(line: DecodedLine): void {
    this.flushText();
    this.add(line);
  }

  /** GS V: the page so far leaves the printer. */
  cut(): DecodedPage {
    this.flushText();
    const page = { lines: this.lines, cut: true };
    this.lines = [];
    return page;
  }

  /** End of input: the page still on the printer, or null when nothing printed on it. */
  finish(): DecodedPage | null {
    this.flushText();
    const page = this.lines.length > 0 ? { lines: this.lines, cut: false } : null;
    this.lines = [];
    return page;
  }

  private add(line: DecodedLine): void {
    // Paper fed before anything prints (the LF encoders send after a cut, which lands on the
    // next receipt) is the gap between receipts, not content of the page.
    if (line.kind === 'text' && line.text === '' && this.lines.length === 0) return;
    if (this.lines.length < MAX_LINES_PER_PAGE) this.lines.push(line);
    else if (this.lines.length === MAX_LINES_PER_PAGE) {
      this.warn('page longer than 10000 lines: further lines dropped');
      this.lines.push({ kind: 'text', text: '…', ...this.style });
    }
  }
}
