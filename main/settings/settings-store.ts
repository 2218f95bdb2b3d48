import type Database from 'better-sqlite3';
import { z } from 'zod';
import { settingsSchema } from '@app/api/schemas';
import { withoutFsync } from '../ledger/work-writes';
import { prepared } from '../ledger/prepared';
import type { Settings } from '@app/api/contract';
import { defaultTaxClasses } from '@app/tax/tax-class';

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
  taxClasses: defaultTaxClasses('zh-CN'),
};

/** A rule another part of the till keeps over a change of settings; throws to refuse it. */
export type SettingsCheck = (before: Settings, after: Settings) => void;

const legacyRatesSchema = z.object({ standard: z.number().int(), reduced: z.number().int() });

/**
 * Documents saved before tax classes had names hold `taxRates: {standard, reduced}`: they
 * become the two named classes (named in the shop's language), with the same ids and rates.
 */
export function migrateSettings(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  const { taxRates, ...rest } = stored as Record<string, unknown>;
  if ('taxClasses' in rest) return rest;
  const rates = legacyRatesSchema.safeParse(taxRates);
  if (!rates.success) return rest;
  const locale = rest.locale === 'en' ? 'en' : 'zh-CN';
  return { ...rest, taxClasses: defaultTaxClasses(locale, rates.data) };
}

const KEY = 'shop';

/** Shop settings as one validated JSON document in the settings table. */
export class SettingsStore {
  private cached: Settings | null = null;
  private readonly checks: SettingsCheck[] = [];

  constructor(private readonly db: Database.Database) {}

  get(): Settings {
    if (this.cached) return this.cached;
    const row = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as
      { value: string } | undefined;
    // A stored document from an older version keeps its values; new keys get defaults.
    const stored = migrateSettings(row ? JSON.parse(row.value) : {});
    const parsed = settingsSchema.partial().safeParse(stored);
    this.cached = { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
    return this.cached;
  }

  /** Adds a rule every later update must pass (the catalog's: no removing a class in use). */
  addCheck(check: SettingsCheck): void {
    this.checks.push(check);
  }

  update(patch: Partial<Settings>): Settings {
    const before = this.get();
    const next = settingsSchema.parse({ ...before, ...patch });
    for (const check of this.checks) check(before, next);
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
