import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { cardMessages } from '@app/card/messages';
import { formatMoney } from '@app/money/format';
import type { CurrencyCode } from '@app/money/currency';
import type { AppError } from '@app/result';
import type { MessageKey } from '@app/i18n/en';
import { elapsedSince } from '@app/time/elapsed';

/** Money formatter for the current language (¥12.34 / CN¥12.34 etc.), exact from minor units. */
export function useMoney(): (minor: number, currency: CurrencyCode) => string {
  const { i18n } = useTranslation();
  return (minor, currency) => formatMoney(minor, currency, i18n.language);
}

/** The translated message for an error value; the code never reaches the screen raw. */
export function useErrorText(): (error: AppError) => string {
  const { t } = useTranslation();
  // Stable while the language is, so effects may depend on it.
  return useCallback(
    (error: AppError) => {
      const key = `errors.${error.code}` as MessageKey;
      return t(key, { ...error.params, message: error.message });
    },
    [t],
  );
}

/** "3 min" / "3 分钟": how long ago an ISO time was, against `nowMs`. */
export function useAge(): (iso: string, nowMs: number) => string {
  const { t } = useTranslation();
  return (iso, nowMs) => {
    const { unit, n } = elapsedSince(Date.parse(iso), nowMs);
    return t(`age.${unit}`, { n });
  };
}

/** The translated message for a swipe failure code (app/card), else the English fallback. */
export function useCardMessage(): (code: string, fallback: string) => string {
  const { i18n } = useTranslation();
  const messages: Partial<Record<string, string>> =
    cardMessages[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'];
  return (code, fallback) => messages[code] ?? fallback;
}

/** "1.5 MB": sizes for technicians, in powers of 1024 with one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? String(value) : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}

/** "Visa credit" / "Visa 信用卡": the brand and kind hint of a masked swipe, translated. */
export function useCardName(): (brand: string, kind: string) => string {
  const { t } = useTranslation();
  return (brand, kind) =>
    `${t(`card.brand.${brand}` as MessageKey, { defaultValue: brand })} ${t(`card.kind.${kind}` as MessageKey, { defaultValue: kind })}`;
}
