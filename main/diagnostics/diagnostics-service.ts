import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import type {
  DatabaseHealthView,
  LogTailView,
  StorageHealthView,
  SupportBundleView,
  SystemInfoView,
} from '@app/api/contract';
import type { LogLevel } from '../log/logger';
import { checkDatabaseHealth } from './database-health';
import { readLogTail } from './log-tail';
import { redactText, redactValue } from './redact';
import { writeSupportBundle } from './support-bundle';
import { collectSystemInfo } from './system-info';

export interface DiagnosticsDeps {
  db: Database.Database;
  databaseFile: string;
  dataDir: string;
  logFile: string;
  appVersion: string;
  /** What the device and sync screens show, for the bundle. */
  devices: () => Promise<unknown>;
  syncStatus: () => unknown;
  /** Whether the log and the checkpoint are failing. */
  storage: () => StorageHealthView;
  /** Exact secrets to strike from the bundle besides the patterns (the terminal secret). */
  knownSecrets: () => string[];
}

/** The technician's checks: the log's tail, the database, this computer, a support bundle. */
export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  logTail(lines: number, minLevel: LogLevel): LogTailView {
    const tail = readLogTail(this.deps.logFile, { lines, minLevel });
    // Callers never log secrets; redacting here too means a slip never reaches a screen.
    const knownSecrets = this.deps.knownSecrets();
    return {
      ...tail,
      lines: tail.lines.map((line) => ({
        ...line,
        message: redactText(line.message, { knownSecrets }),
        fields: redactValue(line.fields, {
          knownSecrets,
        }) as LogTailView['lines'][number]['fields'],
      })),
    };
  }

  database(full: boolean): DatabaseHealthView {
    return checkDatabaseHealth(this.deps.db, this.deps.databaseFile, { full });
  }

  system(): SystemInfoView {
    const row = this.deps.db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    return {
      ...collectSystemInfo({
        dataDir: this.deps.dataDir,
        appVersion: this.deps.appVersion,
        sqliteVersion: row.v,
      }),
      storage: this.deps.storage(),
    };
  }

  async exportBundle(): Promise<SupportBundleView> {
    const path = writeSupportBundle(join(this.deps.dataDir, 'support'), {
      db: this.deps.db,
      databaseFile: this.deps.databaseFile,
      dataDir: this.deps.dataDir,
      logFile: this.deps.logFile,
      devices: await this.deps.devices(),
      syncStatus: this.deps.syncStatus(),
      knownSecrets: this.deps.knownSecrets(),
      appVersion: this.deps.appVersion,
    });
    const bytes = readFileSync(path);
    return {
      fileName: basename(path),
      path,
      sizeBytes: bytes.length,
      base64: bytes.toString('base64'),
    };
  }
}
