import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfflineSettings } from '@app/payments/offline-rules';
import { filesWithCardData } from '../testing/card-data-scan';
import { silentLogger } from '../log/logger';
import { FileSecretStore } from '../sync/secret-store';
import type { Till } from '../sync/sync-test-support';
import type { TestHost } from '@backoffice/host/test-host';
import { AuthorizationStore } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import type { HostAccess } from './card-authorizer';
import { OfflineAcceptance } from './offline-acceptance';
import type { PaymentOutcome } from './offline-acceptance';
import { OfflineForwarder } from './offline-forwarder';
import { OfflineSealer } from './offline-sealer';
import { OfflineStore } from './offline-store';
import type { OfflineStatus } from './offline-store';
import { hostAccessOf, qr, startPaymentTill, swipe } from './payment-test-support';

/** A port that was free a moment ago: nothing listens, so connection refused. */
async function downUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${String(port)}`;
}
const HOUR = 3_600_000;
const bounds: OfflineSettings = {
  enabled: true,
  perSaleCapMinor: 50_000,
  totalCapMinor: 100_000,
  countCap: 5,
};

let host: TestHost;
let till: Till;
let DOWN: string;
beforeEach(async () => {
  DOWN = await downUrl();
});
const stoppers: (() => void)[] = [];
let inFlight = 0;
afterEach(async () => {
  for (const stop of stoppers.splice(0)) stop();
  // A reversal or forward still on the wire writes its outcome when it ends: wait for it.
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  till.temp.dispose();
  await host.close();
});

/** The till's payment chain as services.ts composes it, over a host URL that can change. */
function offlineTill(options: { settings?: OfflineSettings; now?: () => Date; keyFile?: string }) {
  const state = { url: DOWN, settings: options.settings ?? bounds };
  const db = till.temp.db;
  const real = hostAccessOf(till, () => state.url);
  const access: HostAccess = {
    connect: (timeoutMs) => {
      const host = real.connect(timeoutMs);
      if (host === null) return null;
      const { client } = host;
      const counted = {
        sendSigned: async (...args: Parameters<typeof client.sendSigned>) => {
          inFlight += 1;
          try {
            return await client.sendSigned(...args);
          } finally {
            inFlight -= 1;
          }
        },
      } as unknown as typeof client;
      return { client: counted, credentials: host.credentials };
    },
  };
  const retry = { firstMs: 20, maxMs: 100 };
  const card = new CardAuthorizer({
    store: new AuthorizationStore(db),
    host: access,
    log: silentLogger,
    timeoutMs: 400,
    retry,
  });
  const store = new OfflineStore(db);
  const keys = new FileSecretStore(join(till.temp.dir, options.keyFile ?? 'offline-key'));
  const sealer = new OfflineSealer(keys);
  const now = options.now ?? (() => new Date());
  const forwarder = new OfflineForwarder({
    store,
    sealer,
    host: access,
    log: silentLogger,
    timeoutMs: 400,
    retry,
    now,
  });
  const offline = new OfflineAcceptance({
    card,
    store,
    sealer,
    settings: () => state.settings,
    // The forwarder is driven by hand here (forwardNow), unless a test starts it.
    forwarder: { kick: () => undefined, isForwarding: (id) => forwarder.isForwarding(id) },
    log: silentLogger,
    now,
  });
  stoppers.push(
    () => card.stop(),
    () => forwarder.stop(),
  );
  return { state, card, store, sealer, keys, forwarder, offline };
}

function offlineOf(outcome: PaymentOutcome) {
  if (outcome.kind !== 'approved_offline') throw new Error(`not offline: ${outcome.kind}`);
  return outcome.offline;
}

/** Waits, yielding to the event loop, until the offline record reaches one of `statuses`. */
async function settles(store: OfflineStore, authId: string, statuses: OfflineStatus[]) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const record = store.get(authId);
    if (record && statuses.includes(record.status)) return record;
    if (Date.now() > deadline) throw new Error(`still ${String(record?.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('host unreachable: what the cashier is told (issue #6 "Offline")', () => {
  it('refuses the card when offline acceptance is off, and reverses the request as before', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({ settings: { ...bounds, enabled: false } });
    await expect(offline.authorize(swipe('visa'))).rejects.toMatchObject({
      code: 'offline_card_refused',
      params: { reason: 'ECONNREFUSED' },
    });
    expect(new AuthorizationStore(till.temp.db).unresolved()).toHaveLength(1);
    expect(store.pending()).toEqual({ count: 0, totalMinor: 0, oldestAt: null });
  });

  it('refuses QR payment codes: one-time, online only, even with offline acceptance on', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({});
    await expect(offline.authorize(qr('281234567890123456'))).rejects.toMatchObject({
      code: 'offline_qr_refused',
    });
    expect(store.pending().count).toBe(0);
  });

  it('changes nothing while the host answers: approvals and declines are the host’s', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, state } = offlineTill({});
    state.url = host.url;
    expect(await offline.authorize(swipe('visa'))).toMatchObject({ kind: 'approved' });
    expect(await offline.authorize(swipe('visaDeclined'))).toMatchObject({ kind: 'declined' });
  });
});

