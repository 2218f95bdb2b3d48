import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '@app/ledger/entry';
import { ANSWER_SIGNATURE_HEADER, stockLevelsSchema } from '@app/sync/downsync-protocol';
import { startTestHost } from '../host/test-host';
import {
  MERCHANT,
  START_MS,
  batchOf,
  bindTerminal,
  call,
  chain,
  upload,
} from '../host/test-support';
import type { HostFixture } from '../host/test-support';
import { downsyncMigrations, downsyncRoutes } from '../http/downsync-routes';
import { pgClusterForFile } from '../catalog/downsync.test-support';

const OWNER_TOKEN = 'stock-owner';
const SHOP = `${MERCHANT.merchantId}-1`;

const postgres = pgClusterForFile();

let fixture: HostFixture;
afterEach(async () => {
  await fixture.host.close();
});

async function start(): Promise<HostFixture> {
  const clock = { ms: START_MS };
  const now = () => clock.ms;
  const host = await startTestHost({
    database: postgres.database('stock'),
    now,
    merchants: [MERCHANT],
    migrations: downsyncMigrations,
    routes: (db) => [downsyncRoutes(db, { ownerToken: OWNER_TOKEN, now })],
  });
  return { host, clock };
}

const deliver = (lines: { productId: string; quantity: number }[], deliveryId = randomUUID()) =>
  call(fixture.host, 'POST', '/owner/v1/stock/deliveries', {
    authorization: `Bearer ${OWNER_TOKEN}`,
    body: {
      deliveryId,
      shopId: SHOP,
      receivedBy: 'Wang Fang',
      receivedAt: '2026-11-22T08:30:00.000+08:00',
      lines,
    },
  });

describe('stock across tills, on PostgreSQL', () => {
  it("adds a delivery once, with who and when, and takes every till's uploaded sales off", async () => {
    fixture = await start();
    const deliveryId = randomUUID();
    const lines = [
      { productId: 'tea', quantity: 24 },
      { productId: 'rice', quantity: 5000 },
    ];
    expect((await deliver(lines, deliveryId)).status).toBe(201);
    // The same delivery again (a retried request) adds nothing.
    expect((await deliver(lines, deliveryId)).status).toBe(200);
    expect((await deliver([{ productId: 'tea', quantity: 1 }], deliveryId)).status).toBe(409);
    const [recorded] = await fixture.host.db.query<{ received_by: string; received_at: unknown }>(
      'SELECT received_by, received_at FROM deliveries WHERE delivery_id = $1',
      [deliveryId],
    );
    expect(recorded).toEqual({
      received_by: 'Wang Fang',
      received_at: expect.anything() as unknown,
    });
    expect(Number(recorded?.received_at)).toBe(Date.parse('2026-11-22T00:30:00.000Z'));

    const a = await bindTerminal(fixture, 'CTSTOCKA');
    const b = await bindTerminal(fixture, 'CTSTOCKB');
    const sale = (quantity: number, grams?: number): { [key: string]: JsonValue } => {
      const lines: JsonValue[] = [{ productId: 'tea', quantity }];
      if (grams !== undefined) {
        lines.push({ productId: 'rice', quantity: 1, measure: { kind: 'weight', grams } });
      }
      return { operator: 'test', lines };
    };
    const fromA = chain(2, { detail: (seq) => (seq === 1 ? sale(2, 350) : sale(1)) });
    const fromB = chain(1, { detail: () => sale(3) });
    expect((await upload(fixture.host, a, batchOf(a.terminalId, fromA))).status).toBe(201);
    expect((await upload(fixture.host, b, batchOf(b.terminalId, fromB))).status).toBe(201);

    const answer = await call(fixture.host, 'GET', '/v1/stock?productId=tea&productId=rice', {
      terminal: b,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers[ANSWER_SIGNATURE_HEADER]).toMatch(/^sig=[0-9a-f]{64}$/);
    expect(stockLevelsSchema.parse(answer.body)).toEqual({
      levels: [
        { productId: 'tea', shops: [{ shopId: SHOP, onHand: 24 - 2 - 1 - 3 }] },
        { productId: 'rice', shops: [{ shopId: SHOP, onHand: 5000 - 350 }] },
      ],
    });
    // Reading again applies nothing twice.
    const again = await call(fixture.host, 'GET', '/v1/stock?productId=tea', { terminal: a });
    expect(again.body).toEqual({
      levels: [{ productId: 'tea', shops: [{ shopId: SHOP, onHand: 18 }] }],
    });
  }, 60_000);

  it('keeps the owner API closed without the token', async () => {
    fixture = await start();
    const answer = await call(fixture.host, 'POST', '/owner/v1/stock/deliveries', {
      authorization: 'Bearer wrong',
      body: {},
    });
    expect(answer).toMatchObject({ status: 401, body: { error: 'owner_unauthorized' } });
  }, 60_000);
});
