import type { PoleScreen } from './pole-screens';
import { POLE_COLUMNS, POLE_ROWS } from './pole-screens';

/**
 * Epson ESC/POS customer-display commands (the "Epson mode" of DM-D-compatible 2×20 VFDs,
 * as their manuals list them). Command sets vary by model (HARDWARE.md), so screens go
 * through a `PoleCommandSet`; this is the one most pole displays default to.
 */
export const ESC = 0x1b;
export const US = 0x1f;
/** CLR: clears the screen; the cursor goes home. */
export const CLR = 0x0c;
/** HOM: cursor to column 1 of the top line. */
export const HOM = 0x0b;
export const CAN = 0x18;
export const BS = 0x08;
export const HT = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;

/** ESC @: initialize (clears, cursor home, settings to their defaults). */
export const initialize = (): number[] => [ESC, 0x40];
/** US MD1: overwrite mode, so writing the last cell never scrolls the screen. */
export const overwriteMode = (): number[] => [US, 0x01];
export const verticalScrollMode = (): number[] => [US, 0x02];
export const horizontalScrollMode = (): number[] => [US, 0x03];
/** US $ x y: cursor to column x (1–20), row y (1–2), as binary bytes. */
export function moveCursor(column: number, row: number): number[] {
  if (!Number.isInteger(column) || column < 1 || column > POLE_COLUMNS) {
    throw new RangeError(`column must be 1–${POLE_COLUMNS}: ${column}`);
  }
  if (!Number.isInteger(row) || row < 1 || row > POLE_ROWS) {
    throw new RangeError(`row must be 1–${POLE_ROWS}: ${row}`);
  }
  return [US, 0x24, column, row];
}
/** US C n: cursor shown (1) or hidden (0). */
export const cursorVisible = (shown: boolean): number[] => [US, 0x43, shown ? 1 : 0];
/** US X n: brightness 1 (dimmest) to 4. */
export type Brightness = 1 | 2 | 3 | 4;
export const brightness = (level: Brightness): number[] => [US, 0x58, level];

export interface PoleCommandSet {
  readonly name: string;
  /** Sent once after the port opens. */
  init(options?: { brightness?: Brightness }): Uint8Array;
  /** Replaces the whole screen with `screen`. */
  screen(screen: PoleScreen): Uint8Array;
  clear(): Uint8Array;
}

/** Throws unless each line is exactly 20 printable ASCII characters (a programming error). */
export function assertPoleScreen(screen: PoleScreen): void {
  for (const line of screen) {
    if (line.length !== POLE_COLUMNS || !/^[\x20-\x7e]*$/.test(line)) {
      throw new RangeError(`a pole display line is ${POLE_COLUMNS} ASCII characters: "${line}"`);
    }
  }
}

const ascii = (line: string): number[] => Array.from(line, (char) => char.charCodeAt(0));

export const epsonPoleCommands: PoleCommandSet = {
  name: 'Epson ESC/POS customer display',
  init: (options = {}) =>
    Uint8Array.from([
      ...initialize(),
      ...overwriteMode(),
      ...cursorVisible(false),
      ...(options.brightness === undefined ? [] : brightness(options.brightness)),
    ]),
  // Every cell is written at an absolute position, so nothing depends on how a model wraps
  // or scrolls, and there is no CLR flicker between screens.
  screen: (screen) => {
    assertPoleScreen(screen);
    return Uint8Array.from([
      ...moveCursor(1, 1),
      ...ascii(screen[0]),
      ...moveCursor(1, 2),
      ...ascii(screen[1]),
    ]);
  },
  clear: () => Uint8Array.of(CLR),
};