describe('the caps: each one refuses on its own', () => {
  it('approves offline within the caps: a fresh authorization with the next trace number', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({});
    const record = offlineOf(await offline.authorize(swipe('visa', 12_000)));
    // 000001 went to the unanswered request (now being reversed); the offline one is new.
    expect(record).toMatchObject({
      status: 'pending',
      traceNo: '000002',
      amount: 12_000,
      cardMasked: '411111******1111',
      cardBrand: 'Visa',
    });
    const original = new AuthorizationStore(till.temp.db).unresolved()[0];
    expect(original?.authId).not.toBe(record.authId);
    expect(store.pending()).toMatchObject({ count: 1, totalMinor: 12_000 });
  });

  it('per-sale cap', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({});
    await expect(offline.authorize(swipe('visa', 50_001))).rejects.toMatchObject({
      code: 'offline_per_sale_cap',
      params: { limit: '500.00' },
    });
    offlineOf(await offline.authorize(swipe('visa', 50_000)));
    expect(store.pending().count).toBe(1);
  });

  it('total cap of what is not yet forwarded', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({});
    offlineOf(await offline.authorize(swipe('visa', 50_000)));
    offlineOf(await offline.authorize(swipe('unionpayDebit', 40_000)));
    await expect(offline.authorize(swipe('visa', 10_001))).rejects.toMatchObject({
      code: 'offline_total_cap',
      params: { limit: '1000.00', left: '100.00' },
    });
    offlineOf(await offline.authorize(swipe('visa', 10_000)));
    expect(store.pending()).toMatchObject({ count: 3, totalMinor: 100_000 });
  });

  it('count cap of what is not yet forwarded', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store } = offlineTill({ settings: { ...bounds, countCap: 2 } });
    offlineOf(await offline.authorize(swipe('visa', 100)));
    offlineOf(await offline.authorize(swipe('visa', 100)));
    await expect(offline.authorize(swipe('visa', 100))).rejects.toMatchObject({
      code: 'offline_count_cap',
      params: { max: 2 },
    });
    expect(store.pending().count).toBe(2);
  });
});

describe('the sealed request', () => {
  it('is encrypted at rest: the database and its WAL hold no track 2 or card number', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, sealer } = offlineTill({});
    const records = [];
    for (const card of ['visa', 'unionpayDebit', 'unionpayDebit2', 'visaDeclined'] as const) {
      records.push(offlineOf(await offline.authorize(swipe(card))));
    }
    expect(filesWithCardData(till.temp.dir)).toEqual([]);
    // Yet the till can open what it sealed: the request the host will get, track 2 included.
    const first = records[0];
    if (first === undefined) throw new Error('none');
    const sealed = store.sealedRequest(first.authId);
    if (sealed === null) throw new Error('not stored');
    expect(JSON.parse(sealer.open(first.authId, sealed) ?? 'null')).toMatchObject({
      authId: first.authId,
      traceNo: first.traceNo,
      entryMode: 'swipe',
      track2: expect.stringContaining('4111111111111111=') as unknown,
    });
  });

  it('opens only with the key in the OS store, and only for its own row', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, keys } = offlineTill({});
    const a = offlineOf(await offline.authorize(swipe('visa')));
    const b = offlineOf(await offline.authorize(swipe('visa')));
    const sealed = store.sealedRequest(a.authId);
    if (sealed === null) throw new Error('not stored');
    expect(keys.get()).toHaveLength(32);
    // The same key, read again from the store (a restart): opens.
    expect(new OfflineSealer(keys).open(a.authId, sealed)).not.toBeNull();
    // Another key: does not.
    const other = new OfflineSealer(new FileSecretStore(join(till.temp.dir, 'other-key')));
    expect(other.open(a.authId, sealed)).toBeNull();
    // Moved to another row: does not either (the authId is the associated data).
    expect(new OfflineSealer(keys).open(b.authId, sealed)).toBeNull();
  });
});

