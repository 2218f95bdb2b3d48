import type { OverrideRef } from '@app/ledger/staff-detail';
import type { SettingsStore } from '../settings/settings-store';

const KEY = 'cart.overrides';

/**
 * Overrides used on the cart in progress (a discount beyond the limit), kept with the cart
 * so a restart does not lose them, and written into the sale's entry when it commits.
 */
export class SaleOverrides {
  constructor(private readonly settings: SettingsStore) {}

  list(): OverrideRef[] {
    const saved = this.settings.getValue(KEY);
    return Array.isArray(saved) ? (saved as OverrideRef[]) : [];
  }

  add(override: OverrideRef): void {
    this.settings.setValue(KEY, [...this.list(), override]);
  }

  clear(): void {
    if (this.list().length > 0) this.settings.setValue(KEY, []);
  }
}
