import { createContext, useContext } from 'react';
import type { Locale } from '@app/i18n/messages';
import { translator } from './messages';
import type { Translate } from './messages';

export interface LocaleState {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const STORAGE_KEY = 'countertop.dashboard.locale';

/** The language last chosen here, else the browser's (Chinese for zh-*), else English. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function saveLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export const LocaleContext = createContext<LocaleState>({
  locale: 'en',
  t: translator('en'),
  setLocale: () => undefined,
});

export const useLocale = (): LocaleState => useContext(LocaleContext);
