/**
 * What a serial scanner sends after each code. Scanners ship with CR; most let a technician
 * program LF, CR LF, TAB or nothing (then a pause ends the code).
 */
export const scanSuffixes = ['cr', 'lf', 'crlf', 'tab', 'none'] as const;
export type ScanSuffix = (typeof scanSuffixes)[number];

export const isScanSuffix = (text: string): text is ScanSuffix =>
  (scanSuffixes as readonly string[]).includes(text);

/** The bytes of a suffix, for simulators and tests. */
export function suffixBytes(suffix: ScanSuffix): Uint8Array {
  switch (suffix) {
    case 'cr':
      return Uint8Array.of(0x0d);
    case 'lf':
      return Uint8Array.of(0x0a);
    case 'crlf':
      return Uint8Array.of(0x0d, 0x0a);
    case 'tab':
      return Uint8Array.of(0x09);
    case 'none':
      return new Uint8Array(0);
  }
}
