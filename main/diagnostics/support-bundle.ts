import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SettingsStore } from '../settings/settings-store';
import { appVersion } from '../version';
import { checkDatabaseHealth } from './database-health';
import { readLogTail } from './log-tail';
import { redactText, redactValue } from './redact';
import type { RedactOptions } from './redact';
import { collectSystemInfo } from './system-info';
import { createZip } from './zip-writer';

export interface SupportBundleInputs {
  /** The ledger connection: settings and health are read from it, nothing is written. */
  db: Database.Database;
  databaseFile: string;
  dataDir: string;
  logFile: string;
  /** The device list as the caller knows it (e.g. DeviceService's view). */
  devices: unknown;
  /** The sync status as the caller knows it (e.g. SyncService's status). */
  syncStatus: unknown;
  /** Exact strings to remove besides the patterns, e.g. the terminal secret's base64. */
  knownSecrets?: readonly string[];
  /** Log records to include, newest last. Default 5,000. */
  logLines?: number;
  /** integrity_check instead of quick_check (slower on a big ledger). */
  fullIntegrityCheck?: boolean;
  appVersion?: string;
  now?: Date;
}

/** What is in the archive, in this order. */
export const BUNDLE_FILES = [
  'README.txt',
  'manifest.json',
  'system-info.json',
  'database-health.json',
  'settings.json',
  'devices.json',
  'sync-status.json',
  'log-tail.jsonl',
] as const;

/**
 * A .zip a technician can send to support: system info, database health, settings, devices,
 * sync status and the log's tail. Every file passes through the redaction twice: as a value
 * (secret keys, strings, member names) and as the final text (known secrets, patterns).
 * A part that fails to collect records its error instead of failing the bundle.
 */
export function buildSupportBundle(inputs: SupportBundleInputs): Uint8Array {
  const now = inputs.now ?? new Date();
  const redaction: RedactOptions = { knownSecrets: inputs.knownSecrets ?? [] };
  const json = (value: unknown): string =>
    redactText(JSON.stringify(redactValue(value, redaction), null, 2) + '\n', redaction);
  const version = inputs.appVersion ?? appVersion;

  const tail = collect(() => readLogTail(inputs.logFile, { lines: inputs.logLines ?? 5_000 }));
  const logText =
    'error' in tail
      ? json(tail)
      : tail.lines
          .map((line) => redactText(JSON.stringify(redactValue(line, redaction)), redaction))
          .join('\n') + '\n';
  const files: Record<(typeof BUNDLE_FILES)[number], string> = {
    'README.txt': redactText(readme(now, version), redaction),
    'manifest.json': json({
      createdAt: now.toISOString(),
      appVersion: version,
      files: BUNDLE_FILES,
      logTail:
        'error' in tail
          ? tail
          : {
              file: inputs.logFile,
              lines: tail.lines.length,
              skipped: tail.skipped,
              capped: tail.capped,
              fileBytes: tail.fileBytes,
            },
    }),
    'system-info.json': json(
      collect(() =>
        collectSystemInfo({
          dataDir: inputs.dataDir,
          appVersion: version,
          sqliteVersion: sqliteVersion(inputs.db),
        }),
      ),
    ),
    'database-health.json': json(
      collect(() =>
        checkDatabaseHealth(inputs.db, inputs.databaseFile, {
          full: inputs.fullIntegrityCheck === true,
        }),
      ),
    ),
    'settings.json': json(collect(() => readSettings(inputs.db))),
    'devices.json': json(inputs.devices),
    'sync-status.json': json(inputs.syncStatus),
    'log-tail.jsonl': logText,
  };
  const modified = now;
  return createZip(BUNDLE_FILES.map((name) => ({ name, data: files[name], modified })));
}

/**
 * Writes the bundle into `dir` as `countertop-support-YYYYMMDD-HHMMSS.zip` (UTC), readable
 * by this user only (it holds the shop's settings), and returns its path. Written under a
 * temporary name first, so a half-written archive never carries the final name.
 */
export function writeSupportBundle(dir: string, inputs: SupportBundleInputs): string {
  const now = inputs.now ?? new Date();
  const bytes = buildSupportBundle({ ...inputs, now });
  mkdirSync(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  const file = join(dir, `countertop-support-${stamp}.zip`);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, bytes, { mode: 0o600 });
  renameSync(temporary, file);
  return file;
}

/** The shop settings as the app sees them (defaults filled in) and every stored value. */
function readSettings(db: Database.Database): unknown {
  const store = new SettingsStore(db);
  const keys = db
    .prepare<[], { key: string }>('SELECT key FROM settings ORDER BY key')
    .all()
    .map((row) => row.key);
  const stored: Record<string, unknown> = {};
  for (const key of keys) stored[key] = collect(() => store.getValue(key));
  return { shop: collect(() => store.get()), stored };
}

const sqliteVersion = (db: Database.Database): string | undefined =>
  db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v;

/** The value, or what went wrong collecting it. */
function collect<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const readme = (now: Date, version: string): string =>
  [
    `Countertop support bundle, ${now.toISOString()}, version ${version}.`,
    '',
    'Card numbers, track data, the terminal secret, signatures, tokens and every value',
    'under a key that names a secret are replaced by [redacted].',
    '',
    ...BUNDLE_FILES.map((name) => `- ${name}`),
    '',
  ].join('\n');
