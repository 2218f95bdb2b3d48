import type Database from 'better-sqlite3';
import { settingsSchema } from '@app/api/schemas';
import { withoutFsync } from '../ledger/work-writes';
import { prepared } from '../ledger/prepared';
import type { Settings } from '@app/api/contract';

export const defaultSettings: Settings = {
  locale: 'zh-CN',
  shopName: 'Countertop Demo Shop',
  currency: 'CNY',
  taxMode: 'inclusive',
  taxRounding: 'per-line',
  cashRoundingStep: 0,
  paperWidth: 80,
  receiptHeader: '',
  receiptFooter: '',
  shopAddress: '',
  taxRates: { standard: 1300, reduced: 900 },
};

const KEY = 'shop';

/** Shop settings as one validated JSON document in the settings table. */
export class SettingsStore {
  private cached: Settings | null = null;

  constructor(private readonly db: Database.Database) {}

  get(): Settings {
    if (this.cached) return this.cached;
    const row = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as
      { value: string } | undefined;
    // A stored document from an older version keeps its values; new keys get defaults.
    const stored: unknown = row ? JSON.parse(row.value) : {};
    const parsed = settingsSchema.partial().safeParse(stored);
    this.cached = { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
    return this.cached;
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    prepared(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(KEY, JSON.stringify(next));
    this.cached = next;
    return next;
  }

  /** Small JSON values other services keep (current cart, printer config). */
  getValue(key: string): unknown {
    const row = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  setValue(key: string, value: unknown): void {
    prepared(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, JSON.stringify(value));
  }

  /**
   * A value that is work in progress (the cart): saved without an fsync of its own, so it
   * survives a crash of the process but not a power cut (withoutFsync).
   */
  setWorkValue(key: string, value: unknown): void {
    withoutFsync(this.db, () => this.setValue(key, value));
  }
}
