import type Database from 'better-sqlite3';
import type { AppInfo } from '@app/api/contract';
import type { LedgerSwap } from './backup/ledger-swap';
import type { ImportRunner } from './catalog/import-runner';
import type { Dispatch } from './kernel/handlers';
import type { EventBus } from './kernel/event-bus';
import type { Logger } from './log/logger';
import type { ScryptCost } from './staff/pin-hash';
import type { RetryLimits } from './sync/retry-delay';
import type { SecretStore } from './sync/secret-store';

/** What a host (browser, Electron, a test) chooses when it builds the services. */
export interface ServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** Path of a better-sqlite3 binary built for Electron's ABI, when running in Electron. */
  sqliteBinding?: string;
  log?: Logger;
  /** Fault injection for tests (e.g. a capped file size standing in for a full disk). */
  onDatabase?: (db: Database.Database) => void;
  /** Where the terminal secret is kept; by default a file only this user may read. */
  secrets?: SecretStore;
  /** Where other keys are kept (the card-hash key), by name; by default such files too. */
  secretStoreFor?: (name: string) => SecretStore;
  /** `--simulate`: roles with no saved device use their simulators. */
  simulateDevices?: boolean;
  /** Upload request timeout and back-off limits (tests shorten them). */
  syncTimeoutMs?: number;
  syncRetryLimits?: RetryLimits;
  /** Staff: the clock sessions and lockouts read (tests move it), a cheaper scrypt for tests. */
  now?: () => Date;
  scryptCost?: ScryptCost;
  /** Where a CSV import is applied; by default a worker thread with its own connection. */
  importRunner?: ImportRunner;
  /** Payments (issue #6): the host's authorization timeout (30 s) and the swipe wait; tests shorten them. */
  authorizationTimeoutMs?: number;
  swipeWaitMs?: number;
  abandonPaymentAfterMs?: number;
  /** The Electron host saves a page as PDF (printToPDF); the browser host prints instead. */
  savePdf?: (suggestedName: string) => Promise<{ saved: boolean; path: string | null }>;
  /** Restore (issue #14): close these services, swap the ledger, start anew (restartable-services.ts). */
  replaceLedger?: (swap: LedgerSwap) => void;
}

/** What the hosts hold: the API, its events, the log, and the till's lifetime. */
export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  log: Logger;
  /** Whether a shift is open now (then `shift.changed` tells of each change). */
  shiftOpen(): boolean;
  /** Waits for queued print jobs to be tried and any upload step in flight (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
