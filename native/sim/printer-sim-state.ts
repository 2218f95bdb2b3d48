import type { DrawerKick } from '../printer/decoded-printout';
import { healthyStatus, statusAnswers } from '../printer/printer-status';
import type { PrinterStatusReport, StatusQuery } from '../printer/printer-status';

export type SimPaper = 'ok' | 'near-end' | 'out';

/** Kicks remembered for people and tests to see. */
const KEEP_KICKS = 20;

/**
 * What a simulated printer knows about itself (paper, cover, drawer) and how it answers
 * DLE EOT. The in-app, TCP and serial simulators share it, so they answer alike. The drawer
 * opens on a kick and closes after `drawerCloseMs`, as a cashier pushing it shut would.
 */
export class PrinterSimState {
  private report: PrinterStatusReport = { ...healthyStatus };
  private readonly kicks: (DrawerKick & { at: string })[] = [];
  private closeTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly drawerCloseMs = 5_000) {}

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
    this.kicks.push({ ...kick, at: new Date().toISOString() });
    if (this.kicks.length > KEEP_KICKS) this.kicks.shift();
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.update({ drawerPin3High: false }), this.drawerCloseMs);
    this.closeTimer.unref();
    this.update({ drawerPin3High: true });
  }

  drawerKicks(): (DrawerKick & { at: string })[] {
    return [...this.kicks];
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

/** Acts on what a decoder took from the stream: drawer kicks, and the status answers to send. */
export function actOnCommands(
  state: PrinterSimState,
  commands: { drawerKicks: DrawerKick[]; statusRequests: number[] },
): number[] {
  for (const kick of commands.drawerKicks) state.kick(kick);
  return commands.statusRequests.flatMap((n) => {
    const byte = state.answer(n);
    return byte === null ? [] : [byte];
  });
}
