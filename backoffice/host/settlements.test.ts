import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settlementResponseSchema } from '@app/sync/protocol';
import type { WireEntry } from '@app/sync/protocol';
import { batchOf, bindTerminal, call, chain, rechain, startFixture, upload } from './test-support';
import { storeDialects } from '../testing/dialects';
import type { HostFixture, Terminal } from './test-support';

let fixture: HostFixture;
let terminal: Terminal;

/** A day in batch 000001: two cash sales, a card sale, a card refund, then z_close. */
function day(): WireEntry[] {
  const [a, b, c, d, e] = chain(5);
  return rechain([
    a!,
    b!,
    { ...c!, amount: 500, tenders: [{ method: 'card', amount: 500 }] },
    {
      ...d!,
      type: 'refund',
      amount: -200,
      tenders: [{ method: 'card', amount: -200 }],
      refId: c!.id,
    },
    { ...e!, type: 'z_close', amount: 0, tenders: [] },
  ]);
}

// Zeros for types and methods it did not see: the host treats them as absent.
const terminalSide = {
  batchNo: '000001',
  throughSeq: 5,
  totals: {
    sale: { count: 3, amount: 800 },
    refund: { count: 1, amount: -200 },
    z_close: { count: 1, amount: 0 },
    void: { count: 0, amount: 0 },
  },
  byMethod: { cash: 300, card: 300, qr: 0 },
};

const settle = (body: unknown, key = randomUUID()) =>
  call(fixture.host, 'POST', '/v1/settlements', { terminal, body, idempotencyKey: key });

// upstream-sync-v1 "Settlement".
describe.each(storeDialects())('on %s', (_dialect, database) => {
  beforeEach(async () => {
    fixture = await startFixture(database());
    terminal = await bindTerminal(fixture);
  });
  afterEach(async () => {
    await fixture.host.close();
  });

  describe('POST /v1/settlements', () => {
    it('answers balanced when the totals match the entries the host holds', async () => {
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, day()));
      const answer = await settle(terminalSide);
      expect(answer.status).toBe(200);
      expect(settlementResponseSchema.parse(answer.body)).toEqual({ status: 'balanced' });
    });

    it("answers unbalanced with the host's totals by type and by method", async () => {
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, day()));
      const answer = await settle({ ...terminalSide, byMethod: { cash: 400, card: 200 } });
      expect(answer).toMatchObject({
        status: 200,
        body: {
          status: 'unbalanced',
          hostTotals: {
            sale: { count: 3, amount: 800 },
            refund: { count: 1, amount: -200 },
            z_close: { count: 1, amount: 0 },
          },
          hostByMethod: { cash: 300, card: 300 },
        },
      });
    });

    it('answers 409 not_synced with lastSeq when entries through throughSeq are missing', async () => {
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, day().slice(0, 3)));
      expect(await settle(terminalSide)).toMatchObject({
        status: 409,
        body: { error: 'not_synced', lastSeq: 3 },
      });
    });

    it('replays the first answer for the same key, and refuses the key with another body', async () => {
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, day()));
      const key = randomUUID();
      const first = await settle(terminalSide, key);
      expect(await settle(terminalSide, key)).toEqual({
        ...first,
        headers: expect.anything() as unknown,
      });
      expect(await settle({ ...terminalSide, byMethod: {} }, key)).toMatchObject({
        status: 409,
        body: { error: 'idempotency_conflict' },
      });
    });
  });
});
