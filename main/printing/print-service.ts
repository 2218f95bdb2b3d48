import { randomUUID } from 'node:crypto';
import type {
  DrawerSettings,
  PrintedPage,
  PrinterConfig,
  PrinterStatus,
  PrintJob,
} from '@app/api/contract';
import type { ReceiptDocument } from '@app/receipt/receipt-document';
import { DomainError } from '@app/result';
import { drawerKickCommand } from '@native/printer/cash-drawer';
import type { DrawerPin } from '@native/printer/cash-drawer';
import { summarizeStatus } from '@native/printer/printer-status';
import { encodeReceipt } from '@native/printer/receipt-encoder';
import type { PrinterTransport } from '@native/printer/printer-transport';
import { createSerialPrinter } from '@native/printer/serial-printer';
import { createTcpPrinter } from '@native/printer/tcp-printer';
import { createUsbLpPrinter } from '@native/printer/usb-lp-printer';
import type { SimulatedPrinter } from '@native/sim/simulated-printer';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log/logger';
import type { PrintJobStore } from './print-job-store';

const MAX_PAGES = 20;

const afterThisTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Paper out or a cover opened shows within this long, printing or not. */
const STATUS_POLL_MS = 2_000;
/** Conditions in which nothing is sent: the bytes would sit in the printer or be lost. */
const CANNOT_PRINT = new Set<PrinterStatus['condition']>(['paper-out', 'cover-open']);

export interface PrintServiceDeps {
  jobs: PrintJobStore;
  simulated: SimulatedPrinter;
  bus: EventBus;
  log: Logger;
  config: PrinterConfig;
  saveConfig: (config: PrinterConfig) => void;
  drawer: DrawerSettings;
  saveDrawer: (drawer: DrawerSettings) => void;
  /** Where a held receipt can go instead when the receipt printer is down. */
  backup: PrinterConfig | null;
  saveBackup: (config: PrinterConfig | null) => void;
  now?: () => Date;
}

/**
 * Prints after the sale is committed, never as part of it. Jobs are stored first, then
 * sent in order; a job that fails (paper out, printer unreachable) stays queued for retry
 * or skip, and later jobs wait behind it so receipts never come out of order.
 */
export class PrintService {
  private transport: PrinterTransport;
  private config: PrinterConfig;
  private drawer: DrawerSettings;
  private state: PrinterStatus['state'] = 'ready';
  private lastError: string | null = null;
  private draining: Promise<void> | null = null;
  /** Jobs are going out now (`draining` is set from the kick on, a turn earlier). */
  private sending = false;
  private stopped = false;
  private kicked = false;
  private readonly printed: PrintedPage[] = [];
  private condition: PrinterStatus['condition'] = 'unknown';
  private drawerOpen: boolean | null = null;
  private statusError: string | null = null;
  private checkedAt: string | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private backup: { config: PrinterConfig; transport: PrinterTransport } | null = null;
  /** Held jobs going out on the backup printer: the queue must not print them too. */
  private readonly sendingElsewhere = new Set<string>();

  constructor(private readonly deps: PrintServiceDeps) {
    this.config = deps.config;
    this.drawer = deps.drawer;
    if (deps.backup)
      this.backup = { config: deps.backup, transport: this.transportFor(deps.backup) };
    this.transport = this.transportFor(deps.config);
    deps.simulated.onPage((page, raw) => {
      const printedPage: PrintedPage = {
        receivedAt: this.now().toISOString(),
        byteCount: raw.length,
        lines: page.lines,
        cut: page.cut,
      };
      this.printed.push(printedPage);
      if (this.printed.length > MAX_PAGES) this.printed.shift();
      deps.bus.emit('printer.page', printedPage);
    });
  }

  status(): PrinterStatus {
    return {
      config: this.config,
      drawer: this.drawer,
      description: this.transport.description,
      state: this.state,
      lastError: this.lastError,
      queued: this.deps.jobs.pendingCount(),
      condition: this.condition,
      drawerOpen: this.drawerOpen,
      statusError: this.statusError,
      checkedAt: this.checkedAt,
      backup: this.backup && {
        config: this.backup.config,
        description: this.backup.transport.description,
      },
    };
  }

  /** Starts asking the printer for its status every 2 s. */
  startPolling(): void {
    this.pollTimer ??= setInterval(() => void this.refreshStatus(), STATUS_POLL_MS);
    this.pollTimer.unref();
    void this.refreshStatus();
  }

