import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeTrack1, encodeTrack2 } from '@app/card/encode-track';
import { testCards } from '@app/card/test-cards';
import { TrackSecret } from '@app/card/track-secret';
import { luhnValid } from '@app/sync/sensitive-data';
import { seededRandom } from '@app/util/seeded-random';
import { isSecretKey, REDACTED, redactText, redactValue } from './redact';

const visa = testCards.visa;
const unionpay = testCards.unionpayDebit2;
// The shape main/sync/secret-store.ts stores: 32 bytes as base64.
const terminalSecret = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff)).toString(
  'base64',
);

describe('redactText', () => {
  it.each([
    ['plain', `card ${visa.pan} declined`, `card ${REDACTED} declined`],
    ['spaces', 'card 4111 1111 1111 1111 declined', `card ${REDACTED} declined`],
    ['dashes', 'card 4111-1111-1111-1111 declined', `card ${REDACTED} declined`],
    ['amex 4-6-5', 'card 3782 822463 10005 declined', `card ${REDACTED} declined`],
    ['13 digits 4-3-3-3', 'card 4222 222 222 222 declined', `card ${REDACTED} declined`],
    ['short last group', 'card 4222-2222-2222-2 declined', `card ${REDACTED} declined`],
    ['after small numbers', 'card 12 4111 1111 1111 1111 declined', `card 12 ${REDACTED} declined`],
    ['19-digit unionpay', `card ${unionpay.pan} declined`, `card ${REDACTED} declined`],
    // Windows reaching into the year are Luhn-valid too: the whole run goes.
    ['touching a year', `card ${visa.pan}2026 declined`, `card ${REDACTED} declined`],
    ['touching letters', `pan${visa.pan}x declined`, `pan${REDACTED}x declined`],
  ])('removes a card number (%s)', (_, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('keeps a hex hash standing alone even when it holds a long digit run', () => {
    // A real SHA-256 (from a seeded run) with 20 digits in a row in its middle.
    const sha256 = 'dc704580852ad438775424096635023968d3492ee295246ad025f60cd176ae2d';
    expect(sha256).toHaveLength(64);
    expect(redactText(`head ${sha256}.`)).toBe(`head ${sha256}.`);
    // Glued to a card number it is no longer a hash.
    expect(redactText(`head ${sha256}${visa.pan}.`)).not.toContain(visa.pan);
  });

  it('keeps digit runs that are not card numbers', () => {
    const text = 'sale 1234567890123 of 2026-06-01 10:00, seq 42, 1 2 3, 5124 743 2024-08-26';
    expect(luhnValid('1234567890123')).toBe(false);
    expect(redactText(text)).toBe(text);
  });

  it('removes tracks 1 and 2, with and without LRC, and track 2 data without sentinels', () => {
    const cases = [
      encodeTrack1(visa, false),
      encodeTrack1(visa, true),
      encodeTrack2(unionpay, false),
      encodeTrack2(unionpay, true),
      `${visa.pan}=${visa.expiry}${visa.serviceCode}${visa.discretionary}`,
      `${visa.pan}D${visa.expiry}${visa.serviceCode}`,
    ];
    for (const track of cases) {
      const out = redactText(`swipe <${track}> read`);
      expect(out).not.toContain(visa.pan.slice(0, 12));
      expect(out).not.toContain(unionpay.pan.slice(0, 12));
      expect(out).not.toContain(visa.expiry + visa.serviceCode);
      expect(out).toMatch(/^swipe <.*> read$/);
    }
  });

  it('removes Authorization headers, bearer tokens and POS-HMAC signatures', () => {
    const sig = createHash('sha256').update('x').digest('hex');
    const text = [
      `Authorization: POS-HMAC terminalId=CT4X7Q2M, ts=1767225600, sig=${sig}`,
      'GET /v1/cursor with Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-_123',
      `{"authorization":"Bearer abc.def"}`,
      `signed sig=${sig}`,
    ].join('\n');
    const out = redactText(text);
    expect(out).not.toContain(sig);
    expect(out).not.toContain('eyJ');
    expect(out).not.toContain('abc.def');
    expect(out).toBe(
      [
        `Authorization: ${REDACTED}`,
        `GET /v1/cursor with Bearer ${REDACTED}`,
        `{"authorization":"${REDACTED}"}`,
        `signed sig=${REDACTED}`,
      ].join('\n'),
    );
  });

  it('removes the terminal secret by its shape and any known secret exactly', () => {
    expect(redactText(`bound, secret ${terminalSecret}.`)).toBe(`bound, secret ${REDACTED}.`);
    expect(redactText('code hunter2-xyz here', { knownSecrets: ['hunter2-xyz'] })).toBe(
      `code ${REDACTED} here`,
    );
  });

  it('removes values under secret keys in key=value and JSON text', () => {
    expect(redactText('login password=hunter2 user=ann')).toBe(
      `login password=${REDACTED} user=ann`,
    );
    expect(redactText('{"level":"info","apiToken":"t0k3n","terminalId":"CT4X7Q2M"}')).toBe(
      `{"level":"info","apiToken":"${REDACTED}","terminalId":"CT4X7Q2M"}`,
    );
    expect(redactText("pin: '1234', shipping: 'fast'")).toBe(
      `pin: '${REDACTED}', shipping: 'fast'`,
    );
  });
});

describe('isSecretKey', () => {
  it.each([
    'secret',
    'terminalSecret',
    'TOKEN',
    'access_token',
    'apikey',
    'password',
    'pin',
    'pinBlock',
    'privateKey',
    'hmac',
    'signature',
    'cvv2',
    'track2',
    'pan',
    'Authorization',
  ])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));

  it.each(['maskedPan', 'company', 'shipping', 'monkey', 'spinner', 'expand', 'terminalId'])(
    '%s is not',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
});

describe('redactValue', () => {
  it('redacts secret members whole, strings and keys inside, and keeps the rest', () => {
    const value = {
      shopName: 'Demo Shop',
      receiptFooter: `Thanks! ${visa.pan}`,
      sync: { terminalSecret, hostUrl: 'http://127.0.0.1:8787', pinRequired: true },
      cards: [{ maskedPan: '411111******1111', pan: visa.pan, cvv: 123 }],
      [visa.pan]: 'a card number as a key',
      amount: 1050,
      asNumber: Number(visa.pan),
      missing: undefined,
      at: new Date('2026-06-01T00:00:00.000Z'),
      track: new TrackSecret('4111111111111111=3012'),
    };
    expect(redactValue(value)).toEqual({
      shopName: 'Demo Shop',
      receiptFooter: `Thanks! ${REDACTED}`,
      sync: { terminalSecret: REDACTED, hostUrl: 'http://127.0.0.1:8787', pinRequired: true },
      cards: [{ maskedPan: '411111******1111', pan: REDACTED, cvv: REDACTED }],
      [REDACTED]: 'a card number as a key',
      amount: 1050,
      asNumber: REDACTED,
      at: '2026-06-01T00:00:00.000Z',
      track: REDACTED,
    });
  });

  it('survives cycles and byte arrays', () => {
    const node: { name: string; self?: unknown; bytes: Uint8Array } = {
      name: 'n',
      bytes: new Uint8Array(4),
    };
    node.self = node;
    expect(redactValue(node)).toEqual({ name: 'n', self: '[circular]', bytes: '[4 bytes]' });
  });
});

// ---- Property tests (seeded; FUZZ_SEED replays one) ----

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const digits = (random: () => number, n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');

/** A Luhn-valid number of 13–19 digits: random body, then the check digit that fits. */
function randomPan(random: () => number): string {
  const body = `${1 + Math.floor(random() * 9)}${digits(random, 11 + Math.floor(random() * 7))}`;
  for (let check = 0; check <= 9; check += 1) {
    if (luhnValid(body + String(check))) return body + String(check);
  }
  throw new Error('unreachable: one check digit always fits');
}

/** As people and printers write it: in one run, or in groups of four joined by " " or "-". */
function formatPan(random: () => number, pan: string): string {
  const style = Math.floor(random() * 3);
  if (style === 0) return pan;
  return (pan.match(/.{1,4}/g) ?? []).join(style === 1 ? ' ' : '-');
}

const WORDS = ['sale', 'refund', 'printer', 'offline', 'batch', '可口可乐', '现金', 'ok', 'seq'];
const PUNCTUATION = [' ', ' ', ', ', '. ', '\n', ': ', ' (', ') ', ' / ', '"', '{', '}'];

/** Prose with small numbers, timestamps, UUIDs and hashes: nothing secret in it. */
function randomPlainText(random: () => number): string {
  let text = '';
  for (let i = 0; i < 5 + random() * 30; i += 1) {
    const kind = Math.floor(random() * 6);
    if (kind === 0) text += digits(random, 1 + Math.floor(random() * 4));
    else if (kind === 1) text += new Date(1.7e12 + random() * 1e11).toISOString();
    else if (kind === 2) text += createHash('sha256').update(String(random())).digest('hex');
    else text += pick(random, WORDS);
    text += pick(random, PUNCTUATION);
  }
  return text;
}

/** The digits of every digit run in `text`, separators between groups dropped. */
const digitRuns = (text: string): string[] =>
  (text.match(/\d+(?:[ -]\d+)*/g) ?? []).map((run) => run.replace(/[ -]/g, ''));

describe(`redaction properties (FUZZ_SEED=${SEED})`, () => {
  it('never lets a generated card number or track embedded in random text survive', () => {
    const random = seededRandom(SEED);
    for (let run = 0; run < 3_000; run += 1) {
      const pan = randomPan(random);
      const card = {
        pan,
        name: 'TEST/CARD',
        expiry: digits(random, 4),
        serviceCode: digits(random, 3),
        discretionary: digits(random, Math.floor(random() * 8)),
      };
      const secret = pick(random, [
        formatPan(random, pan),
        encodeTrack1(card, random() < 0.5),
        encodeTrack2(card, random() < 0.5),
      ]);
      const glue = pick(random, ['', ' ', '=', ':', '-', '0', '7', 'x']);
      const text = randomPlainText(random) + glue + secret + glue + randomPlainText(random);
      const out = redactText(text);
      const context = `seed ${SEED}, run ${run}: ${JSON.stringify(text)}`;
      expect(out.includes(secret), context).toBe(false);
      expect(
        digitRuns(out).some((run) => run.includes(pan)),
        context,
      ).toBe(false);
    }
  });

  it('leaves text without secrets exactly as it was', () => {
    const random = seededRandom(SEED + 1);
    for (let run = 0; run < 3_000; run += 1) {
      const text = randomPlainText(random);
      expect(redactText(text), `seed ${SEED + 1}, run ${run}`).toBe(text);
    }
  });
});
