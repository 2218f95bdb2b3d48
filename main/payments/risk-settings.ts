import { riskSettingsSchema } from '@app/api/payment-schemas';
import { defaultRiskSettings } from '@app/payments/risk-rules';
import type { RiskSettings } from '@app/payments/risk-rules';
import type { SettingsStore } from '../settings/settings-store';

const RISK_KEY = 'payments.risk';

/** The owner's risk rules, kept with the settings; the defaults refuse nothing. */
export class RiskSettingsStore {
  constructor(private readonly settings: SettingsStore) {}

  get(): RiskSettings {
    const saved = riskSettingsSchema.safeParse(this.settings.getValue(RISK_KEY));
    return saved.success ? saved.data : defaultRiskSettings;
  }

  set(next: RiskSettings): RiskSettings {
    this.settings.setValue(RISK_KEY, next);
    return next;
  }
}
