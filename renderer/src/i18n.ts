import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messages } from '@app/i18n/messages';
import type { Locale } from '@app/i18n/messages';
import type { LocalizedText } from '@app/i18n/both-languages';

/** Both catalogs come from app/i18n, shared with the receipts main prints. */
export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    resources: {
      en: { translation: messages.en },
      'zh-CN': { translation: messages['zh-CN'] },
    },
    interpolation: { escapeValue: false },
    keySeparator: false,
    returnNull: false,
  });
}

export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** The computer's language (the browser's or the OS's, as Chromium reports it), as ours. */
export function browserLocale(): Locale {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Words main sent in both languages, in the screen's. */
export function inScreenLanguage(text: LocalizedText): string {
  return i18next.language === 'zh-CN' ? text['zh-CN'] : text.en;
}
