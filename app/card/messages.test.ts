import { describe, expect, it } from 'vitest';
import { cardErrorCodes } from './errors';
import { cardMessages } from './messages';

describe('card error messages', () => {
  it.each(Object.keys(cardMessages) as (keyof typeof cardMessages)[])(
    'has a %s message for every code',
    (locale) => {
      for (const code of cardErrorCodes) expect(cardMessages[locale][code]).toMatch(/\S/);
      expect(Object.keys(cardMessages[locale]).sort()).toEqual([...cardErrorCodes].sort());
    },
  );
});
