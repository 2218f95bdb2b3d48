import type Database from 'better-sqlite3';
import type { EventBus } from '../kernel/event-bus';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import { BackupService } from './backup-service';
import { BackupSettingsStore } from './backup-settings';
import type { LedgerSwap } from './ledger-swap';

export interface BackupWiring {
  db: Database.Database;
  ledgerFile: string;
  dataDir: string;
  version: string;
  sqliteBinding?: string;
  settings: SettingsStore;
  identity: TerminalIdentityStore;
  bus: EventBus;
  log: Logger;
  /** The composition root's restart for a restore (absent: restore is refused). */
  replaceLedger?: (swap: LedgerSwap) => void;
}

/** The backup service as the app runs it, its schedule started. */
export function createBackup(w: BackupWiring): BackupService {
  let knownTerminal = w.identity.current().terminalId;
  const terminalId = (): string => {
    try {
      knownTerminal = w.identity.current().terminalId;
    } catch {
      // A damaged ledger: the ID it had at start (binding can change it) still names the till.
    }
    return knownTerminal;
  };
  const backup = new BackupService({
    db: w.db,
    ledgerFile: w.ledgerFile,
    dataDir: w.dataDir,
    settings: new BackupSettingsStore(w.settings),
    terminalId,
    appVersion: w.version,
    emit: (status) => w.bus.emit('backup.changed', status),
    log: w.log,
    ...(w.sqliteBinding === undefined ? {} : { nativeBinding: w.sqliteBinding }),
    ...(w.replaceLedger ? { replaceLedger: w.replaceLedger } : {}),
  });
  backup.start();
  return backup;
}
