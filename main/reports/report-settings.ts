import { defaultFeeSchedule } from '@app/fees/fee-schedule';
import { isTimeZone } from '@app/reports/business-day';
import { reportSettingsSchema } from '@app/reports/report-schema';
import type { ReportSettings } from '@app/reports/report-schema';
import { DomainError } from '@app/result';
import type { SettingsStore } from '../settings/settings-store';

const KEY = 'reports.settings';

/** The owner's report settings: the shop's time zone, the business-day cut-off, fee rates. */
export class ReportSettingsStore {
  private cached: ReportSettings | null = null;

  constructor(
    private readonly settings: SettingsStore,
    /** The computer's zone, used until the owner sets the shop's. */
    private readonly systemTimeZone: string,
  ) {}

  get(): ReportSettings {
    if (this.cached) return this.cached;
    const defaults: ReportSettings = {
      timeZone: this.systemTimeZone,
      cutoffHour: 4,
      fees: defaultFeeSchedule,
    };
    const stored = reportSettingsSchema.partial().safeParse(this.settings.getValue(KEY));
    this.cached = { ...defaults, ...(stored.success ? stored.data : {}) };
    return this.cached;
  }

  /** Saves a change; returns whether the time zone or cut-off changed (sums need rebuilding). */
  update(patch: Partial<ReportSettings>): { settings: ReportSettings; clockChanged: boolean } {
    const before = this.get();
    const next = reportSettingsSchema.parse({ ...before, ...patch });
    if (!isTimeZone(next.timeZone)) {
      throw new DomainError('invalid_time_zone', `unknown time zone ${next.timeZone}`, {
        zone: next.timeZone,
      });
    }
    this.settings.setValue(KEY, next);
    this.cached = next;
    return {
      settings: next,
      clockChanged: next.timeZone !== before.timeZone || next.cutoffHour !== before.cutoffHour,
    };
  }
}
