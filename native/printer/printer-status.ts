/**
 * ESC/POS real-time status (DLE EOT n, HARDWARE.md "Status"): the request bytes and the
 * one-byte answers. Every answer has fixed bits (bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0);
 * a byte without them is not a status answer (a stray ASB byte, line noise) and is never
 * guessed into one.
 */

export type StatusQuery = 1 | 2 | 3 | 4;
export const STATUS_QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

export const statusRequest = (n: StatusQuery): Uint8Array => Uint8Array.of(0x10, 0x04, n);

const FIXED_MASK = 0x93;
const FIXED_VALUE = 0x12;
export const isStatusByte = (byte: number): boolean => (byte & FIXED_MASK) === FIXED_VALUE;

/** What the four answers say, bit by bit. */
export interface PrinterStatusReport {
  /** n=1 bit 3. */
  online: boolean;
  /** n=1 bit 2: the level of drawer connector pin 3. Whether high means open depends on the drawer. */
  drawerPin3High: boolean;
  /** n=2 bit 2. */
  coverOpen: boolean;
  /** n=2 bit 3. */
  feedButtonPressed: boolean;
  /** n=2 bit 5. */
  stoppedOnPaperEnd: boolean;
  /** n=2 bit 6. */
  errorOccurred: boolean;
  /** n=3 bit 3. */
  autocutterError: boolean;
  /** n=3 bit 5. */
  unrecoverableError: boolean;
  /** n=3 bit 6: e.g. the head overheated; it clears by itself. */
  autoRecoverableError: boolean;
  /** n=4 bits 2-3. */
  paperNearEnd: boolean;
  /** n=4 bits 5-6. */
  paperOut: boolean;
}

const bit = (byte: number, n: number): boolean => ((byte >> n) & 1) === 1;

/**
 * The report from the answers to DLE EOT 1, 2, 3 and 4, in that order; null when any of them
 * is not a status byte.
 */
export function parseStatusAnswers(answers: readonly number[]): PrinterStatusReport | null {
  const [printer, offline, error, paper] = answers;
  if (answers.length !== 4 || !answers.every(isStatusByte)) return null;
  if (printer === undefined || offline === undefined || error === undefined || paper === undefined)
    return null;
  return {
    online: !bit(printer, 3),
    drawerPin3High: bit(printer, 2),
    coverOpen: bit(offline, 2),
    feedButtonPressed: bit(offline, 3),
    stoppedOnPaperEnd: bit(offline, 5),
    errorOccurred: bit(offline, 6),
    autocutterError: bit(error, 3),
    unrecoverableError: bit(error, 5),
    autoRecoverableError: bit(error, 6),
    paperNearEnd: (paper & 0x0c) === 0x0c,
    paperOut: (paper & 0x60) === 0x60,
  };
}

/** The answers a printer in this state gives: what simulators send back. */
export function statusAnswers(report: PrinterStatusReport): [number, number, number, number] {
  const set = (on: boolean, mask: number) => (on ? mask : 0);
  return [
    FIXED_VALUE | set(report.drawerPin3High, 0x04) | set(!report.online, 0x08),
    FIXED_VALUE |
      set(report.coverOpen, 0x04) |
      set(report.feedButtonPressed, 0x08) |
      set(report.stoppedOnPaperEnd, 0x20) |
      set(report.errorOccurred, 0x40),
    FIXED_VALUE |
      set(report.autocutterError, 0x08) |
      set(report.unrecoverableError, 0x20) |
      set(report.autoRecoverableError, 0x40),
    FIXED_VALUE | set(report.paperNearEnd, 0x0c) | set(report.paperOut, 0x60),
  ];
}

export type PrinterCondition =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'error' | 'offline';

/** Which drawer-sensor level means "open": the drawer's wiring decides (HARDWARE.md). */
export type DrawerOpenLevel = 'high' | 'low';

/** One condition a person understands, the most urgent first, and the drawer. */
export function summarizeStatus(
  report: PrinterStatusReport,
  drawerOpenLevel: DrawerOpenLevel = 'high',
): { condition: PrinterCondition; drawerOpen: boolean } {
  const drawerOpen = report.drawerPin3High === (drawerOpenLevel === 'high');
  const condition: PrinterCondition = report.paperOut
    ? 'paper-out'
    : report.coverOpen
      ? 'cover-open'
      : report.unrecoverableError || report.autocutterError || report.errorOccurred
        ? 'error'
        : !report.online
          ? 'offline'
          : report.paperNearEnd
            ? 'paper-near-end'
            : 'ready';
  return { condition, drawerOpen };
}

/** A printer with nothing to report: online, closed, paper in. */
export const healthyStatus: PrinterStatusReport = {
  online: true,
  drawerPin3High: false,
  coverOpen: false,
  feedButtonPressed: false,
  stoppedOnPaperEnd: false,
  errorOccurred: false,
  autocutterError: false,
  unrecoverableError: false,
  autoRecoverableError: false,
  paperNearEnd: false,
  paperOut: false,
};
