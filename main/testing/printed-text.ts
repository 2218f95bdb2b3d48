import type { PrintedPage } from '@app/api/contract';

/** A decoded page as text: each text line, and each code's data (images print no text). */
export function printedText(page: PrintedPage | undefined): string {
  return (page?.lines ?? [])
    .map((line) => (line.kind === 'text' ? line.text : line.kind === 'image' ? '' : line.data))
    .join('\n');
}