  /**
   * Stops polling and printing: the database is about to close. A job whose bytes are going
   * out stays queued and prints again at the next start (twice, never lost).
   */
  stop(): void {
    this.stopped = true;
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  /**
   * Asks the printer how it is (not while a job is going out: the answers would interleave
   * with the job's bytes). When paper comes back, the jobs that failed print by themselves.
   */
  refreshStatus(): Promise<void> {
    if (this.sending) return Promise.resolve();
    this.polling ??= this.askStatus().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  setDrawer(drawer: DrawerSettings): Promise<PrinterStatus> {
    this.drawer = drawer;
    this.deps.saveDrawer(drawer);
    return this.refreshStatus().then(() => this.status());
  }

  /**
   * Cash changed hands (a sale paid in cash, cash given back): the drawer opens after the
   * receipt, on pin 2 where drawers are wired by default. A drawer that does not open never
   * undoes the sale: it is logged, and the printer's status shows why.
   */
  openForCash(): void {
    this.kickDrawer(2).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log.warn('drawer did not open for cash', { reason });
    });
  }

  async kickDrawer(pin: DrawerPin): Promise<PrinterStatus> {
    await this.idle();
    try {
      const onMs = this.drawer.pulseMs;
      await this.transport.write(drawerKickCommand({ pin, onMs, offMs: Math.max(onMs, 200) }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new DomainError('drawer_failed', message, { reason: message });
    }
    this.deps.log.info('drawer kicked', { pin });
    await this.refreshStatus();
    return this.status();
  }

  configure(config: PrinterConfig): PrinterStatus {
    void this.transport.close();
    this.config = config;
    this.transport = this.transportFor(config);
    this.deps.saveConfig(config);
    this.lastError = null;
    this.state = 'ready';
    this.condition = 'unknown';
    this.kick();
    void this.refreshStatus();
    return this.status();
  }

  /** Stores the job and starts printing; returns before the printer answers. */
  enqueue(kind: PrintJob['kind'], saleId: string | null, document: ReceiptDocument): PrintJob {
    const id = randomUUID();
    this.deps.jobs.insert({ id, saleId, kind, createdAt: this.now().toISOString(), document });
    this.kick();
    return this.job(id);
  }

  jobs(): PrintJob[] {
    const pending = this.deps.jobs.pending();
    const recent = this.deps.jobs.recent(10).filter((j) => !pending.some((p) => p.id === j.id));
    return [...pending, ...recent];
  }

  retry(jobId: string): PrintJob {
    this.job(jobId);
    this.deps.jobs.requeue(jobId);
    this.kick();
    return this.job(jobId);
  }

  skip(jobId: string): PrintJob {
    this.job(jobId);
    this.deps.jobs.markSkipped(jobId);
    this.kick();
    return this.job(jobId);
  }

  setBackup(config: PrinterConfig | null): PrinterStatus {
    if (this.backup && this.backup.transport !== this.deps.simulated) {
      void this.backup.transport.close();
    }
    this.backup = config && { config, transport: this.transportFor(config) };
    this.deps.saveBackup(config);
    this.emitStatus();
    return this.status();
  }

  /**
   * The way round a receipt printer that is down: a held job goes out on the backup printer
   * once, and the queue behind it moves on. A failure leaves the job held, as it was.
   */
  async sendToBackup(jobId: string): Promise<PrintJob> {
    const job = this.job(jobId);
    if (job.status !== 'failed' || this.sendingElsewhere.has(jobId)) {
      throw new DomainError('print_job_not_held', `Print job ${jobId} is not held`);
    }
    const backup = this.backup;
    if (backup === null) throw new DomainError('no_backup_printer', 'No backup printer is set');
    const document = this.deps.jobs.document(jobId);
    if (!document) throw new DomainError('print_job_not_found', `No print job ${jobId}`);
    this.sendingElsewhere.add(jobId);
    const { transport } = backup;
    try {
      await transport.write(encodeReceipt(document));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError('backup_print_failed', reason, { reason });
    } finally {
      this.sendingElsewhere.delete(jobId);
    }
    this.deps.jobs.markPrinted(jobId);
    this.deps.log.info('held job printed on the backup printer', {
      jobId,
      printer: transport.description,
    });
    this.kick();
    return this.job(jobId);
  }

  pages(): PrintedPage[] {
    return [...this.printed];
  }

  /** The technician's paper-out switch: the state shows it at once, not at the next print. */
  async setSimulatedOffline(reason: string | null): Promise<PrinterStatus> {
    this.deps.simulated.setPaper(reason === null ? 'ok' : 'out');
    if (this.config.kind === 'simulated') {
      this.state = reason === null ? 'ready' : 'error';
      this.lastError = reason === null ? null : `printer offline: ${reason}`;
    }
    await this.refreshStatus();
    if (reason === null) this.retryFailed();
    this.emitStatus();
    return this.status();
  }

  /** Prints what a crash or shutdown left queued; failed jobs keep waiting for the cashier. */
  resume(): void {
    this.kick();
  }

  /** Resolves when everything queued has been tried once (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private retryFailed(): void {
    for (const job of this.deps.jobs.pending()) {
      if (job.status === 'failed' && !this.sendingElsewhere.has(job.id)) {
        this.deps.jobs.requeue(job.id);
      }
    }
    this.kick();
  }

  private kick(): void {
    this.emitStatus();
    // A job stored while a drain is finishing (it already found the queue empty) must not
    // wait for the next sale: the drain goes round again.
    this.kicked = true;
    this.draining ??= this.drainWhileKicked().finally(() => {
      this.draining = null;
    });
  }

  private async drainWhileKicked(): Promise<void> {
    // After this turn of the event loop: a sale's answer goes to the cashier before its
    // receipt is encoded and sent, and the queue catches up between commands.
    await afterThisTurn();
    // A status question already asked is answered before the first job's bytes go out.
    while (this.polling) await this.polling;
    this.sending = true;
    try {
      while (this.kicked) {
        this.kicked = false;
        await this.drain();
      }
    } finally {
      this.sending = false;
    }
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const first = this.deps.jobs.next();
      // A failed job blocks the queue until the cashier retries or skips it.
      if (!first || first.job.status === 'failed') break;
      const { job: next, document } = first;
      if (CANNOT_PRINT.has(this.condition)) {
        // Sent now, the receipt would wait inside the printer where nobody can retry it.
        const message = `printer ${this.condition.replace('-', ' ')}`;
        this.deps.jobs.markFailed(next.id, message);
        this.state = 'error';
        this.lastError = message;
        this.emitStatus();
        continue;
      }
      this.state = 'printing';
      this.emitStatus();
      try {
        await this.transport.write(encodeReceipt(document));
        if (this.stoppedMeanwhile()) return;
        this.deps.jobs.markPrinted(next.id);
        this.state = 'ready';
        this.lastError = null;
      } catch (error) {
        if (this.stoppedMeanwhile()) return;
        const message = error instanceof Error ? error.message : String(error);
        this.deps.jobs.markFailed(next.id, message);
        this.state = 'error';
        this.lastError = message;
        this.deps.log.warn('print failed', { jobId: next.id, error: message });
      }
      this.emitStatus();
    }
  }

  private async askStatus(): Promise<void> {
    const before = JSON.stringify([this.condition, this.drawerOpen, this.statusError]);
    const wasBlocked = CANNOT_PRINT.has(this.condition);
    try {
      const report = await this.transport.queryStatus();
      const summary = summarizeStatus(report, this.drawer.openWhen);
      this.condition = summary.condition;
      this.drawerOpen = summary.drawerOpen;
      this.statusError = null;
    } catch (error) {
      this.condition = 'unknown';
      this.drawerOpen = null;
      this.statusError = error instanceof Error ? error.message : String(error);
    }
    this.checkedAt = this.now().toISOString();
    if (wasBlocked && !CANNOT_PRINT.has(this.condition)) {
      this.state = 'ready';
      this.lastError = null;
      this.retryFailed();
    }
    if (JSON.stringify([this.condition, this.drawerOpen, this.statusError]) !== before) {
      this.emitStatus();
    }
  }

  private job(id: string): PrintJob {
    const job = this.deps.jobs.get(id);
    if (!job) throw new DomainError('print_job_not_found', `No print job ${id}`);
    return job;
  }

  private transportFor(config: PrinterConfig): PrinterTransport {
    switch (config.kind) {
      case 'simulated':
        return this.deps.simulated;
      case 'tcp':
        return createTcpPrinter({ host: config.host, port: config.port });
      case 'serial':
        return createSerialPrinter({ path: config.path, baudRate: config.baudRate });
      case 'usb-lp':
        return createUsbLpPrinter({ path: config.path });
    }
  }

  /** `stop` ran while a job's bytes were going out (read anew after an await). */
  private stoppedMeanwhile(): boolean {
    return this.stopped;
  }

  private emitStatus(): void {
    if (this.stopped) return;
    this.deps.bus.emit('printer.status', this.status());
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
