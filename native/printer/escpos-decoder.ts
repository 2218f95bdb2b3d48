import type { DecodedPage, DecodedPrintout, DrawerKick } from './decoded-printout';
import { initialSymbolStyle } from './decoder-context';
import type { DecoderContext, Step } from './decoder-context';
import { decodeDle, decodeEsc, decodeFs } from './decode-esc';
import { decodeGs } from './decode-gs';
import { decodeHighByte } from './decode-text';
import { DLE, ESC, FS, GS, LF } from './escpos-commands';
import { PageBuilder } from './page-builder';

export type { DecodedLine, DecodedPage, DecodedPrintout, DrawerKick } from './decoded-printout';

export interface EscPosStreamDecoder {
  /** Feeds the next bytes of the stream; returns the pages they completed (cut). */
  push(chunk: Uint8Array): DecodedPage[];
  /** Ends the stream: the uncut page still on the printer, if anything printed on it. */
  flush(): DecodedPage | null;
  /** Drawer kicks, status requests and warnings seen so far (not yet taken). */
  summary(): Omit<DecodedPrintout, 'pages'>;
  /** The drawer kicks and status requests since the last call, for a printer to act on. */
  takeCommands(): { drawerKicks: DrawerKick[]; statusRequests: number[] };
}

/** Random input would warn on nearly every byte; the first ones say what went wrong. */
const MAX_WARNINGS = 100;
const HT = 0x09;

/**
 * Decodes ESC/POS as a printer acts on it: styled text, symbols, cuts, drawer kicks and
 * status requests (what it RECEIVED, not a redraw of the document). Bytes may arrive split
 * anywhere (a TCP stream) and decode the same as the whole: each decision looks only at a
 * bounded window after the cursor, a command not yet complete waits for the next chunk, and
 * image payloads are passed over as they arrive rather than buffered. Malformed, unknown or
 * truncated input never throws; it becomes a warning and decoding goes on.
 */
export function createEscPosStreamDecoder(): EscPosStreamDecoder {
  const warnings: string[] = [];
  let completed: DecodedPage[] = [];
  let pending: Uint8Array = new Uint8Array(0);
  let skip = 0;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  const page = new PageBuilder(warn);
  const ctx: DecoderContext = {
    page,
    warn,
    cut: () => completed.push(page.cut()),
    skip: (header, payload) => {
      skip = payload;
      return header;
    },
    drawerKicks: [],
    statusRequests: [],
    stored: new Map(),
    chinese: false,
    codePage: 0,
    symbolStyle: initialSymbolStyle(),
  };

  const step = (b: Uint8Array, i: number): Step => {
    const byte = b[i] ?? 0;
    switch (byte) {
      case LF:
        page.endLine();
        return 1;
      case ESC:
        return decodeEsc(ctx, b, i);
      case GS:
        return decodeGs(ctx, b, i);
      case FS:
        return decodeFs(ctx, b, i);
      case DLE:
        return decodeDle(ctx, b, i);
      case HT:
        page.tab();
        return 1;
    }
    // CR, FF and the other controls print nothing in standard mode.
    if (byte < 0x20 || byte === 0x7f) return 1;
    if (byte < 0x80) {
      page.addText(String.fromCharCode(byte));
      return 1;
    }
    return decodeHighByte(ctx, b, i);
  };

  return {
    push(chunk) {
      completed = [];
      const b = concat(pending, chunk);
      let i = 0;
      while (i < b.length) {
        if (skip > 0) {
          const n = Math.min(skip, b.length - i);
          skip -= n;
          i += n;
          continue;
        }
        const used = step(b, i);
        if (used === 'more') break;
        i += used;
      }
      pending = b.slice(i);
      return completed;
    },
    flush() {
      const missing = pending.length + skip;
      if (missing > 0) warn(`stream ended inside a command (${String(missing)} bytes)`);
      pending = new Uint8Array(0);
      skip = 0;
      return page.finish();
    },
    summary: () => ({
      drawerKicks: [...ctx.drawerKicks],
      statusRequests: [...ctx.statusRequests],
      warnings: [...warnings],
    }),
    takeCommands: () => ({
      drawerKicks: ctx.drawerKicks.splice(0),
      statusRequests: ctx.statusRequests.splice(0),
    }),
  };
}

/** Decodes a whole byte stream at once. */
export function decodeEscPos(bytes: Uint8Array): DecodedPrintout {
  const decoder = createEscPosStreamDecoder();
  const pages = decoder.push(bytes);
  const last = decoder.flush();
  if (last) pages.push(last);
  return { pages, ...decoder.summary() };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
