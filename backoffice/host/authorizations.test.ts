import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizationResponseSchema } from '@app/sync/protocol';
import { batchOf, bindTerminal, call, chain, rechain, startFixture, upload } from './test-support';
import { storeDialects } from '../testing/dialects';
import { isPostgresUrl } from '../store/open-database';
import type { HostFixture, Terminal } from './test-support';

let fixture: HostFixture;
let terminal: Terminal;

// ISO 7813 track 2 with sentinels: ;PAN=YYMM + service code + discretionary data?
const track2 = (pan: string): string => `;${pan}=2812101000000?`;

interface AuthInput {
  amount?: number;
  track2?: string;
  qrCode?: string;
  authId?: string;
  batchNo?: string;
  signal?: AbortSignal;
}

function authorize(input: AuthInput) {
  const authId = input.authId ?? randomUUID();
  const body = {
    authId,
    kind: 'sale',
    amount: input.amount ?? 1000,
    currency: 'CNY',
    entryMode: input.qrCode === undefined ? 'swipe' : 'qr',
    ...(input.track2 !== undefined ? { track2: input.track2 } : {}),
    ...(input.qrCode !== undefined ? { qrCode: input.qrCode } : {}),
    batchNo: input.batchNo ?? '000001',
    traceNo: '000001',
  };
  return call(fixture.host, 'POST', '/v1/authorizations', {
    terminal,
    body,
    idempotencyKey: authId,
    ...(input.signal ? { signal: input.signal } : {}),
  });
}

const action = (authId: string, what: 'reversal' | 'void') =>
  call(fixture.host, 'POST', `/v1/authorizations/${authId}/${what}`, { terminal });

