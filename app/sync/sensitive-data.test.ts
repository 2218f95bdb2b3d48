import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  containsCardData,
  findSensitiveData,
  luhnValid,
  mayContainCardData,
} from './sensitive-data';

// upstream-sync-v1 "Card data", clause by clause. 4111111111111111 and 6222021234567890128
// are the spec's own test PANs (both Luhn-valid).
describe('findSensitiveData: card numbers', () => {
  it('finds a Luhn-valid 16-digit PAN and a 19-digit UnionPay PAN', () => {
    expect(findSensitiveData({ note: '4111111111111111' })).toBe('note');
    expect(findSensitiveData({ note: 'card 6222021234567890128 ok' })).toBe('note');
  });

  it('finds a 15-digit PAN (Amex-length run)', () => {
    expect(luhnValid('378282246310005')).toBe(true);
    expect(containsCardData('378282246310005')).toBe(true);
  });

  it('finds four-digit groups joined by single spaces or dashes', () => {
    expect(containsCardData('4111 1111 1111 1111')).toBe(true);
    expect(containsCardData('4111-1111-1111-1111')).toBe(true);
    expect(containsCardData('paid with 6222 0212 3456 7890 128.')).toBe(true);
  });

  it('does not find groups joined by two spaces or other characters', () => {
    expect(containsCardData('4111  1111  1111  1111')).toBe(false);
    expect(containsCardData('4111.1111.1111.1111')).toBe(false);
  });

  it('does not find a number touching a letter or digit', () => {
    expect(containsCardData('x4111111111111111')).toBe(false);
    expect(containsCardData('4111111111111111y')).toBe(false);
    // Inside a longer run the PAN touches a digit; the 17-digit run itself starts with 9.
    expect(containsCardData('94111111111111111')).toBe(false);
    expect(containsCardData('a4111 1111 1111 1111')).toBe(false);
    expect(containsCardData('订4111111111111111')).toBe(false);
  });

  it('does not find a 14-digit barcode, a 20-digit run, a UUID', () => {
    expect(containsCardData('69012345678906')).toBe(false);
    expect(containsCardData('41111111111111111111')).toBe(false);
    expect(containsCardData('4b3a2c1d-1234-4111-8111-111111111111')).toBe(false);
  });

  it('does not find a number failing Luhn, starting outside 2–6, or one digit repeated', () => {
    expect(containsCardData('4111111111111112')).toBe(false);
    expect(luhnValid('7111111111111114')).toBe(true);
    expect(containsCardData('7111111111111114')).toBe(false);
    expect(containsCardData('4444444444444444')).toBe(false);
    expect(luhnValid('22222222222222222')).toBe(true);
    expect(containsCardData('22222222222222222')).toBe(false);
  });
});

describe('findSensitiveData: track data', () => {
  it('finds track 1 and track 2', () => {
    expect(containsCardData('%B4111111111111111^DOE/JOHN^28121010000000000000?')).toBe(true);
    expect(containsCardData(';4111111111111111=28121010000000000000?')).toBe(true);
    // Track data even with a PAN no Luhn check would pass.
    expect(containsCardData(';123456789012=')).toBe(true);
  });

  it('does not find look-alikes', () => {
    expect(containsCardData('%B12345678901^')).toBe(false); // 11 digits
    expect(containsCardData(';12345678901234567890=')).toBe(false); // 20 digits
    expect(containsCardData('a=b; c=d')).toBe(false);
  });
});

describe('findSensitiveData: paths', () => {
  it('reports the path of the first hit in nested objects and arrays', () => {
    const body = {
      batchId: 'b',
      entries: [
        { seq: 1, detail: { note: 'fine' } },
        { seq: 2, detail: { lines: [{ name: 'tea' }, { name: ';4111111111111111=2812' }] } },
        { seq: 3, detail: { note: '4111111111111111' } },
      ],
    };
    expect(findSensitiveData(body)).toBe('entries[1].detail.lines[1].name');
  });

  it('quotes member names that are not identifiers, and reports the holder of a bad key', () => {
    expect(findSensitiveData({ detail: { 'note 1': '4111-1111-1111-1111' } })).toBe(
      'detail["note 1"]',
    );
    expect(findSensitiveData({ detail: { '4111111111111111': 'x' } })).toBe('detail');
  });

  it('returns null for clean bodies and ignores numbers, which are not strings', () => {
    expect(findSensitiveData({ a: [1, true, null, 'ok'], n: 4111111111111111 })).toBeNull();
  });
});

describe('mayContainCardData: the quick look never misses what the full search finds', () => {
  const cardish = fc.oneof(
    fc.constantFrom('4111111111111111', '6222021234567890128', '4111 1111 1111 1111'),
    fc.constantFrom('6222-0212-3456-7890-128', '%B4111111111111111^', ';6222020000000000000='),
    fc.stringMatching(/^[0-9 -]{12,24}$/),
  );
  const text = fc.tuple(fc.string(), cardish, fc.string()).map(([a, b, c]) => a + b + c);

  it('is true for the JSON of every string that holds card data', () => {
    fc.assert(
      fc.property(text, (s) => !containsCardData(s) || mayContainCardData(JSON.stringify({ s }))),
      { numRuns: 2_000 },
    );
  });

  it('is false for a batch of ordinary sales with barcodes', () => {
    const body = JSON.stringify({
      entries: [
        { id: '0f8e7a1c-3b2d-4c5e-9f60-123456789abc', detail: { barcode: '6911001000019' } },
      ],
      amountTotal: 123456789012,
    });
    expect(mayContainCardData(body)).toBe(false);
  });
});
