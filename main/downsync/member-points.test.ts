import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '@app/ledger/entry';
import { MERCHANT } from '@backoffice/host/test-support';
import type { TestHost } from '@backoffice/host/test-host';
import { pgClusterForFile } from '@backoffice/catalog/downsync.test-support';
import { cashEntry } from '../sync/sync-test-support';
import { downsyncTill, ownerCall, startDownsyncHost } from './downsync-test-support';
import type { DownsyncTill } from './downsync-test-support';
import { offlineRedeemable } from './member-client';

const postgres = pgClusterForFile();

const disposers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

/** The back office on PostgreSQL, or on its embedded SQLite default (a temporary file). */
const backOffices: [string, () => Promise<TestHost>][] = [
  ['PostgreSQL', () => startDownsyncHost(postgres.database('points'))],
  ['SQLite', () => startDownsyncHost()],
];

async function setUp(
  startHost: () => Promise<TestHost>,
): Promise<{ host: TestHost; a: DownsyncTill; b: DownsyncTill }> {
  const host = await startHost();
  disposers.push(() => host.close());
  const a = await downsyncTill(host, 'CTTILL0A');
  const b = await downsyncTill(host, 'CTTILL0B');
  disposers.push(
    () => a.temp.dispose(),
    () => b.temp.dispose(),
  );
  const saved = await ownerCall(host, 'PUT', '/owner/v1/members', {
    merchantId: MERCHANT.merchantId,
    members: [{ memberId: MEMBER, name: 'Li Lei', phone: '13812345678', cardBarcode: null }],
  });
  expect(saved.status).toBe(200);
  return { host, a, b };
}

const MEMBER = 'member-1';

/** A sale on the till's ledger with the member detail the till's sales record, uploaded. */
async function memberSale(till: DownsyncTill, earned: number, redeemed: number): Promise<void> {
  const detail: { [key: string]: JsonValue } = {
    operator: 'test',
    customerId: MEMBER,
    pointsEarned: earned,
    pointsRedeemed: redeemed,
    member: { customerId: MEMBER, name: 'Li Lei', phoneMasked: '138****5678' },
  };
  till.ledger.commit((tx) => {
    tx.append({ ...cashEntry('sale', 1000, till.identity.current().batchNo), detail });
  });
  await till.drain();
}

describe.each(backOffices)('member points across tills, on %s', (_name, startHost) => {
  it('lets a member earn on till A and redeem on till B, the points taken once', async () => {
    const { a, b } = await setUp(startHost);
    await memberSale(a, 300, 0);

    const [found] = await b.members.lookup('13812345678');
    expect(found).toMatchObject({ memberId: MEMBER, phoneMasked: '138****5678', balance: 300 });
    expect(found && offlineRedeemable(found)).toBe(300);

    const holdId = randomUUID();
    expect(await b.members.hold(MEMBER, 200, holdId)).toEqual({
      holdId,
      points: 200,
      balance: 100,
    });
    // The answer was lost and the till asks again: the same answer, nothing taken twice.
    expect(await b.members.hold(MEMBER, 200, holdId)).toEqual({
      holdId,
      points: 200,
      balance: 100,
    });
    await memberSale(b, 5, 200);

    // The sale's redemption spent the hold; only what it earned is added.
    expect((await a.members.lookup(MEMBER))[0]?.balance).toBe(105);
    await expect(a.members.hold(MEMBER, 200)).rejects.toMatchObject({
      code: 'points_insufficient',
      params: { balance: 105 },
    });
  }, 60_000);

  it('never lets two tills redeeming at once overdraw a balance', async () => {
    const { a, b } = await setUp(startHost);
    await memberSale(a, 500, 0);
    const attempts = Array.from({ length: 100 }, (_, i) =>
      (i % 2 === 0 ? a : b).members.hold(MEMBER, 10),
    );
    const outcomes = await Promise.allSettled(attempts);
    const held = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter(
      (outcome) =>
        outcome.status === 'rejected' &&
        (outcome.reason as { code?: unknown }).code === 'points_insufficient',
    );
    expect(held).toHaveLength(50);
    expect(refused).toHaveLength(50);
    expect((await b.members.lookup(MEMBER))[0]?.balance).toBe(0);
  }, 120_000);
});
