import { afterEach, describe, expect, it } from 'vitest';
import { filesWithCardData } from '../testing/card-data-scan';
import { silentLogger } from '../log/logger';
import type { Till } from '../sync/sync-test-support';
import type { TestHost } from '@backoffice/host/test-host';
import { AuthorizationStore } from './authorization-store';
import type { AuthorizationStatus } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import type { HostAccess } from './card-authorizer';
import { hostAccessOf, qr, startPaymentTill, swipe } from './payment-test-support';

let host: TestHost;
let till: Till;
const authorizers: CardAuthorizer[] = [];
afterEach(async () => {
  for (const authorizer of authorizers.splice(0)) authorizer.stop();
  till.temp.dispose();
  await host.close();
});

const access = (url = () => host.url): HostAccess => hostAccessOf(till, url);

const authorizerFor = (hostAccess = access()) => {
  const authorizer = new CardAuthorizer({
    store: new AuthorizationStore(till.temp.db),
    host: hostAccess,
    log: silentLogger,
    timeoutMs: 400,
    retry: { firstMs: 20, maxMs: 100 },
  });
  authorizers.push(authorizer);
  return authorizer;
};

/** Waits (yielding to the event loop) until the stored status is one of `statuses`. */
async function settles(authId: string, statuses: AuthorizationStatus[]) {
  const store = new AuthorizationStore(till.temp.db);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const record = store.get(authId);
    if (record && statuses.includes(record.status)) return record;
    if (Date.now() > deadline) throw new Error(`still ${String(record?.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('card and QR authorization against the test host (every row of the test table)', () => {
  it('approves the test cards as credit or debit, and numbers each request by trace', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    const visa = await authorizer.authorize(swipe('visa'));
    expect(visa).toMatchObject({
      kind: 'approved',
      record: { status: 'approved', traceNo: '000001', batchNo: '000001' },
      answer: { cardMasked: '411111******1111', cardType: 'credit' },
    });
    if (visa.kind !== 'approved') throw new Error('not approved');
    expect(visa.answer.authCode).toHaveLength(6);
    expect(visa.answer.rrn).toMatch(/^\d{12}$/);
    expect(await authorizer.authorize(swipe('unionpayDebit'))).toMatchObject({
      kind: 'approved',
      record: { traceNo: '000002' },
      answer: { cardType: 'credit' },
    });
    expect(await authorizer.authorize(swipe('unionpayDebit2'))).toMatchObject({
      kind: 'approved',
      record: { traceNo: '000003' },
      answer: { cardType: 'debit', cardMasked: '622202*********0128' },
    });
  });

  it('declines: do not honour, insufficient funds (amount ending 51), an invalid QR code', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    expect(await authorizer.authorize(swipe('visaDeclined'))).toMatchObject({
      kind: 'declined',
      responseCode: '05',
      record: { status: 'declined' },
    });
    expect(await authorizer.authorize(swipe('visa', 1_251))).toMatchObject({
      kind: 'declined',
      responseCode: '51',
    });
    expect(await authorizer.authorize(qr('999999999999999999'))).toMatchObject({
      kind: 'declined',
      responseCode: '14',
    });
  });

  it('approves wallet (28…) and UnionPay (62…) payment codes', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    expect(await authorizer.authorize(qr('281234567890123456'))).toMatchObject({
      kind: 'approved',
      answer: { cardType: 'wallet' },
    });
    expect(await authorizer.authorize(qr('621234567890123456'))).toMatchObject({
      kind: 'approved',
      answer: { cardType: 'credit' },
    });
  });

  it('reverses a request the host never answers (amount ending 91), and says so at once', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    const outcome = await authorizer.authorize(swipe('visa', 1_291));
    expect(outcome).toMatchObject({ kind: 'not_completed', record: { status: 'reversing' } });
    // The host had not approved it: "reversed": false, and it is done.
    const done = await settles(outcome.record.authId, ['reversed', 'not_reversed']);
    expect(done.status).toBe('not_reversed');
  });

  it('voids an approved sale of the open batch, once', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    const sale = await authorizer.authorize(swipe('visa'));
    expect(await authorizer.voidApproved(sale.record.authId)).toMatchObject({ status: 'voided' });
    await expect(authorizer.voidApproved(sale.record.authId)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('reversal (冲正) survives what can go wrong', () => {
  it('a request recorded but never answered before a crash is reversed at the next start', async () => {
    ({ host, till } = await startPaymentTill());
    // The crash: the row was committed, the request may or may not have left.
    const store = new AuthorizationStore(till.temp.db);
    const orphan = store.open({
      authId: crypto.randomUUID(),
      kind: 'sale',
      amount: 500,
      currency: 'CNY',
      entryMode: 'swipe',
      batchNo: '000001',
      refAuthId: null,
      cardKey: null,
      createdAt: new Date().toISOString(),
    });
    authorizerFor().start();
    expect((await settles(orphan.authId, ['reversed', 'not_reversed'])).status).toBe(
      'not_reversed',
    );
  });

  it('keeps retrying the reversal while the host is down, and finishes when it is back', async () => {
    ({ host, till } = await startPaymentTill());
    let url = 'http://127.0.0.1:9'; // nothing listens: connection refused
    const authorizer = authorizerFor(access(() => url));
    const outcome = await authorizer.authorize(swipe('visa'));
    expect(outcome).toMatchObject({ kind: 'not_completed' });
    const store = new AuthorizationStore(till.temp.db);
    const deadline = Date.now() + 5_000;
    while ((store.get(outcome.record.authId)?.reversalAttempts ?? 0) < 3) {
      if (Date.now() > deadline) throw new Error('no retries');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(store.get(outcome.record.authId)).toMatchObject({ status: 'reversing' });
    url = host.url;
    expect((await settles(outcome.record.authId, ['reversed', 'not_reversed'])).status).toBe(
      'not_reversed',
    );
  });

  it('refuses card payments on a till that is not bound, before recording anything', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor({ connect: () => null });
    await expect(authorizer.authorize(swipe('visa'))).rejects.toMatchObject({ code: 'not_bound' });
    expect(new AuthorizationStore(till.temp.db).unresolved()).toEqual([]);
  });

  it('never writes track data or a card number to the database or its WAL', async () => {
    ({ host, till } = await startPaymentTill());
    const authorizer = authorizerFor();
    for (const card of ['visa', 'unionpayDebit', 'unionpayDebit2', 'visaDeclined'] as const) {
      await authorizer.authorize(swipe(card));
    }
    await authorizer.authorize(swipe('visa', 1_291));
    expect(filesWithCardData(till.temp.dir)).toEqual([]);
  });
});
