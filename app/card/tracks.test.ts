import { describe, expect, it } from 'vitest';
import type { CardErrorCode } from './errors';
import { encodeTrack1, encodeTrack2 } from './encode-track';
import { lrcChar, TRACK1_BASE, TRACK2_BASE } from './lrc';
import { testCards } from './test-cards';
import { parseTrack1 } from './track1';
import { parseTrack2 } from './track2';

const now = { year: 2026, month: 6 };
const visa = testCards.visa;

const codeOf = (result: { ok: true } | { ok: false; error: { code: CardErrorCode } }) =>
  result.ok ? 'ok' : result.error.code;

describe('LRC (ISO/IEC 7811-2)', () => {
  it('matches the worked example of the MagTek TTL manual (track 1 "%AT3?" → "<")', () => {
    expect(lrcChar('%AT3?', TRACK1_BASE)).toBe('<');
  });

  it('XORs the 4-bit values on track 2', () => {
    // ; = 0xB, 1 = 0x1, 2 = 0x2, ? = 0xF: B ^ 1 ^ 2 ^ F = 7.
    expect(lrcChar(';12?', TRACK2_BASE)).toBe('7');
  });
});

describe('parseTrack1', () => {
  it('reads PAN, expiry and service code, with and without an LRC', () => {
    for (const lrc of [false, true]) {
      const result = parseTrack1(encodeTrack1(visa, lrc), now);
      expect(result).toEqual({
        ok: true,
        value: { pan: visa.pan, expiry: { year: 2030, month: 12 }, serviceCode: '101' },
      });
    }
  });

  it.each<[string, string, CardErrorCode]>([
    ['no start sentinel', 'B4111111111111111^TEST/VISA^3012101?', 'no_start_sentinel'],
    ['no end sentinel', '%B4111111111111111^TEST/VISA^3012101', 'no_end_sentinel'],
    [
      'over 79 characters',
      `%B4111111111111111^TEST/VISA^3012101${'0'.repeat(60)}?`,
      'track_too_long',
    ],
    [
      'lower case (outside the 6-bit set)',
      '%B4111111111111111^test/visa^3012101?',
      'invalid_character',
    ],
    ['a second start sentinel', '%B4111111111111111^TEST%VISA^3012101?', 'invalid_character'],
    ['data after the LRC', '%B4111111111111111^TEST/VISA^3012101?AB', 'invalid_character'],
    ['a wrong LRC', '%B4111111111111111^TEST/VISA^3012101?0', 'lrc_mismatch'],
    ['format code other than B', '%A4111111111111111^TEST/VISA^3012101?', 'unsupported_format'],
    ['one separator only', '%B4111111111111111^TEST/VISA3012101?', 'missing_separator'],
    ['an 11-digit PAN', '%B41111111111^TEST/VISA^3012101?', 'bad_pan'],
    ['a 20-digit PAN', '%B41111111111111111113^TEST/VISA^3012101?', 'bad_pan'],
    ['a PAN failing Luhn', '%B4111111111111112^TEST/VISA^3012101?', 'luhn_failed'],
    ['month 13', '%B4111111111111111^TEST/VISA^3013101?', 'bad_expiry'],
    ['no expiry', '%B4111111111111111^TEST/VISA^?', 'bad_expiry'],
    ['expired last month', '%B4111111111111111^TEST/VISA^2605101?', 'card_expired'],
    ['a short service code', '%B4111111111111111^TEST/VISA^301210?', 'bad_service_code'],
  ])('rejects %s', (_, track, code) => {
    expect(codeOf(parseTrack1(track, now))).toBe(code);
  });

  it('accepts a card in its expiry month', () => {
    expect(codeOf(parseTrack1('%B4111111111111111^TEST/VISA^2606101?', now))).toBe('ok');
  });
});

describe('parseTrack2', () => {
  const upi = testCards.unionpayDebit;

  it('reads a 19-digit UnionPay card and keeps the data between the sentinels', () => {
    const result = parseTrack2(encodeTrack2(upi, true), now);
    expect(result).toEqual({
      ok: true,
      value: {
        pan: upi.pan,
        expiry: { year: 2031, month: 6 },
        serviceCode: '220',
        data: '6222020000000000000=310622000000',
      },
    });
  });

  it.each<[string, string, CardErrorCode]>([
    ['no start sentinel', '4111111111111111=3012101?', 'no_start_sentinel'],
    ['no end sentinel', ';4111111111111111=3012101', 'no_end_sentinel'],
    ['over 40 characters', `;4111111111111111=3012101${'0'.repeat(20)}?`, 'track_too_long'],
    ['a letter', ';4111111111111111=3012101A?', 'invalid_character'],
    ['a control character', ';4111111111111111=3012101<?', 'invalid_character'],
    ['a wrong LRC', ';4111111111111111=3012101?0', 'lrc_mismatch'],
    ['no separator', ';41111111111111113012101?', 'missing_separator'],
    ['a 20-digit PAN', ';41111111111111111113=3012101?', 'bad_pan'],
    ['a PAN failing Luhn', ';4111111111111121=3012101?', 'luhn_failed'],
    ['month 00', ';4111111111111111=3000101?', 'bad_expiry'],
    ['expired', ';4111111111111111=2001101?', 'card_expired'],
    ['no service code', ';4111111111111111=3012?', 'bad_service_code'],
  ])('rejects %s', (_, track, code) => {
    expect(codeOf(parseTrack2(track, now))).toBe(code);
  });

  it('checks the LRC even when it is itself a sentinel character', () => {
    // Search a discretionary value whose LRC is "?" or ";", and check it parses.
    for (let d = 0; d < 100; d += 1) {
      const track = encodeTrack2({ ...visa, discretionary: String(d).padStart(2, '0') }, true);
      const lrc = track.at(-1);
      if (lrc === '?' || lrc === ';') {
        expect(codeOf(parseTrack2(track, now))).toBe('ok');
        return;
      }
    }
    throw new Error('no such discretionary value in 00-99');
  });
});
