import { formatMoney } from '@app/money/format';
import type { Locale } from '@app/i18n/messages';
import type { Translate } from './messages';

export function money(minor: number, currency: string | null, locale: Locale): string {
  return formatMoney(minor, currency ?? 'CNY', locale);
}

export function dateTime(ms: number | null, locale: Locale, t: Translate): string {
  if (ms === null) return t('table.never');
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
}

export function duration(ms: number | null, t: Translate): string {
  if (ms === null) return t('table.none');
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return t('lag.seconds', { n: seconds });
  if (seconds < 7_200) return t('lag.minutes', { n: Math.round(seconds / 60) });
  return t('lag.hours', { n: Math.round(seconds / 3_600) });
}
