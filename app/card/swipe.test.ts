import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrand, cardKind } from './brand';
import { encodeTrack1, encodeTrack2 } from './encode-track';
import type { StripeContent } from './encode-track';
import { maskPan } from './mask';
import { parseSwipe, parseSwipeText, splitTracks } from './swipe';
import { testCards } from './test-cards';

const now = { year: 2026, month: 6 };

describe('parseSwipe', () => {
  it('exposes only the masked card and holds track 2 for one take()', () => {
    const card = testCards.unionpayDebit2;
    const result = parseSwipe(
      { track1: encodeTrack1(card, true), track2: encodeTrack2(card, true) },
      now,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.card).toEqual({
      maskedPan: '622202*********0128',
      brand: 'unionpay',
      kind: 'debit',
      expiry: { year: 2028, month: 11 },
      serviceCode: '120',
    });
    expect(JSON.stringify(result.value)).not.toContain(card.pan);
    expect(JSON.stringify(result.value)).toContain('[track data withheld]');
    expect(result.value.track2.take()).toBe('6222021234567890128=281112012345');
  });

  it('needs track 2', () => {
    const result = parseSwipe({ track1: encodeTrack1(testCards.visa, false) }, now);
    expect(result).toMatchObject({ ok: false, error: { code: 'track_unreadable' } });
  });

  it('treats a reader error mark (;E?) as an unread track', () => {
    expect(parseSwipe({ track2: ';E?' }, now)).toMatchObject({
      ok: false,
      error: { code: 'track_unreadable' },
    });
    const track2 = encodeTrack2(testCards.visa, false);
    expect(parseSwipe({ track1: '%E?', track2 }, now).ok).toBe(true);
  });

  it('rejects tracks naming different cards', () => {
    const result = parseSwipe(
      {
        track1: encodeTrack1(testCards.visa, false),
        track2: encodeTrack2(testCards.visaDeclined, false),
      },
      now,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'track_mismatch' } });
  });

  it('reports a bad track 1 even when track 2 is good', () => {
    const track1 = encodeTrack1(testCards.visa, false) + '0';
    const result = parseSwipe({ track1, track2: encodeTrack2(testCards.visa, true) }, now);
    expect(result).toMatchObject({ ok: false, error: { code: 'lrc_mismatch' } });
  });
});

describe('reader text', () => {
  it('splits both tracks with or without LRCs, and ignores a track 3', () => {
    const card = testCards.visa;
    for (const lrc of [false, true]) {
      const [t1, t2] = [encodeTrack1(card, lrc), encodeTrack2(card, lrc)];
      expect(splitTracks(`${t1}${t2}`)).toEqual({ ok: true, value: { track1: t1, track2: t2 } });
      expect(splitTracks(`${t1}${t2};123?`)).toEqual({
        ok: true,
        value: { track1: t1, track2: t2 },
      });
      expect(parseSwipeText(`${t1}${t2}\r\n`, now).ok).toBe(true);
    }
  });

  it('takes a ";" right after a track 1 end sentinel as its LRC when no digit follows', () => {
    expect(splitTracks('%BX?;;4?')).toEqual({
      ok: true,
      value: { track1: '%BX?;', track2: ';4?' },
    });
  });

  it.each([
    ['', 'track_unreadable'],
    ['\r', 'track_unreadable'],
    ['hello', 'no_start_sentinel'],
    ['%B4111111111111111^TEST', 'no_end_sentinel'],
    [';4111111111111111=3012101?xyz', 'invalid_character'],
  ])('rejects %j as %s', (text, code) => {
    expect(parseSwipeText(text, now)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('brand and kind', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['5500000000000004', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['2721000000000000', 'unknown'],
    ['6222020000000000000', 'unionpay'],
    ['340000000000009', 'amex'],
    ['370000000000002', 'amex'],
    ['3528000000000007', 'jcb'],
    ['3589000000000003', 'jcb'],
    ['3590000000000000', 'unknown'],
    ['6011000000000004', 'unknown'],
  ])('%s is %s', (pan, brand) => {
    expect(cardBrand(pan)).toBe(brand);
  });

  it('hints debit or credit from the UnionPay BIN table only', () => {
    expect(cardKind('6222020000000000000')).toBe('debit');
    expect(cardKind('6222300000000000000')).toBe('credit');
    expect(cardKind('4111111111111111')).toBe('unknown');
  });
});

/** A random stripe whose PAN passes Luhn, for round trips. */
const stripe: fc.Arbitrary<StripeContent> = fc
  .record({
    prefix: fc.constantFrom('4', '51', '2221', '62', '34', '3528'),
    body: fc.stringMatching(/^\d{18}$/),
    length: fc.integer({ min: 12, max: 19 }),
    name: fc.stringMatching(/^[A-Z]{1,12}\/[A-Z]{1,12}$/),
    year: fc.integer({ min: 26, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    serviceCode: fc.stringMatching(/^\d{3}$/),
    discretionary: fc.stringMatching(/^\d{0,10}$/),
  })
  .map((r) => {
    const partial = (r.prefix + r.body).slice(0, r.length - 1);
    const pan = partial + luhnCheckDigit(partial);
    const expiry = `${String(r.year)}${String(r.month).padStart(2, '0')}`;
    return {
      pan,
      name: r.name,
      expiry,
      serviceCode: r.serviceCode,
      discretionary: r.discretionary,
    };
  })
  .filter((s) => s.expiry >= '2606');

function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    let sum = 0;
    const digits = partial + String(d);
    for (let i = 0; i < digits.length; i += 1) {
      let x = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}

describe('properties', () => {
  it('masking never shows more than the first six and last four digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,25}$/), (pan) => {
        const masked = maskPan(pan);
        expect(masked).toHaveLength(pan.length);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(10);
        expect(masked.slice(6, -4)).toMatch(/^\**$/);
      }),
    );
  });

  it('a random valid stripe round-trips through the reader text', () => {
    fc.assert(
      fc.property(stripe, fc.boolean(), (card, lrc) => {
        const text = encodeTrack1(card, lrc) + encodeTrack2(card, lrc) + '\r';
        const result = parseSwipeText(text, now);
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.card.maskedPan).toBe(maskPan(card.pan));
        expect(result.value.card.serviceCode).toBe(card.serviceCode);
        expect(result.value.track2.take()).toBe(
          `${card.pan}=${card.expiry}${card.serviceCode}${card.discretionary}`,
        );
      }),
    );
  });
});
