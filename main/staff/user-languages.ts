import { z } from 'zod';
import type { Locale } from '@app/i18n/messages';
import { locales } from '@app/i18n/messages';

const KEY = 'staff.languages';
const storedSchema = z.record(z.string(), z.enum(locales as [Locale, ...Locale[]]));

/** Where small JSON values are kept (the settings table). */
export interface ValueStore {
  getValue(key: string): unknown;
  setValue(key: string, value: unknown): void;
}

/**
 * Each person's screen language, by user id: what they picked with the 中文/EN button,
 * applied whenever they sign in. Nobody's choice changes anyone else's screen or the
 * language receipts print in (a shop setting).
 */
export class UserLanguages {
  constructor(private readonly store: ValueStore) {}

  of(userId: string): Locale | null {
    return this.all()[userId] ?? null;
  }

  set(userId: string, language: Locale): void {
    this.store.setValue(KEY, { ...this.all(), [userId]: language });
  }

  private all(): Record<string, Locale> {
    const parsed = storedSchema.safeParse(this.store.getValue(KEY));
    return parsed.success ? parsed.data : {};
  }
}
