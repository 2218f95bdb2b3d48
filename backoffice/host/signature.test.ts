import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cursorSchema } from '@app/sync/protocol';
import { bindTerminal, call, sign, startFixture } from './test-support';
import { storeDialects } from '../testing/dialects';
import type { HostFixture, Terminal } from './test-support';

let fixture: HostFixture;
let terminal: Terminal;

const cursor = (authorization?: string) =>
  call(
    fixture.host,
    'GET',
    '/v1/cursor',
    authorization === undefined ? { terminal } : { authorization },
  );

// upstream-sync-v1 "Authentication of every other request".
describe.each(storeDialects())('on %s', (_dialect, database) => {
  beforeEach(async () => {
    fixture = await startFixture(database());
    terminal = await bindTerminal(fixture);
  });
  afterEach(async () => {
    await fixture.host.close();
  });

  describe('POS-HMAC signatures', () => {
    it('accepts a request signed with the terminal secret', async () => {
      const answer = await cursor();
      expect(answer.status).toBe(200);
      expect(cursorSchema.parse(answer.body)).toEqual({ lastSeq: 0, headHash: '0'.repeat(64) });
    });

    it('records the last contact of a signed request, to the second, never of a forged one', async () => {
      const lastContact = async () =>
        (
          await fixture.host.db.query<{ last_contact_at: number | null }>(
            'SELECT last_contact_at FROM terminals WHERE terminal_id = $1',
            [terminal.terminalId],
          )
        )[0]?.last_contact_at;
      expect(await lastContact()).toBeNull();
      await cursor();
      const first = fixture.clock.ms;
      expect(await lastContact()).toBe(first);
      fixture.clock.ms += 999;
      await cursor();
      expect(await lastContact()).toBe(first);
      fixture.clock.ms += 1;
      await cursor();
      expect(await lastContact()).toBe(first + 1000);
      fixture.clock.ms += 60_000;
      const stranger = { ...terminal, secret: Buffer.alloc(32, 7) };
      expect((await cursor(sign(stranger, 'GET', '/v1/cursor', ''))).status).toBe(401);
      expect(await lastContact()).toBe(first + 1000);
    });

    it('refuses a missing header, an unknown terminal, a wrong secret or a changed body', async () => {
      const badSignature = { status: 401, body: { error: 'bad_signature' } };
      expect(await call(fixture.host, 'GET', '/v1/cursor')).toMatchObject(badSignature);
      expect(
        await cursor(sign({ ...terminal, terminalId: 'ZZZZ0000' }, 'GET', '/v1/cursor', '')),
      ).toMatchObject(badSignature);
      const stranger = { ...terminal, secret: Buffer.alloc(32, 7) };
      expect(await cursor(sign(stranger, 'GET', '/v1/cursor', ''))).toMatchObject(badSignature);
      const signedOther = sign(terminal, 'POST', '/v1/settlements', '{"a":1}');
      const answer = await call(fixture.host, 'POST', '/v1/settlements', {
        raw: '{"a":2}',
        authorization: signedOther,
        idempotencyKey: 'k',
      });
      expect(answer).toMatchObject(badSignature);
    });

    it('signs the path with its query string', async () => {
      const withoutQuery = sign(terminal, 'GET', '/v1/cursor', '');
      const answer = await call(fixture.host, 'GET', '/v1/cursor?x=1', {
        authorization: withoutQuery,
      });
      expect(answer).toMatchObject({ status: 401, body: { error: 'bad_signature' } });
      expect((await call(fixture.host, 'GET', '/v1/cursor?x=1', { terminal })).status).toBe(200);
    });

    it('answers clock_skew with serverTime past 300 s either way, not at 300 s', async () => {
      const serverTime = Math.floor(fixture.clock.ms / 1000);
      for (const ts of [serverTime - 301, serverTime + 301]) {
        expect(await cursor(sign(terminal, 'GET', '/v1/cursor', '', ts))).toMatchObject({
          status: 401,
          body: { error: 'clock_skew', serverTime },
        });
      }
      expect((await cursor(sign(terminal, 'GET', '/v1/cursor', '', serverTime - 300))).status).toBe(
        200,
      );
    });

    it('refuses a bad signature as bad_signature even when the clock is off too', async () => {
      const stranger = { ...terminal, secret: Buffer.alloc(32, 7) };
      const answer = await cursor(sign(stranger, 'GET', '/v1/cursor', '', 0));
      expect(answer.body).toEqual({ error: 'bad_signature' });
    });

    it("moves serverTime with the host's clockSkewS fault", async () => {
      fixture.host.setFaults({ clockSkewS: 3600 });
      const answer = await cursor();
      expect(answer).toMatchObject({
        status: 401,
        body: { error: 'clock_skew', serverTime: Math.floor(fixture.clock.ms / 1000) + 3600 },
      });
    });

    it('binds again with a new secret; the old one stops working', async () => {
      const again = await bindTerminal(fixture);
      expect((await call(fixture.host, 'GET', '/v1/cursor', { terminal: again })).status).toBe(200);
      expect((await cursor()).status).toBe(401);
    });
  });
});
