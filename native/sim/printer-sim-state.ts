import type { DecodedPage, DrawerKick } from '../printer/decoded-printout';
import type { EscPosStreamDecoder } from '../printer/escpos-decoder';
import { healthyStatus, statusAnswers } from '../printer/printer-status';
import type { PrinterStatusReport, StatusQuery } from '../printer/printer-status';

export type SimPaper = 'ok' | 'near-end' | 'out';

export type SimDrawerKick = DrawerKick & { at: string };

export interface PrinterSimStateOptions {
  /** How long a kicked drawer stays open before it is pushed shut; null: until closeDrawer(). */
  drawerCloseMs?: number | null;
}

/** Kicks remembered for people and tests to see. */
const KEEP_KICKS = 20;

/**
 * What a simulated printer knows about itself (paper, cover, drawer) and how it answers
 * DLE EOT. The in-app, TCP and serial simulators share it, so they answer alike. The drawer
 * opens on a kick (its sensor, pin 3, then reads high) and closes after `drawerCloseMs`, as
 * a cashier pushing it shut would, or when told.
 */
export class PrinterSimState {
  private report: PrinterStatusReport = { ...healthyStatus };
  private readonly kicks: SimDrawerKick[] = [];
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly kickListeners = new Set<(kick: SimDrawerKick) => void>();
  private readonly drawerCloseMs: number | null;

  constructor(options: PrinterSimStateOptions = {}) {
    this.drawerCloseMs = options.drawerCloseMs === undefined ? 5_000 : options.drawerCloseMs;
  }

  status(): PrinterStatusReport {
    return { ...this.report };
  }

  /** Status byte answering DLE EOT n; unknown n answers nothing (null), as printers do. */
  answer(n: number): number | null {
    if (n < 1 || n > 4) return null;
    return statusAnswers(this.report)[(n as StatusQuery) - 1] ?? null;
  }

  /** Why nothing can print now, or null. */
  refusal(): string | null {
    if (this.report.paperOut) return 'paper out';
    if (this.report.coverOpen) return 'cover open';
    return null;
  }

  setPaper(paper: SimPaper): void {
    this.update({
      paperOut: paper === 'out',
      stoppedOnPaperEnd: paper === 'out',
      paperNearEnd: paper !== 'ok',
      online: paper !== 'out' && !this.report.coverOpen,
    });
  }

  setCover(open: boolean): void {
    this.update({ coverOpen: open, online: !open && !this.report.paperOut });
  }

  kick(kick: DrawerKick): void {
    const seen: SimDrawerKick = { ...kick, at: new Date().toISOString() };
    this.kicks.push(seen);
    if (this.kicks.length > KEEP_KICKS) this.kicks.shift();
    clearTimeout(this.closeTimer);
    if (this.drawerCloseMs !== null) {
      this.closeTimer = setTimeout(() => this.closeDrawer(), this.drawerCloseMs);
      this.closeTimer.unref();
    }
    this.update({ drawerPin3High: true });
    for (const listener of this.kickListeners) listener(seen);
  }

  /** The cashier pushes the drawer shut. */
  closeDrawer(): void {
    clearTimeout(this.closeTimer);
    if (this.report.drawerPin3High) this.update({ drawerPin3High: false });
  }

  drawerOpen(): boolean {
    return this.report.drawerPin3High;
  }

  /** The last 20 kicks, oldest first. */
  drawerKicks(): SimDrawerKick[] {
    return [...this.kicks];
  }

  onDrawerKick(listener: (kick: SimDrawerKick) => void): () => void {
    this.kickListeners.add(listener);
    return () => this.kickListeners.delete(listener);
  }

  /** The next kick to arrive, for a test that just sent one. */
  nextDrawerKick(): Promise<SimDrawerKick> {
    return new Promise((resolve) => {
      const stop = this.onDrawerKick((kick) => {
        stop();
        resolve(kick);
      });
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    clearTimeout(this.closeTimer);
  }

  private update(patch: Partial<PrinterStatusReport>): void {
    this.report = { ...this.report, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** What one chunk of bytes did to a simulated printer. */
export interface SimIntake {
  /** Pages the chunk completed that came out; none while the printer cannot print. */
  printed: DecodedPage[];
  /** Status bytes to send back, in the order the DLE EOT requests came. */
  answers: Uint8Array;
  /** Why pages this chunk completed did not come out (paper out, cover open), else null. */
  refused: string | null;
}

/**
 * One chunk into a simulated printer: decoded, drawer kicks acted on and status requests
 * answered whatever the paper (real-time commands work offline), pages printed only while
 * it can print. Drawer kicks are honoured offline too, which a real printer does only for
 * the real-time pulse (DLE DC4 1), so the simulators are kinder here than hardware.
 */
export function takeBytes(
  state: PrinterSimState,
  decoder: EscPosStreamDecoder,
  chunk: Uint8Array,
): SimIntake {
  const pages = decoder.push(chunk);
  const { drawerKicks, statusRequests } = decoder.takeCommands();
  for (const kick of drawerKicks) state.kick(kick);
  const answers = statusRequests.flatMap((n) => {
    const byte = state.answer(n);
    return byte === null ? [] : [byte];
  });
  const refusal = pages.length > 0 ? state.refusal() : null;
  return {
    printed: refusal === null ? pages : [],
    answers: Uint8Array.from(answers),
    refused: refusal,
  };
}

export const SIM_COMMANDS_HELP =
  'Type a command and Enter: paper ok | paper near-end | paper out | cover open | cover closed | drawer close';

/** A person at a simulator's terminal changes its state; the answer says what happened. */
export function applySimCommand(state: PrinterSimState, line: string): string {
  const [what, value] = line.trim().toLowerCase().split(/\s+/);
  if (what === 'paper' && (value === 'ok' || value === 'near-end' || value === 'out')) {
    state.setPaper(value);
    return `paper ${value}`;
  }
  if (what === 'cover' && (value === 'open' || value === 'closed')) {
    state.setCover(value === 'open');
    return `cover ${value}`;
  }
  if (what === 'drawer' && value === 'close') {
    state.closeDrawer();
    return 'drawer closed';
  }
  return `not understood: "${line.trim()}". ${SIM_COMMANDS_HELP}`;
}

/** What a simulator's terminal shows of a drawer kick. */
export const describeKick = (kick: DrawerKick): string =>
  `drawer kicked: pin ${String(kick.pin)}, ${String(kick.onMs)} ms on, ${String(kick.offMs)} ms off`;
