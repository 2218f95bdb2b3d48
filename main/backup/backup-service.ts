import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupCopy, BackupStatus, RestoreOutcome } from '@app/api/contract';
import type { AppError } from '@app/result';
import { DomainError } from '@app/result';
import type { Logger } from '../log/logger';
import {
  backupFileName,
  checkFolder,
  checkSpace,
  folderError,
  listBackups,
  pruneBackups,
  writeManifest,
} from './backup-folder';
import { workerBackupRunner } from './backup-runner';
import type { BackupRunner } from './backup-runner';
import { dueAtStart, dueOnSchedule, nextScheduled } from './backup-schedule';
import type { BackupOutcome, BackupSettings, BackupSettingsStore } from './backup-settings';
import type { LedgerSwap } from './ledger-swap';
import { checkBackup, stageRestore } from './restore';
import { noteBackupFolder } from '../recovery/backup-location';

export interface BackupServiceDeps {
  db: Database.Database;
  ledgerFile: string;
  dataDir: string;
  settings: BackupSettingsStore;
  terminalId: () => string;
  appVersion: string;
  emit: (status: BackupStatus) => void;
  log: Logger;
  now?: () => Date;
  /** Where copies are made and verified; by default a worker thread. */
  runner?: BackupRunner;
  nativeBinding?: string;
  pagesPerStep?: number;
  /** The composition root's restart: close the services, swap the ledger, start them again. */
  replaceLedger?: (swap: LedgerSwap) => void;
  /** How long after start the "older than a day" backup waits, so starting stays quick. */
  startDelayMs?: number;
  tickMs?: number;
}

type Trigger = BackupOutcome['trigger'];
type Progress = NonNullable<BackupStatus['running']>;

/** Progress reaches the screen at most this often (the copy takes thousands of steps). */
const PROGRESS_EVERY_MS = 200;

/**
 * Backups of the ledger to the owner's folder: daily at the owner's hour, at start when the
 * last is older than a day, and on demand. A backup is an online copy on the app's
 * connection in small steps (selling goes on), written to the folder and read back on a
 * worker, with a manifest beside it. A failure is recorded, logged and shown; it never
 * reaches a sale.
 */
export class BackupService {
  private running: Progress | null = null;
  private current: Promise<BackupStatus> | null = null;
  private lastEmit = 0;
  private stopping = false;
  private restoring = false;
  private cancelJob: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly now: () => Date;
  private readonly runner: BackupRunner;

  constructor(private readonly deps: BackupServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.runner = deps.runner ?? workerBackupRunner;
  }

  status(): BackupStatus {
    const settings = this.deps.settings.get();
    const last = this.deps.settings.last();
    const lastAttempt = last ? new Date(last.at) : null;
    return {
      settings,
      running: this.running,
      last,
      lastSuccessAt: this.deps.settings.lastSuccessAt(),
      nextAt:
        settings.folder === null
          ? null
          : nextScheduled(this.now(), settings.hour, lastAttempt).toISOString(),
      terminalId: this.deps.terminalId(),
    };
  }

  async configure(next: BackupSettings & { folder: string }): Promise<BackupStatus> {
    await checkFolder(next.folder);
    this.deps.settings.set(next);
    try {
      noteBackupFolder(this.deps.dataDir, next.folder);
    } catch (error) {
      this.deps.log.warn('could not note the backup folder beside the ledger', {
        error: String(error),
      });
    }
    return this.changed();
  }

  /** Backs up now; resolves with the status when done, throws the reason it failed. */
  async run(trigger: Trigger): Promise<BackupStatus> {
    if (this.current || this.restoring || this.stopping) {
      throw new DomainError('backup_running', 'A backup or a restore is running');
    }
    const settings = this.deps.settings.get();
    if (settings.folder === null) {
      throw new DomainError('backup_folder_unset', 'No backup folder chosen');
    }
    this.current = this.perform(trigger, settings.folder, settings.keepDays);
    try {
      return await this.current;
    } finally {
      this.current = null;
    }
  }

  async list(): Promise<BackupCopy[]> {
    const folder = this.requireFolder();
    return listBackups(folder, this.deps.terminalId()).catch((error: unknown) => {
      throw folderError(error, folder);
    });
  }

  /** Verifies one backup again, as it is in the folder now. */
  async check(name: string): Promise<BackupCopy> {
    const folder = this.requireFolder();
    return checkBackup(this.restoreDeps(), folder, name);
  }

  /**
   * Checks the backup, stages it beside the ledger and hands the swap to the composition
   * root, which restarts the services on it once this command has answered.
   */
  async restore(name: string, confirmTerminalId?: string): Promise<RestoreOutcome> {
    const replace = this.deps.replaceLedger;
    if (!replace) throw new DomainError('restore_failed', 'This host cannot restart its services');
    if (this.current || this.restoring) {
      throw new DomainError('backup_running', 'A backup or a restore is running');
    }
    const folder = this.requireFolder();
    this.restoring = true;
    let swap: LedgerSwap;
    try {
      swap = await stageRestore(this.restoreDeps(), folder, name, confirmTerminalId);
    } finally {
      this.restoring = false;
    }
    // From here these services only wait to be closed: no backup starts on the old ledger.
    this.stopping = true;
    this.deps.log.warn('restoring a backup: the services restart', {
      backup: name,
      aside: swap.asideDir,
    });
    replace(swap);
    return { ok: true, name, asideDir: swap.asideDir, error: null };
  }

