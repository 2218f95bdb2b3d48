import { en } from './en';
import type { MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'en' | 'zh-CN';
export const locales: readonly Locale[] = ['en', 'zh-CN'];
export const messages: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Fills `{{name}}` placeholders; used where i18next is not (receipts in main). */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(params[name] ?? `{{${name}}}`),
  );
}
