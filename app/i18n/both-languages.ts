import type { MessageKey } from './en';
import { locales, translate } from './messages';
import type { Locale } from './messages';

/** Words main says to a person in both languages, so each screen shows its own. */
export type LocalizedText = Record<Locale, string>;

/** `key` in every language; `params` may differ by language (a reason that is itself words). */
export function inBothLanguages(
  key: MessageKey,
  params: (locale: Locale) => Record<string, string | number> = () => ({}),
): LocalizedText {
  const text = {} as LocalizedText;
  for (const locale of locales) text[locale] = translate(locale, key, params(locale));
  return text;
}
