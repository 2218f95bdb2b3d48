import type { MonoImage } from '@app/receipt/logo';
import { monoImageProblem } from '@app/receipt/logo';
import { monoImageSchema } from '@app/api/schemas';
import { DomainError } from '@app/result';
import type { SettingsStore } from '../settings/settings-store';

const LOGO_KEY = 'receipt.logo';

/** The logo printed at the top of every receipt, kept with the settings. */
export class ShopLogo {
  constructor(private readonly settings: SettingsStore) {}

  get(): MonoImage | null {
    const saved = monoImageSchema.safeParse(this.settings.getValue(LOGO_KEY));
    return saved.success && monoImageProblem(saved.data) === null ? saved.data : null;
  }

  set(logo: MonoImage | null): MonoImage | null {
    const problem = logo && monoImageProblem(logo);
    if (problem) throw new DomainError('invalid_logo', `Logo: ${problem}`, { reason: problem });
    this.settings.setValue(LOGO_KEY, logo);
    return logo;
  }
}
