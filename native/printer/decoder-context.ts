import type { DrawerKick, QrErrorLevel } from './decoded-printout';
import type { PageBuilder } from './page-builder';

/** Bytes used by the command at the cursor, or 'more' when it continues past the input. */
export type Step = number | 'more';

/** The printer state the ESC/POS command decoders read and change. */
export interface DecoderContext {
  readonly page: PageBuilder;
  warn(message: string): void;
  /** GS V and friends: the current page leaves the printer. */
  cut(): void;
  /** A command of `header` bytes followed by `payload` bytes to pass over unread. */
  skip(header: number, payload: number): Step;
  readonly drawerKicks: DrawerKick[];
  readonly statusRequests: number[];
  /** GS ( k fn 80: data stored per 2D symbology (cn) until replaced. */
  readonly stored: Map<number, Uint8Array>;
  /** FS & … FS .: GB18030 double-byte text. */
  chinese: boolean;
  /** ESC t n. */
  codePage: number;
  /** How symbols print: set by GS ( k fn 67/69 (QR) and GS w / GS h (barcodes). */
  readonly symbolStyle: SymbolStyle;
}

export interface SymbolStyle {
  qrModuleDots: number;
  qrErrorLevel: QrErrorLevel;
  barModuleDots: number;
  barHeightDots: number;
}

/** Epson's power-on values: QR module 3 dots, level L; bars 3 dots wide, 162 high. */
export const initialSymbolStyle = (): SymbolStyle => ({
  qrModuleDots: 3,
  qrErrorLevel: 'L',
  barModuleDots: 3,
  barHeightDots: 162,
});

/** A little-endian 16-bit number (the nL nH, pL pH of ESC/POS). */
export const word = (b: Uint8Array, at: number): number => (b[at] ?? 0) + (b[at + 1] ?? 0) * 256;

/**
 * The NUL ending data that starts at `from` and may be at most `max` bytes long (NUL
 * included): its index, -1 when the window is full without one, 'more' when it is not yet.
 * Looking no further than the window keeps the decision the same however the stream splits.
 */
export function indexOfNul(b: Uint8Array, from: number, max: number): number | 'more' {
  const end = Math.min(b.length, from + max);
  for (let k = from; k < end; k++) if (b[k] === 0) return k;
  return end === from + max ? -1 : 'more';
}

export function unknownCommand(ctx: DecoderContext, prefix: string, cmd: number): Step {
  ctx.warn(`unknown command ${prefix} 0x${cmd.toString(16).padStart(2, '0')}`);
  return 2;
}

/** ESC ( / GS ( / FS ( fn pL pH …: every function of these families, skipped by its length. */
export function lengthPrefixed(ctx: DecoderContext, b: Uint8Array, i: number): Step {
  if (i + 5 > b.length) return 'more';
  return ctx.skip(5, word(b, i + 3));
}
