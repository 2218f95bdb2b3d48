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
  return (error) => {
    const key = `errors.${error.code}` as MessageKey;
    return t(key, { ...error.params, message: error.message });
  };
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
