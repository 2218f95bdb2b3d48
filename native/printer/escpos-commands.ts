/** ESC/POS command bytes used by both the encoder and the decoder (Epson ESC/POS reference). */
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const LF = 0x0a;

/** FS & / FS .: enter and leave Chinese (double-byte) character mode. */
export const CHINESE_ON = [FS, 0x26];
export const CHINESE_OFF = [FS, 0x2e];

/** ESC a n: 0 left, 1 center, 2 right. */
export const alignCommand = (align: 'left' | 'center' | 'right'): number[] => [
  ESC,
  0x61,
  align === 'left' ? 0 : align === 'center' ? 1 : 2,
];

/** ESC E n: emphasized (bold) on or off. */
export const boldCommand = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];

/** GS ! n: character size, width and height multipliers 1–8 (here the same for both). */
export const sizeCommand = (size: number): number[] => [GS, 0x21, ((size - 1) << 4) | (size - 1)];
