import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { NewEntry } from '@app/ledger/entry';
import { openDatabase } from '../ledger/database';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { SettingsStore } from '../settings/settings-store';
import { TerminalIdentityStore } from '../terminal/terminal-identity';
import { silentLogger } from '../log/logger';
import { ReportIndex } from './report-index';
import { Ledger } from '../kernel/ledger';
import { ReportService } from './report-service';
import { ReportSettingsStore } from './report-settings';

export interface ReportStack {
  temp: TempDatabase;
  ledger: Ledger;
  index: ReportIndex;
  reportSettings: ReportSettingsStore;
  service: ReportService;
  identity: TerminalIdentityStore;
  clock: { now: Date };
  /** Appends entries as their writers would, each in its own transaction. */
  append(entries: NewEntry[]): void;
  /** The same database opened again, as after a restart. */
  reopen(): ReportStack;
  dispose(): void;
}

/** The report services on a ledger database, wired as main/services.ts wires them. */
export function reportStack(
  options: { timeZone?: string; cutoffHour?: number; temp?: TempDatabase; now?: Date } = {},
): ReportStack {
  const temp = options.temp ?? tempDatabase('countertop-reports-');
  const settings = new SettingsStore(temp.db);
  const reportSettings = new ReportSettingsStore(settings, options.timeZone ?? 'Asia/Shanghai');
  if (options.timeZone !== undefined || options.cutoffHour !== undefined) {
    reportSettings.update({
      ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
      ...(options.cutoffHour !== undefined ? { cutoffHour: options.cutoffHour } : {}),
    });
  }
  const clock = { now: options.now ?? new Date('2026-11-23T03:00:00.000Z') };
  const index = new ReportIndex(temp.db, {
    clock: () => {
      const { timeZone, cutoffHour } = reportSettings.get();
      return { timeZone, cutoffHour };
    },
    fees: () => reportSettings.get().fees,
    log: silentLogger,
  });
  const ledger = reportingLedger(temp.db, index);
  const identity = new TerminalIdentityStore(temp.db);
  const service = new ReportService({
    db: temp.db,
    ledger,
    index,
    identity,
    settings: reportSettings,
    currency: () => 'CNY',
    log: silentLogger,
    now: () => clock.now,
  });
  const stack: ReportStack = {
    temp,
    ledger,
    index,
    reportSettings,
    service,
    identity,
    clock,
    append: (entries) => {
      for (const entry of entries) {
        const batchNo = identity.current().batchNo;
        ledger.commit((tx) => tx.append({ ...entry, batchNo }));
      }
    },
    reopen: () => {
      temp.db.close();
      const db = openDatabase(temp.file);
      const reopened: TempDatabase = {
        ...temp,
        db,
        dispose: () => {
          if (db.open) db.close();
          rmSync(temp.dir, { recursive: true, force: true });
        },
      };
      return reportStack({ temp: reopened, now: clock.now });
    },
    dispose: () => temp.dispose(),
  };
  return stack;
}

/** A ledger whose entries keep the report sums, as the app composes it. */
export function reportingLedger(db: Database.Database, index: ReportIndex): Ledger {
  const ledger = new Ledger(db, silentLogger);
  ledger.follow('all', (entry) => index.apply(entry));
  return ledger;
}
