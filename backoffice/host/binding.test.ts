import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindResponseSchema } from '@app/sync/protocol';
import { MERCHANT, TERMINAL_ID, call, startFixture } from './test-support';
import { storeDialects } from '../testing/dialects';
import type { HostFixture } from './test-support';

let fixture: HostFixture;

const bind = (bindingCode: string, terminalId = TERMINAL_ID) =>
  call(fixture.host, 'POST', '/v1/bind', {
    body: { merchantId: MERCHANT.merchantId, terminalId, bindingCode, deviceName: 'Till 1' },
  });

/** A six-digit code that is not the given one. */
const wrong = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

// upstream-sync-v1 "Identities".
describe.each(storeDialects())('on %s', (_dialect, database) => {
  beforeEach(async () => {
    fixture = await startFixture(database());
  });
  afterEach(async () => {
    await fixture.host.close();
  });

  describe('POST /v1/bind', () => {
    it('binds with a fresh code: a 32-byte secret, the merchant name and masked account', async () => {
      const answer = await bind(await fixture.host.issueBindingCode(MERCHANT.merchantId));
      expect(answer.status).toBe(200);
      const body = bindResponseSchema.parse(answer.body);
      expect(Buffer.from(body.terminalSecret, 'base64')).toHaveLength(32);
      expect(body).toMatchObject({
        merchantName: MERCHANT.merchantName,
        settlementAccount: '6222 **** **** 1234',
      });
    });

    it('refuses a wrong code with 403 binding_code_invalid', async () => {
      const code = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      const answer = await bind(wrong(code));
      expect(answer).toMatchObject({ status: 403, body: { error: 'binding_code_invalid' } });
    });

    it('refuses a code past its 10 minutes, and accepts it just before', async () => {
      const code = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      fixture.clock.ms += 10 * 60_000;
      expect(await bind(code)).toMatchObject({
        status: 403,
        body: { error: 'binding_code_invalid' },
      });
      const fresh = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      fixture.clock.ms += 10 * 60_000 - 1;
      expect((await bind(fresh)).status).toBe(200);
    });

    it('accepts a code once', async () => {
      const code = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      expect((await bind(code)).status).toBe(200);
      expect(await bind(code, 'CT4X7Q2N')).toMatchObject({
        status: 403,
        body: { error: 'binding_code_invalid' },
      });
    });

    it('locks the terminalId for 15 minutes after 5 wrong tries, even for the right code', async () => {
      const code = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      for (let i = 0; i < 5; i += 1) expect((await bind(wrong(code))).status).toBe(403);
      expect(await bind(code)).toMatchObject({
        status: 423,
        body: { error: 'binding_locked', retryAfter: 900 },
      });
      fixture.clock.ms += 14 * 60_000;
      expect(await bind(code)).toMatchObject({ status: 423, body: { retryAfter: 60 } });
      // Another terminal is not locked.
      const other = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      expect((await bind(other, 'CT4X7Q2N')).status).toBe(200);
      fixture.clock.ms += 60_000;
      const next = await fixture.host.issueBindingCode(MERCHANT.merchantId);
      expect((await bind(next)).status).toBe(200);
    });

    it('answers 400 to a malformed request', async () => {
      const answer = await call(fixture.host, 'POST', '/v1/bind', { raw: '{"merchantId":' });
      expect(answer.status).toBe(400);
    });
  });
});
