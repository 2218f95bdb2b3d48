import iconv from 'iconv-lite';
import type { DecodedLine, DecodedPage, DecodedPrintout, DrawerKick } from './decoded-printout';
import { DLE, ESC, FS, GS, LF } from './escpos-commands';

/** Bytes a command needs beyond its 2-byte prefix, where that is fixed (Epson ESC/POS). */
const ESC_PARAMS: Record<number, number> = {
  0x20: 1,
  0x21: 1,
  0x24: 2,
  0x25: 1,
  0x2d: 1,
  0x32: 0,
  0x33: 1,
  0x3d: 1,
  0x3f: 1,
  0x40: 0,
  0x45: 1,
  0x47: 1,
  0x4a: 1,
  0x4d: 1,
  0x52: 1,
  0x53: 0,
  0x54: 1,
  0x55: 1,
  0x56: 1,
  0x5c: 2,
  0x61: 1,
  0x63: 2,
  0x64: 1,
  0x65: 1,
  0x69: 0,
  0x6d: 0,
  0x70: 3,
  0x72: 1,
  0x74: 1,
  0x7b: 1,
  0x4c: 0,
};
const GS_PARAMS: Record<number, number> = {
  0x21: 1,
  0x24: 2,
  0x3a: 0,
  0x42: 1,
  0x48: 1,
  0x49: 1,
  0x4c: 2,
  0x50: 2,
  0x57: 2,
  0x5c: 2,
  0x5e: 3,
  0x61: 1,
  0x62: 1,
  0x66: 1,
  0x68: 1,
  0x72: 1,
  0x77: 1,
};
const FS_PARAMS: Record<number, number> = {
  0x21: 1,
  0x26: 0,
  0x2d: 1,
  0x2e: 0,
  0x43: 1,
  0x53: 2,
  0x57: 1,
  0x70: 2,
};
const BARCODES: Record<number, string> = {
  0: 'upca',
  1: 'upce',
  2: 'ean13',
  3: 'ean8',
  4: 'code39',
  5: 'itf',
  6: 'codabar',
  65: 'upca',
  66: 'upce',
  67: 'ean13',
  68: 'ean8',
  69: 'code39',
  70: 'itf',
  71: 'codabar',
  72: 'code93',
  73: 'code128',
};
/** A page that never ends (random bytes, a stuck stream) is cut off here to bound memory. */
const MAX_LINES_PER_PAGE = 10_000;
const MAX_WARNINGS = 100;

type Step = number | 'more';

/**
 * Incremental ESC/POS decoder: bytes may arrive split anywhere (a TCP stream), and the
 * result is the same as decoding them at once. Unknown, malformed or truncated input never
 * throws; it becomes a warning and decoding goes on.
 */
