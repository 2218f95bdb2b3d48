import type { z } from 'zod';
import { backupOutcomeSchema, backupSettingsSchema } from '@app/api/backup-schemas';
import type { SettingsStore } from '../settings/settings-store';

export type BackupSettings = z.output<typeof backupSettingsSchema>;
export type BackupOutcome = z.output<typeof backupOutcomeSchema>;

const SETTINGS_KEY = 'backup.settings';
const LAST_KEY = 'backup.last';
const LAST_SUCCESS_KEY = 'backup.lastSuccessAt';

/** No folder until the owner picks one; 02:00 is after closing and before opening. */
export const defaultBackupSettings: BackupSettings = { folder: null, hour: 2, keepDays: 30 };

/**
 * The owner's backup settings and the last outcome, kept in the settings table and held in
 * memory: a restore must still find its folder when the ledger it replaces is damaged.
 */
export class BackupSettingsStore {
  private settingsNow: BackupSettings = defaultBackupSettings;
  private lastNow: BackupOutcome | null = null;
  private lastSuccessNow: string | null = null;

  constructor(private readonly settings: SettingsStore) {
    const settingsRead = backupSettingsSchema.safeParse(settings.getValue(SETTINGS_KEY));
    if (settingsRead.success) this.settingsNow = settingsRead.data;
    const lastRead = backupOutcomeSchema.safeParse(settings.getValue(LAST_KEY));
    if (lastRead.success) this.lastNow = lastRead.data;
    const success = settings.getValue(LAST_SUCCESS_KEY);
    if (typeof success === 'string') this.lastSuccessNow = success;
  }

  get(): BackupSettings {
    return this.settingsNow;
  }

  set(next: BackupSettings): void {
    const parsed = backupSettingsSchema.parse(next);
    this.settings.setValue(SETTINGS_KEY, parsed);
    this.settingsNow = parsed;
  }

  last(): BackupOutcome | null {
    return this.lastNow;
  }

  lastSuccessAt(): string | null {
    return this.lastSuccessNow;
  }

  /** Held even when it cannot be saved (a full data disk): the screen still shows it. */
  record(outcome: BackupOutcome): void {
    this.lastNow = outcome;
    if (outcome.ok) this.lastSuccessNow = outcome.at;
    this.settings.setValue(LAST_KEY, outcome);
    if (outcome.ok) this.settings.setValue(LAST_SUCCESS_KEY, outcome.at);
  }
}
