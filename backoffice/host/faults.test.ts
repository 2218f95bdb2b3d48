import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchAcceptedSchema } from '@app/sync/protocol';
import { parseTrigger } from './faults';
import { startTestHost } from './test-host';
import {
  MERCHANT,
  START_MS,
  batchOf,
  bindTerminal,
  call,
  chain,
  startFixture,
  upload,
} from './test-support';
import type { HostFixture, Terminal } from './test-support';

let fixture: HostFixture;
let terminal: Terminal;
beforeEach(async () => {
  fixture = await startFixture();
  terminal = await bindTerminal(fixture);
});
afterEach(async () => {
  await fixture.host.close();
});

const cursor = async () => (await call(fixture.host, 'GET', '/v1/cursor', { terminal })).body;

// upstream-sync-v1 "Goals": the failures the client must come through.
describe('fault injection', () => {
  it('dropAfterStore: the entries are stored, and the resend gets 200 with the first body', async () => {
    const batch = batchOf(terminal.terminalId, chain(3));
    fixture.host.setFaults({ dropAfterStore: { next: 1 } });
    await expect(upload(fixture.host, terminal, batch)).rejects.toThrow();
    expect(await fixture.host.entries(terminal.terminalId)).toEqual(batch.entries);
    const resend = await upload(fixture.host, terminal, batch);
    expect(resend.status).toBe(200);
    expect(batchAcceptedSchema.parse(resend.body)).toEqual({
      batchId: batch.batchId,
      acceptedThroughSeq: 3,
      receivedAt: new Date(START_MS).toISOString(),
    });
  });

  it('fail503 and fail429: Retry-After seconds, nothing stored, then served again', async () => {
    const batch = batchOf(terminal.terminalId, chain(1));
    fixture.host.setFaults({ fail503: { next: 1, retryAfterS: 7 } });
    const busy = await upload(fixture.host, terminal, batch);
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('7');
    fixture.host.setFaults({ fail429: { next: 1, retryAfterS: 2 } });
    const limited = await upload(fixture.host, terminal, batch);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(0);
    expect((await upload(fixture.host, terminal, batch)).status).toBe(201);
  });

  it('fail500 for the next N requests, then normal answers', async () => {
    fixture.host.setFaults({ fail500: { next: 2 } });
    expect((await call(fixture.host, 'GET', '/v1/cursor', { terminal })).status).toBe(500);
    expect((await call(fixture.host, 'GET', '/v1/cursor', { terminal })).status).toBe(500);
    expect((await call(fixture.host, 'GET', '/v1/cursor', { terminal })).status).toBe(200);
    expect(fixture.host.faults().fail500).toEqual({ next: 0 });
  });

  it('fail500 with a probability, drawn from the injected random source', async () => {
    let draw = 0.1;
    const host = await startTestHost({ random: () => draw, merchants: [MERCHANT] });
    try {
      host.setFaults({ fail500: { probability: 0.5 } });
      expect((await call(host, 'GET', '/v1/cursor')).status).toBe(500);
      draw = 0.9;
      expect((await call(host, 'GET', '/v1/cursor')).status).toBe(401);
    } finally {
      await host.close();
    }
  });

  it('duplicateDelivery: every request handled twice, each stored once', async () => {
    fixture.host.setFaults({ duplicateDelivery: true });
    const batch = batchOf(terminal.terminalId, chain(2));
    expect((await upload(fixture.host, terminal, batch)).status).toBe(201);
    expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(2);
    const authId = randomUUID();
    const auth = {
      authId,
      kind: 'sale',
      amount: 500,
      currency: 'CNY',
      entryMode: 'qr',
      qrCode: '281234567890123456',
      batchNo: '000001',
      traceNo: '000001',
    };
    const first = await call(fixture.host, 'POST', '/v1/authorizations', {
      terminal,
      body: auth,
      idempotencyKey: authId,
    });
    const reversal = await call(fixture.host, 'POST', `/v1/authorizations/${authId}/reversal`, {
      terminal,
    });
    expect(first.body).toMatchObject({ approved: true });
    expect(reversal.body).toEqual({ reversed: true });
  });

  it('delayMs: answers arrive, later', async () => {
    fixture.host.setFaults({ delayMs: 20 });
    expect((await call(fixture.host, 'GET', '/v1/cursor', { terminal })).status).toBe(200);
  });

  it('restart: same URL, same database, same secrets and binding codes', async () => {
    const entries = chain(2);
    await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries));
    const code = await fixture.host.issueBindingCode(MERCHANT.merchantId);
    const url = fixture.host.url;
    await fixture.host.restart();
    expect(fixture.host.url).toBe(url);
    expect(await cursor()).toEqual({ lastSeq: 2, headHash: entries[1]!.hash });
    const bound = await call(fixture.host, 'POST', '/v1/bind', {
      body: {
        merchantId: MERCHANT.merchantId,
        terminalId: 'CT4X7Q2N',
        bindingCode: code,
        deviceName: 'Till 2',
      },
    });
    expect(bound.status).toBe(200);
  });

  it('closing the host ends a request it holds open', async () => {
    const authId = randomUUID();
    const pending = call(fixture.host, 'POST', '/v1/authorizations', {
      terminal,
      idempotencyKey: authId,
      body: {
        authId,
        kind: 'sale',
        amount: 91,
        currency: 'CNY',
        entryMode: 'qr',
        qrCode: '281234567890123456',
        batchNo: '000001',
        traceNo: '000001',
      },
    });
    await vi.waitFor(() => expect(fixture.host.heldOpen()).toBe(1));
    await fixture.host.restart();
    await expect(pending).rejects.toThrow();
  });
});

describe('parseTrigger (CLI fault flags)', () => {
  it('reads a count or a probability', () => {
    expect(parseTrigger('3')).toEqual({ next: 3 });
    expect(parseTrigger('0.25')).toEqual({ probability: 0.25 });
    expect(() => parseTrigger('1.5')).toThrow();
    expect(() => parseTrigger('x')).toThrow();
  });
});