// upstream-sync-v1 "Test cards and codes", row by row.
describe.each(storeDialects())('on %s', (_dialect, database) => {
  beforeEach(async () => {
    fixture = await startFixture(database());
    terminal = await bindTerminal(fixture);
  });
  afterEach(async () => {
    await fixture.host.close();
  });

  describe('POST /v1/authorizations: the test table', () => {
    it.each([
      ['4111111111111111', '411111******1111', 'Visa', 'credit'],
      ['6222020000000000000', '622202*********0000', 'UnionPay', 'credit'],
      ['6222021234567890128', '622202*********0128', 'UnionPay', 'debit'],
    ])('approves track 2 with PAN %s', async (pan, cardMasked, cardBrand, cardType) => {
      const answer = await authorize({ track2: track2(pan) });
      expect(answer.status).toBe(200);
      const body = authorizationResponseSchema.parse(answer.body);
      expect(body).toMatchObject({ approved: true, cardMasked, cardBrand, cardType });
      if (!body.approved) throw new Error('expected approval');
      expect(body.authCode).toMatch(/^[0-9A-Z]{6}$/);
      expect(body.rrn).toMatch(/^\d{12}$/);
    });

    it('declines PAN 4000000000000002 with 05 do not honour', async () => {
      expect((await authorize({ track2: track2('4000000000000002') })).body).toEqual({
        approved: false,
        responseCode: '05',
        message: 'do not honour',
      });
    });

    it('declines any card for an amount ending in 51 with 51 insufficient funds', async () => {
      for (const amount of [51, 1251]) {
        expect((await authorize({ track2: track2('4111111111111111'), amount })).body).toEqual({
          approved: false,
          responseCode: '51',
          message: 'insufficient funds',
        });
      }
    });

    it('approves an 18-digit QR code starting 28 as wallet and 62 as credit', async () => {
      expect((await authorize({ qrCode: '281234567890123456' })).body).toMatchObject({
        approved: true,
        cardType: 'wallet',
        cardMasked: '281234********3456',
      });
      expect((await authorize({ qrCode: '621234567890123456' })).body).toMatchObject({
        approved: true,
        cardType: 'credit',
      });
    });

    it.each(['28123456789012345', '2812345678901234567', '131234567890123456', 'https://x/pay'])(
      'declines QR code %s with 14 invalid code',
      async (qrCode) => {
        expect((await authorize({ qrCode })).body).toEqual({
          approved: false,
          responseCode: '14',
          message: 'invalid code',
        });
      },
    );

    it('gives no answer for an amount ending in 91 until the client gives up', async () => {
      const authId = randomUUID();
      const controller = new AbortController();
      const pending = authorize({
        authId,
        track2: track2('4111111111111111'),
        amount: 1091,
        signal: controller.signal,
      });
      // The host holds it open; the client's own timeout (here: an abort) ends it.
      await vi.waitFor(() => expect(fixture.host.heldOpen()).toBe(1));
      controller.abort();
      await expect(pending).rejects.toThrow(/abort/i);
      await vi.waitFor(() => expect(fixture.host.heldOpen()).toBe(0));
      // It never approved: the reversal says so.
      expect((await action(authId, 'reversal')).body).toEqual({ reversed: false });
    });

    it('replays the first answer for the same authId and refuses it with another body', async () => {
      const authId = randomUUID();
      const first = await authorize({ authId, track2: track2('4111111111111111') });
      const again = await authorize({ authId, track2: track2('4111111111111111') });
      expect(again.body).toEqual(first.body);
      expect(
        await authorize({ authId, track2: track2('4111111111111111'), amount: 2000 }),
      ).toMatchObject({
        status: 409,
        body: { error: 'idempotency_conflict' },
      });
    });

    it('never writes track 2 or the full PAN to its database files', async () => {
      const pan = '6222021234567890128';
      await authorize({ track2: track2(pan) });
      const controller = new AbortController();
      const held = authorize({ track2: track2(pan), amount: 1091, signal: controller.signal });
      await vi.waitFor(() => expect(fixture.host.heldOpen()).toBe(1));
      controller.abort();
      await expect(held).rejects.toThrow(/abort/i);
      // SQLite: the file, its WAL and journal; PostgreSQL: the cluster's folder (tables, WAL).
      const dir = isPostgresUrl(fixture.host.database)
        ? (new URL(fixture.host.database).searchParams.get('host') ?? '')
        : dirname(fixture.host.database);
      const files = readdirSync(dir, { recursive: true, withFileTypes: true });
      expect(files.length).toBeGreaterThan(0);
      for (const file of files.filter((entry) => entry.isFile())) {
        const bytes = readFileSync(join(file.parentPath, file.name));
        expect(bytes.includes(pan), file.name).toBe(false);
        expect(bytes.includes('2812101000000'), file.name).toBe(false);
      }
    });
  });

  // "No answer within 30 s … the terminal must then reverse (冲正)".
  describe('reversal', () => {
    it('answers reversed true for an approved sale, the same again, and false for a decline', async () => {
      const approved = randomUUID();
      await authorize({ authId: approved, track2: track2('4111111111111111') });
      expect((await action(approved, 'reversal')).body).toEqual({ reversed: true });
      expect((await action(approved, 'reversal')).body).toEqual({ reversed: true });
      const declined = randomUUID();
      await authorize({ authId: declined, track2: track2('4000000000000002') });
      expect(await action(declined, 'reversal')).toMatchObject({
        status: 200,
        body: { reversed: false },
      });
      expect((await action(randomUUID(), 'reversal')).body).toEqual({ reversed: false });
    });
  });

  // "POST /v1/authorizations/<authId>/void cancels an approved sale of the current batch (撤销)".
  describe('void', () => {
    it('voids an approved sale of an unsettled batch, idempotently', async () => {
      const authId = randomUUID();
      await authorize({ authId, track2: track2('4111111111111111') });
      expect(await action(authId, 'void')).toMatchObject({ status: 200, body: { voided: true } });
      expect(await action(authId, 'void')).toMatchObject({ status: 200, body: { voided: true } });
      // Voided: nothing is left to reverse.
      expect((await action(authId, 'reversal')).body).toEqual({ reversed: false });
    });

    it('answers 409 already_settled once the batch is settled', async () => {
      const authId = randomUUID();
      await authorize({ authId, track2: track2('4111111111111111'), amount: 1000 });
      const [entry] = chain(1);
      const sale = rechain([
        { ...entry!, amount: 1000, tenders: [{ method: 'card', amount: 1000 }] },
      ]);
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, sale));
      const settled = await call(fixture.host, 'POST', '/v1/settlements', {
        terminal,
        idempotencyKey: randomUUID(),
        body: {
          batchNo: '000001',
          throughSeq: 1,
          totals: { sale: { count: 1, amount: 1000 } },
          byMethod: { card: 1000 },
        },
      });
      expect(settled.body).toEqual({ status: 'balanced' });
      expect(await action(authId, 'void')).toMatchObject({
        status: 409,
        body: { error: 'already_settled' },
      });
    });

    it('answers 404 for an authorization that was never approved', async () => {
      const authId = randomUUID();
      await authorize({ authId, track2: track2('4000000000000002') });
      expect((await action(authId, 'void')).status).toBe(404);
    });
  });
});