describe('forwarding to the host', () => {
  it('forward → approved: the request is deleted, the approval is an ordinary authorization', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, state, forwarder } = offlineTill({});
    const record = offlineOf(await offline.authorize(swipe('visa', 2_000)));
    expect(await forwarder.forwardNow()).toBe('host_unreachable');
    expect(store.get(record.authId)).toMatchObject({ status: 'pending', attempts: 1 });
    state.url = host.url;
    expect(await forwarder.forwardNow()).toBe('done');
    const done = store.get(record.authId);
    expect(done).toMatchObject({ status: 'approved', answer: { approved: true } });
    expect(store.sealedRequest(record.authId)).toBeNull();
    expect(store.pending().count).toBe(0);
    expect(new AuthorizationStore(till.temp.db).get(record.authId)).toMatchObject({
      status: 'approved',
      traceNo: record.traceNo,
      amount: 2_000,
    });
    // So its sale can still be cancelled at the host (撤销).
    expect(await offline.voidApproved(record.authId)).toMatchObject({ status: 'voided' });
    expect(filesWithCardData(till.temp.dir)).toEqual([]);
  });

  it('forwards oldest first', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, state, forwarder } = offlineTill({});
    const first = offlineOf(await offline.authorize(swipe('visa', 100)));
    const second = offlineOf(await offline.authorize(swipe('visa', 200)));
    state.url = host.url;
    await forwarder.forwardNow();
    const answeredAt = (id: string) => store.get(id)?.answeredAt ?? '';
    expect(answeredAt(first.authId) <= answeredAt(second.authId)).toBe(true);
    expect(store.get(second.authId)?.status).toBe('approved');
  });

  it('forward → declined: deleted, and on the worklist to collect; resolving is recorded', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, state, forwarder } = offlineTill({});
    const record = offlineOf(await offline.authorize(swipe('visaDeclined', 3_000)));
    state.url = host.url;
    expect(await forwarder.forwardNow()).toBe('done');
    expect(store.get(record.authId)?.status).toBe('declined');
    expect(store.sealedRequest(record.authId)).toBeNull();
    const view = offline.view(bounds);
    expect(view.pending).toEqual({ count: 0, totalMinor: 0, oldestAt: null });
    expect(view.worklist).toEqual([
      expect.objectContaining({
        authId: record.authId,
        status: 'declined',
        cardMasked: '400000******0002',
        amountMinor: 3_000,
        responseCode: '05',
        resolvedAt: null,
      }),
    ]);
    offline.resolve(record.authId, 'Owner', 'collected in cash');
    expect(offline.view(bounds).worklist[0]).toMatchObject({
      resolvedBy: 'Owner',
      resolution: 'collected in cash',
    });
    expect(() => offline.resolve(crypto.randomUUID(), 'Owner', 'x')).toThrow(
      expect.objectContaining({ code: 'offline_item_not_found' }) as Error,
    );
  });

  it('a new forwarder on the same database (a restart) forwards what was pending', async () => {
    ({ host, till } = await startPaymentTill());
    const before = offlineTill({});
    const record = offlineOf(await before.offline.authorize(swipe('unionpayDebit2', 4_000)));
    before.forwarder.stop();
    // The app again: new store, new sealer reading the key from the same OS store.
    const after = offlineTill({});
    after.state.url = host.url;
    after.forwarder.start();
    expect(await settles(after.store, record.authId, ['approved'])).toMatchObject({
      answer: { approved: true, cardType: 'debit' },
    });
  });

  it('a cancelled sale drops its pending offline payment: deleted, never forwarded', async () => {
    ({ host, till } = await startPaymentTill());
    const { offline, store, state, forwarder } = offlineTill({});
    const record = offlineOf(await offline.authorize(swipe('visa', 700)));
    await offline.voidApproved(record.authId);
    expect(store.get(record.authId)?.status).toBe('cancelled');
    expect(store.sealedRequest(record.authId)).toBeNull();
    state.url = host.url;
    await forwarder.forwardNow();
    expect(store.get(record.authId)?.status).toBe('cancelled');
    expect(new AuthorizationStore(till.temp.db).get(record.authId)).toBeNull();
  });
});

describe('24 h', () => {
  it('not forwarded within 24 h: deleted, on the worklist as expired', async () => {
    ({ host, till } = await startPaymentTill());
    let now = new Date('2025-03-01T08:00:00Z');
    const { offline, store, forwarder } = offlineTill({ now: () => now });
    const record = offlineOf(await offline.authorize(swipe('visa', 900)));
    now = new Date(now.getTime() + 23 * HOUR);
    expect(await forwarder.forwardNow()).toBe('host_unreachable');
    expect(store.get(record.authId)?.status).toBe('pending');
    // Past 23 h, no new offline payment: the one waiting could not make its 24 h.
    await expect(offline.authorize(swipe('visa', 100))).rejects.toMatchObject({
      code: 'offline_too_old',
    });
    now = new Date(now.getTime() + HOUR);
    await forwarder.forwardNow();
    expect(store.get(record.authId)?.status).toBe('expired');
    expect(store.sealedRequest(record.authId)).toBeNull();
    expect(offline.view(bounds).worklist).toEqual([
      expect.objectContaining({ authId: record.authId, status: 'expired', responseCode: null }),
    ]);
    // Nothing waits any more: offline acceptance is open again.
    offlineOf(await offline.authorize(swipe('visa', 100)));
  });

  it('an unanswered forward that expires is reversed, so the customer is not charged twice', async () => {
    ({ host, till } = await startPaymentTill());
    let now = new Date('2025-03-01T08:00:00Z');
    const { offline, store, state, forwarder } = offlineTill({ now: () => now });
    // Amount ending 91: the test host holds the request open with no answer.
    const record = offlineOf(await offline.authorize(swipe('visa', 1_291)));
    state.url = host.url;
    expect(await forwarder.forwardNow()).toBe('host_unreachable');
    expect(store.get(record.authId)).toMatchObject({ status: 'pending', unanswered: true });
    now = new Date(now.getTime() + 24 * HOUR);
    expect(await forwarder.forwardNow()).toBe('done');
    expect(store.get(record.authId)).toMatchObject({ status: 'expired', unanswered: false });
    expect(store.toReverse()).toEqual([]);
  });
});
