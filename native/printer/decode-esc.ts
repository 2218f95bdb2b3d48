import type { DecoderContext, Step } from './decoder-context';
import { indexOfNul, lengthPrefixed, unknownCommand, word } from './decoder-context';
import { codePageTable } from './decode-text';
import { ESC_PARAMS, FS_PARAMS } from './escpos-command-table';
import { initialSymbolStyle } from './decoder-context';

/** ESC D: at most 32 tab positions, then NUL. */
const MAX_TAB_LIST = 33;

/** ESC x …: print modes, feeds, code pages, drawer kicks, legacy cuts; images skipped. */
export function decodeEsc(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const cmd = b[i + 1];
  if (cmd === undefined) return 'more';
  if (cmd === 0x2a) {
    // ESC * m nL nH d…: bit image; the 24-dot modes (32, 33) send 3 bytes per column.
    if (i + 5 > b.length) return 'more';
    const m = b[i + 2] ?? 0;
    return ctx.skip(5, word(b, i + 3) * (m === 32 || m === 33 ? 3 : 1));
  }
  if (cmd === 0x44) return tabPositions(ctx, b, i);
  if (cmd === 0x26) return userCharacters(ctx, b, i);
  if (cmd === 0x28) return lengthPrefixed(ctx, b, i);
  const params = ESC_PARAMS.get(cmd);
  if (params === undefined) return unknownCommand(ctx, 'ESC', cmd);
  if (i + 2 + params > b.length) return 'more';
  const n = b[i + 2] ?? 0;
  const { page } = ctx;
  switch (cmd) {
    case 0x40: {
      // ESC @: initialize; the line buffer is cleared, not printed.
      const dropped = page.discardText();
      if (dropped !== '') ctx.warn(`ESC @ cleared unprinted text "${dropped}"`);
      page.resetStyle();
      ctx.chinese = false;
      ctx.codePage = 0;
      Object.assign(ctx.symbolStyle, initialSymbolStyle());
      break;
    }
    case 0x61: // ESC a n: 0/48 left, 1/49 center, 2/50 right
      page.style.align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
      break;
    case 0x45: // ESC E n: bold when bit 0 is set
      page.style.bold = (n & 1) === 1;
      break;
    case 0x21: // ESC ! n: bit 3 bold, bit 4 double height, bit 5 double width
      page.style.bold = (n & 0x08) !== 0;
      page.style.size = (n & 0x30) !== 0 ? 2 : 1;
      break;
    case 0x64: // ESC d n: print the buffer and feed n lines
      page.flushText();
      for (let k = 0; k < n; k++) page.endLine();
      break;
    case 0x70: // ESC p m t1 t2: pin 2 (m 0/48) or 5 (m 1/49), t1 on and t2 off in 2 ms units
      if (n % 48 > 1 || n > 49) ctx.warn(`ESC p ${String(n)}: no such drawer pin`);
      else
        ctx.drawerKicks.push({
          pin: n % 48 === 1 ? 5 : 2,
          onMs: (b[i + 3] ?? 0) * 2,
          offMs: (b[i + 4] ?? 0) * 2,
        });
      break;
    case 0x74: // ESC t n: character code table
      ctx.codePage = n;
      if (codePageTable(n) === undefined) ctx.warn(`ESC t ${String(n)}: code page not shown`);
      break;
    case 0x69: // ESC i, ESC m: the legacy partial cuts
    case 0x6d:
      ctx.cut();
      break;
  }
  return 2 + params;
}

/** ESC D n1 … NUL: horizontal tab positions. */
function tabPositions(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const end = indexOfNul(b, i + 2, MAX_TAB_LIST);
  if (end === 'more') return 'more';
  if (end === -1) {
    ctx.warn('ESC D: tab positions not terminated');
    return 2;
  }
  return end + 1 - i;
}

/** ESC & y c1 c2 [x d1…d(y×x)]…: user-defined characters c1 to c2, each x dots wide. */
function userCharacters(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  if (i + 5 > b.length) return 'more';
  const y = b[i + 2] ?? 0;
  const count = (b[i + 4] ?? 0) - (b[i + 3] ?? 0) + 1;
  if (y > 3 || count < 1 || count > 95) {
    ctx.warn('ESC &: invalid user-defined character range');
    return 5;
  }
  let at = i + 5;
  for (let k = 0; k < count; k++) {
    const x = b[at];
    if (x === undefined) return 'more';
    at += 1 + y * x;
  }
  return at > b.length ? 'more' : at - i;
}

/** FS x …: Chinese (Kanji) mode on and off; the other FS commands are skipped. */
export function decodeFs(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const cmd = b[i + 1];
  if (cmd === undefined) return 'more';
  if (cmd === 0x28) return lengthPrefixed(ctx, b, i);
  const params = FS_PARAMS.get(cmd);
  if (params === undefined) return unknownCommand(ctx, 'FS', cmd);
  if (i + 2 + params > b.length) return 'more';
  if (cmd === 0x26) ctx.chinese = true; // FS &
  if (cmd === 0x2e) ctx.chinese = false; // FS .
  return 2 + params;
}

/** Real-time commands: DLE EOT n (status), DLE ENQ n, DLE DC4 fn … (pulse, buzzer …). */
export function decodeDle(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  const cmd = b[i + 1];
  if (cmd === undefined) return 'more';
  if (cmd === 0x04 || cmd === 0x05) {
    const n = b[i + 2];
    if (n === undefined) return 'more';
    // DLE EOT 7 a and DLE EOT 8 a (ink and paper-usage status) take one more byte.
    const length = cmd === 0x04 && (n === 7 || n === 8) ? 4 : 3;
    if (i + length > b.length) return 'more';
    if (cmd === 0x04) ctx.statusRequests.push(n);
    return length;
  }
  if (cmd === 0x14) {
    const fn = b[i + 2];
    if (fn === undefined) return 'more';
    const length = fn === 7 ? 6 : fn === 8 ? 10 : 5;
    if (i + length > b.length) return 'more';
    // DLE DC4 1 m t: drawer pulse now, pin 2 (m 0) or 5 (m 1), t × 100 ms on and off.
    if (fn === 1) {
      const t = (b[i + 4] ?? 0) * 100;
      ctx.drawerKicks.push({ pin: b[i + 3] === 1 ? 5 : 2, onMs: t, offMs: t });
    }
    return length;
  }
  return 1; // a lone DLE is a control character that prints nothing
}