  /** Starts the schedule: a minute tick, and the start check after a short delay. */
  start(): void {
    const after = setTimeout(() => {
      const lastSuccess = this.deps.settings.lastSuccessAt();
      if (dueAtStart(this.now(), lastSuccess === null ? null : new Date(lastSuccess))) {
        this.runInBackground('start');
      }
    }, this.deps.startDelayMs ?? 30_000);
    const tick = setInterval(() => {
      const { hour } = this.deps.settings.get();
      const last = this.deps.settings.last();
      if (dueOnSchedule(this.now(), hour, last ? new Date(last.at) : null)) {
        this.runInBackground('schedule');
      }
    }, this.deps.tickMs ?? 60_000);
    after.unref();
    tick.unref();
    this.timers = [after, tick];
  }

  /** Stops the schedule and abandons a backup in progress (its partial files are removed). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.stopping = true;
    this.cancelJob?.();
    await this.current?.catch(() => undefined);
  }

  private runInBackground(trigger: Trigger): void {
    if (this.current || this.restoring || this.stopping) return;
    if (this.deps.settings.get().folder === null) return;
    // The outcome is recorded, logged and shown; nothing else waits for it.
    void this.run(trigger).catch(() => undefined);
  }

  private async perform(trigger: Trigger, folder: string, keepDays: number): Promise<BackupStatus> {
    const started = this.now();
    const terminalId = this.deps.terminalId();
    const name = backupFileName(terminalId, started);
    const destination = join(folder, name);
    try {
      await checkFolder(folder);
      const pageSize = this.deps.db.pragma('page_size', { simple: true }) as number;
      const pageCount = this.deps.db.pragma('page_count', { simple: true }) as number;
      // Room for the copy, and for what the ledger may grow by while it is made.
      await checkSpace(folder, Math.ceil(pageSize * pageCount * 1.05));
      this.progress({ phase: 'copying', done: 0, total: pageCount });
      const job = this.runner(
        {
          kind: 'backup',
          ledger: this.deps.ledgerFile,
          destination,
          ...(this.deps.pagesPerStep === undefined ? {} : { pagesPerStep: this.deps.pagesPerStep }),
          ...(this.deps.nativeBinding === undefined
            ? {}
            : { nativeBinding: this.deps.nativeBinding }),
        },
        (phase, done, total) => this.progress({ phase, done, total }),
      );
      this.cancelJob = job.cancel;
      const verification = await job.done.catch((error: unknown) => {
        throw folderError(error, folder);
      });
      if (!verification.ok || verification.facts === null) {
        rmSync(destination, { force: true });
        const problem = verification.problems[0];
        throw new DomainError('backup_verify_failed', `The copy in ${folder} did not verify`, {
          folder,
          problem: problem ? `${problem.kind}: ${problem.detail}` : 'unknown',
        });
      }
      const { facts } = verification;
      await writeManifest(folder, {
        format: 'countertop-backup/1',
        file: name,
        terminalId: facts.terminalId,
        merchantId: facts.merchantId,
        headSeq: facts.headSeq,
        headHash: facts.headHash,
        createdAt: started.toISOString(),
        sha256: verification.sha256,
        bytes: verification.bytes,
        appVersion: this.deps.appVersion,
        verified: { ok: true, at: this.now().toISOString(), problems: [] },
      }).catch((error: unknown) => {
        rmSync(destination, { force: true });
        throw folderError(error, folder);
      });
      const pruned = await pruneBackups(folder, terminalId, keepDays, this.now()).catch(
        (error: unknown) => {
          // A copy that could not be pruned costs space, not safety: the backup stands.
          this.deps.log.warn('backup pruning failed', { folder, error: String(error) });
          return [];
        },
      );
      this.deps.log.info('backup written', {
        trigger,
        backup: name,
        headSeq: facts.headSeq,
        bytes: verification.bytes,
        pruned: pruned.length,
      });
      return this.finish({ at: started.toISOString(), trigger, ok: true, name, error: null });
    } catch (error) {
      const reason = folderError(error, folder);
      this.deps.log.warn('backup failed', { trigger, code: reason.code, error: reason.message });
      this.finish({
        at: started.toISOString(),
        trigger,
        ok: false,
        name: null,
        error: asAppError(reason),
      });
      throw reason;
    } finally {
      this.cancelJob = null;
      rmSync(`${destination}.partial`, { force: true });
    }
  }

  private finish(outcome: BackupOutcome): BackupStatus {
    this.running = null;
    // After a failed write of the outcome (a full data disk) the screen still hears of it.
    try {
      this.deps.settings.record(outcome);
    } catch (error) {
      this.deps.log.error('backup outcome not saved', { error: String(error) });
    }
    return this.changed();
  }

  private progress(next: Progress): void {
    const phaseChanged = this.running?.phase !== next.phase;
    this.running = next;
    const at = Date.now();
    if (!phaseChanged && at - this.lastEmit < PROGRESS_EVERY_MS) return;
    this.lastEmit = at;
    this.deps.emit(this.status());
  }

  private changed(): BackupStatus {
    const status = this.status();
    this.deps.emit(status);
    return status;
  }

  private requireFolder(): string {
    const { folder } = this.deps.settings.get();
    if (folder === null) throw new DomainError('backup_folder_unset', 'No backup folder chosen');
    return folder;
  }

  private restoreDeps() {
    return {
      dataDir: this.deps.dataDir,
      ledgerFile: this.deps.ledgerFile,
      terminalId: this.deps.terminalId(),
      runner: this.runner,
      now: this.now,
      ...(this.deps.nativeBinding === undefined ? {} : { nativeBinding: this.deps.nativeBinding }),
      onProgress: (phase: Progress['phase'], done: number, total: number) =>
        this.progress({ phase, done, total }),
      onDone: () => {
        this.running = null;
        this.changed();
      },
    };
  }
}

const asAppError = (error: DomainError): AppError =>
  error.params
    ? { code: error.code, message: error.message, params: error.params }
    : { code: error.code, message: error.message };
