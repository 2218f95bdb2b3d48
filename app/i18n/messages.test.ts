import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors';
import { en } from './en';
import { messages, translate } from './messages';

describe('messages', () => {
  it('has a message for every error code in every locale', () => {
    for (const [locale, catalog] of Object.entries(messages)) {
      for (const code of errorCodes) {
        expect(catalog[`errors.${code}`], `${locale} errors.${code}`).toBeTruthy();
      }
    }
  });

  it('keeps the same placeholders in every locale', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(messages['zh-CN'][key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'errors.unknown_barcode', { barcode: '6901234567892' })).toContain(
      '6901234567892',
    );
    expect(translate('en', 'pay.short', {})).toBe('{{amount}} short');
  });
});
