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

/** The owner's backup settings and the last outcome, kept in the settings table. */
export class BackupSettingsStore {
  constructor(private readonly settings: SettingsStore) {}

  get(): BackupSettings {
    const parsed = backupSettingsSchema.safeParse(this.settings.getValue(SETTINGS_KEY));
    return parsed.success ? parsed.data : defaultBackupSettings;
  }

  set(next: BackupSettings): void {
    this.settings.setValue(SETTINGS_KEY, backupSettingsSchema.parse(next));
  }

  last(): BackupOutcome | null {
    const parsed = backupOutcomeSchema.safeParse(this.settings.getValue(LAST_KEY));
    return parsed.success ? parsed.data : null;
  }

  lastSuccessAt(): string | null {
    const value = this.settings.getValue(LAST_SUCCESS_KEY);
    return typeof value === 'string' ? value : null;
  }

  record(outcome: BackupOutcome): void {
    this.settings.setValue(LAST_KEY, outcome);
    if (outcome.ok) this.settings.setValue(LAST_SUCCESS_KEY, outcome.at);
  }
}