export function createEscPosStreamDecoder() {
  let pending = new Uint8Array(0);
  let lines: DecodedLine[] = [];
  let text = '';
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let size = 1;
  let chinese = false;
  let qrData = '';
  const drawerKicks: DrawerKick[] = [];
  const statusRequests: number[] = [];
  const warnings: string[] = [];

  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
  };
  const pushLine = (line: DecodedLine) => {
    // Paper fed before anything prints (the LF many encoders send after a cut) is not content.
    if (line.kind === 'text' && line.text === '' && lines.length === 0) return;
    if (lines.length < MAX_LINES_PER_PAGE) lines.push(line);
    else if (lines.length === MAX_LINES_PER_PAGE) warn('page too long: further lines dropped');
  };
  const endLine = () => {
    pushLine({ kind: 'text', text, align, bold, size });
    text = '';
  };
  const flushText = () => {
    if (text !== '') endLine();
  };
  const reset = () => {
    align = 'left';
    bold = false;
    size = 1;
    chinese = false;
  };

  /** Decodes one command or character at `i`; returns bytes used, or 'more' if incomplete. */
  const step = (b: Uint8Array, i: number, completed: DecodedPage[]): Step => {
    const byte = b[i] ?? 0;
    const at = (k: number): number | undefined => b[i + k];
    if (byte === LF) {
      endLine();
      return 1;
    }
    if (byte === ESC) {
      const cmd = at(1);
      if (cmd === undefined) return 'more';
      if (cmd === 0x2a) return bitImage(b, i);
      if (cmd === 0x44) return untilNul(b, i + 2, i);
      const params = ESC_PARAMS[cmd];
      if (params === undefined) {
        warn(`unknown command ESC 0x${hex(cmd)}`);
        return 2;
      }
      if (i + 2 + params > b.length) return 'more';
      const n = b[i + 2] ?? 0;
      if (cmd === 0x40) {
        flushText();
        reset();
      } else if (cmd === 0x61) align = n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left';
      else if (cmd === 0x45) bold = (n & 1) === 1;
      else if (cmd === 0x21) {
        bold = (n & 0x08) !== 0;
        size = n & 0x30 ? 2 : 1;
      } else if (cmd === 0x64) {
        flushText();
        for (let k = 0; k < n; k++) endLine();
      } else if (cmd === 0x70) {
        drawerKicks.push({
          pin: n % 48 === 1 ? 5 : 2,
          onMs: (b[i + 3] ?? 0) * 2,
          offMs: (b[i + 4] ?? 0) * 2,
        });
      }
      return 2 + params;
    }
    if (byte === GS) {
      const cmd = at(1);
      if (cmd === undefined) return 'more';
      if (cmd === 0x56) return cut(b, i, completed);
      if (cmd === 0x28) return extended(b, i);
      if (cmd === 0x6b) return barcode(b, i);
      if (cmd === 0x76) return raster(b, i);
      const params = GS_PARAMS[cmd];
      if (params === undefined) {
        warn(`unknown command GS 0x${hex(cmd)}`);
        return 2;
      }
      if (i + 2 + params > b.length) return 'more';
      if (cmd === 0x21) {
        const n = b[i + 2] ?? 0;
        size = Math.max((n >> 4) + 1, (n & 0x0f) + 1);
      }
      return 2 + params;
    }
    if (byte === FS) {
      const cmd = at(1);
      if (cmd === undefined) return 'more';
      const params = FS_PARAMS[cmd];
      if (params === undefined) {
        warn(`unknown command FS 0x${hex(cmd)}`);
        return 2;
      }
      if (i + 2 + params > b.length) return 'more';
      if (cmd === 0x26) chinese = true;
      if (cmd === 0x2e) chinese = false;
      return 2 + params;
    }
    if (byte === DLE) {
      const cmd = at(1);
      if (cmd === undefined) return 'more';
      if (cmd === 0x04 || cmd === 0x05) {
        const n = at(2);
        if (n === undefined) return 'more';
        if (cmd === 0x04) statusRequests.push(n);
        return 3;
      }
      if (cmd === 0x14) return i + 5 > b.length ? 'more' : 5;
      return 2;
    }
    if (byte === 0x09) {
      text += '    ';
      return 1;
    }
    if (byte < 0x20 || byte === 0x7f) return 1; // CR and other controls print nothing
    if (chinese && byte >= 0x81 && byte <= 0xfe) {
      const second = at(1);
      if (second === undefined) return 'more';
      // GB18030: two bytes, or four when the second is a digit 0x30–0x39.
      const length = second >= 0x30 && second <= 0x39 ? 4 : 2;
      if (i + length > b.length) return 'more';
      text += iconv.decode(Buffer.from(b.subarray(i, i + length)), 'gb18030');
      return length;
    }
    text += byte < 0x80 ? String.fromCharCode(byte) : iconv.decode(Buffer.from([byte]), 'cp437');
    return 1;
  };

  const cut = (b: Uint8Array, i: number, completed: DecodedPage[]): Step => {
    const m = b[i + 2];
    if (m === undefined) return 'more';
    const length = m === 65 || m === 66 || m === 97 || m === 98 ? 4 : 3;
    if (i + length > b.length) return 'more';
    flushText();
    completed.push({ lines, cut: true });
    lines = [];
    return length;
  };

  /** GS ( fn pL pH …: length-prefixed; GS ( k with cn 49 is the QR code. */
  const extended = (b: Uint8Array, i: number): Step => {
    if (i + 5 > b.length) return 'more';
    const fn = b[i + 2] ?? 0;
    const length = (b[i + 3] ?? 0) + (b[i + 4] ?? 0) * 256;
    if (i + 5 + length > b.length) return 'more';
    if (fn === 0x6b && length >= 2 && b[i + 5] === 49) {
      const qrFn = b[i + 6];
      if (qrFn === 80 && length >= 3)
        qrData = new TextDecoder().decode(b.subarray(i + 8, i + 5 + length));
      if (qrFn === 81) {
        flushText();
        pushLine({ kind: 'qr', data: qrData });
      }
    }
    return 5 + length;
  };

  /** GS k m: m 0–6 NUL-terminated data, m 65–73 a length byte then data. */
  const barcode = (b: Uint8Array, i: number): Step => {
    const m = b[i + 2];
    if (m === undefined) return 'more';
    let start = i + 3;
    let end: number;
    let next: number;
    if (m <= 6) {
      end = b.indexOf(0, start);
      if (end === -1) return b.length - i > 255 ? bad(b, i, 'barcode data not terminated') : 'more';
      next = end + 1;
    } else {
      const n = b[i + 3];
      if (n === undefined) return 'more';
      start = i + 4;
      end = start + n;
      if (end > b.length) return 'more';
      next = end;
    }
    let data = new TextDecoder('latin1').decode(b.subarray(start, end));
    if (m === 73) data = data.replace(/^\{[ABC]/, '');
    flushText();
    pushLine({ kind: 'barcode', data, symbology: BARCODES[m] ?? `type-${String(m)}` });
    return next - i;
  };

  /** GS v 0 m xL xH yL yH d…: a raster image (a logo); skipped by its declared size. */
  const raster = (b: Uint8Array, i: number): Step => {
    if (i + 8 > b.length) return 'more';
    const size =
      ((b[i + 4] ?? 0) + (b[i + 5] ?? 0) * 256) * ((b[i + 6] ?? 0) + (b[i + 7] ?? 0) * 256);
    return i + 8 + size > b.length ? 'more' : 8 + size;
  };

  /** ESC * m nL nH d…: a bit image column block. */
  const bitImage = (b: Uint8Array, i: number): Step => {
    if (i + 5 > b.length) return 'more';
    const m = b[i + 2] ?? 0;
    const columns = (b[i + 3] ?? 0) + (b[i + 4] ?? 0) * 256;
    const size = columns * (m === 32 || m === 33 ? 3 : 1);
    return i + 5 + size > b.length ? 'more' : 5 + size;
  };

  const untilNul = (b: Uint8Array, from: number, i: number): Step => {
    const end = b.indexOf(0, from);
    if (end === -1) return b.length - i > 64 ? bad(b, i, 'ESC D tab list not terminated') : 'more';
    return end + 1 - i;
  };

  const bad = (_b: Uint8Array, _i: number, message: string): Step => {
    warn(message);
    return 2;
  };

  return {
    /** Feeds bytes; returns the pages completed (cut) by them. */
    push(chunk: Uint8Array): DecodedPage[] {
      const b = concat(pending, chunk);
      const completed: DecodedPage[] = [];
      let i = 0;
      while (i < b.length) {
        const used = step(b, i, completed);
        if (used === 'more') break;
        i += used;
      }
      pending = b.slice(i);
      return completed;
    },
    /** Ends the stream: the uncut page, if it has anything, and warnings for cut-off bytes. */
    flush(): DecodedPage | null {
      if (pending.length > 0)
        warn(`stream ended inside a command (${String(pending.length)} bytes)`);
      pending = new Uint8Array(0);
      flushText();
      const page = lines.length > 0 ? { lines, cut: false } : null;
      lines = [];
      return page;
    },
    summary: () => ({
      drawerKicks: [...drawerKicks],
      statusRequests: [...statusRequests],
      warnings: [...warnings],
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

const hex = (n: number): string => n.toString(16).padStart(2, '0');
