import { useEffect } from 'react';
import type { SessionView, Settings } from '@app/api/contract';
import { changeLocale } from '../i18n';

/**
 * The signed-in person's language, else the shop's, put on screen; null while the set-up
 * wizard runs (it picks its own).
 */
export function useLanguage(session: SessionView | null, settings: Settings | null) {
  const language =
    session?.state === 'setup' ? null : (session?.language ?? settings?.locale ?? null);
  useEffect(() => {
    if (language) void changeLocale(language);
  }, [language]);
  return language;
}
