import { rmSync } from 'node:fs';
import type { RestoreOutcome } from '@app/api/contract';
import { commandNames } from '@app/api/names';
import { DomainError } from '@app/result';
import { createDispatcher } from '../api/dispatcher';
import { listBackups, folderError, readManifest } from '../backup/backup-folder';
import { workerBackupRunner } from '../backup/backup-runner';
import type { BackupRunner } from '../backup/backup-runner';
import type { LedgerSwap } from '../backup/ledger-swap';
import { stageRestore } from '../backup/restore';
import { EventBus } from '../kernel/event-bus';
import type { Handlers } from '../kernel/handlers';
import type { Logger } from '../log/logger';
import type { Services } from '../services';
import { notedBackupFolder } from './backup-location';
import type { LedgerUnreadableError } from './ledger-unreadable';
import { isOwnerPinIn } from './owner-pin-in-copy';

export interface RecoveryOptions {
  dataDir: string;
  failure: LedgerUnreadableError;
  log: Logger;
  replaceLedger: (swap: LedgerSwap) => void;
  runner?: BackupRunner;
  nativeBinding?: string;
  now?: () => Date;
}

/** Wrong owner PINs in a row before restoring waits, and how long it waits. */
const MAX_WRONG_PINS = 5;
const LOCKED_MS = 5 * 60_000;

/**
 * The till when its ledger cannot be opened: no sale, no sign-in, only what an owner needs
 * to put a good backup in its place. Every other command answers `ledger_unreadable` (the
 * screen shows the recovery page on it). The restore checks the copy like any restore and
 * takes the PIN of an owner in that copy; the damaged files are kept aside.
 */
export function createRecoveryServices(options: RecoveryOptions): Services {
  const { dataDir, failure, log } = options;
  const now = options.now ?? (() => new Date());
  const bus = new EventBus();
  let wrongPins = 0;
  let lockedUntil = 0;
  let restoring = false;
  log.error('the ledger cannot be opened: starting in recovery', { problem: failure.problem });

  const unreadable = (): never => {
    throw new DomainError('ledger_unreadable', failure.message, { problem: failure.problem });
  };
  const refuseWhileLocked = (): void => {
    const waitMs = lockedUntil - now().getTime();
    if (waitMs > 0) {
      throw new DomainError('recovery_locked', 'Too many wrong owner PINs', {
        seconds: Math.ceil(waitMs / 1000),
      });
    }
  };

  async function restore(folder: string, name: string, pin: string): Promise<RestoreOutcome> {
    refuseWhileLocked();
    if (restoring) throw new DomainError('backup_running', 'A restore is running');
    restoring = true;
    try {
      // Another till's copy needs no typed ID here: this till's own ID is in the damaged
      // ledger, and the owner PIN of the copy is the stronger check.
      const theirs = (await readManifest(folder, name).catch(() => null))?.terminalId ?? '';
      const swap = await stageRestore(
        {
          dataDir,
          ledgerFile: failure.file,
          terminalId: theirs,
          runner: options.runner ?? workerBackupRunner,
          now,
          ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
          onProgress: () => undefined,
          onDone: () => undefined,
        },
        folder,
        name,
        undefined,
      ).catch((error: unknown) => {
        throw error instanceof DomainError ? error : folderError(error, folder);
      });
      if (!(await isOwnerPinIn(swap.staged, pin, options.nativeBinding))) {
        rmSync(swap.staged, { force: true });
        wrongPins += 1;
        if (wrongPins >= MAX_WRONG_PINS) {
          wrongPins = 0;
          lockedUntil = now().getTime() + LOCKED_MS;
        }
        log.warn('recovery: a wrong owner PIN for the backup', { backup: name });
        throw new DomainError('recovery_pin_wrong', 'Not the PIN of an owner in this backup');
      }
      log.warn('recovery: restoring a backup over the unreadable ledger', {
        backup: name,
        aside: swap.asideDir,
      });
      options.replaceLedger(swap);
      return { ok: true, name, asideDir: swap.asideDir, error: null };
    } finally {
      restoring = false;
    }
  }

  // Every command refuses, but for the few recovery needs: the Record keeps it complete.
  const handlers = Object.fromEntries(commandNames.map((name) => [name, unreadable])) as Record<
    (typeof commandNames)[number],
    unknown
  > as Handlers;
  handlers['recovery.status'] = () => ({
    problem: failure.problem,
    dataDir,
    folder: notedBackupFolder(dataDir),
  });
  handlers['recovery.list'] = async ({ folder }) =>
    listBackups(folder, '').catch((error: unknown) => {
      throw folderError(error, folder);
    });
  handlers['recovery.restore'] = ({ folder, name, ownerPin }) => restore(folder, name, ownerPin);

  return {
    dispatch: createDispatcher(handlers, log),
    bus,
    log,
    shiftOpen: () => false,
    idle: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
