import { afterEach, describe, expect, it } from 'vitest';
import { defaultRiskSettings, NO_LIMITS } from '@app/payments/risk-rules';
import type { RiskSettings } from '@app/payments/risk-rules';
import type { SaleTender } from '@app/sale/sale';
import { silentLogger } from '../log/logger';
import type { Till } from '../sync/sync-test-support';
import { filesWithCardData } from '../testing/card-data-scan';
import type { TestHost } from '@backoffice/host/test-host';
import { AuthorizationStore } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import { CardKeyer } from './card-keyer';
import { hostAccessOf, qr, startPaymentTill, swipe } from './payment-test-support';
import { RiskGuard } from './risk-guard';
import { commitSale } from '../sales/commit-sale';
import { SaleRepository } from '../sales/sale-repository';
import { sampleSale, sampleStaff } from '../sales/sample-sale';

let host: TestHost;
let till: Till;
afterEach(async () => {
  till.temp.dispose();
  await host.close();
});

/** A key store in memory, as the OS store would keep it. */
const memoryKeyStore = () => {
  let key: Buffer | null = null;
  return {
    get: () => key,
    set: (next: Buffer) => void (key = next),
    clear: () => void (key = null),
  };
};

async function guarded(
  rules: Partial<RiskSettings>,
  now?: () => Date,
  started?: { host: TestHost; till: Till },
) {
  ({ host, till } = started ?? (await startPaymentTill()));
  const authorizations = new AuthorizationStore(till.temp.db);
  const keyer = new CardKeyer(memoryKeyStore());
  const risk = new RiskGuard({
    db: till.temp.db,
    authorizations,
    settings: () => ({ ...defaultRiskSettings, ...rules }),
    keyer,
    log: silentLogger,
    ...(now ? { now } : {}),
  });
  const authorizer = new CardAuthorizer({
    store: authorizations,
    host: hostAccessOf(till, () => host.url),
    log: silentLogger,
    risk,
  });
  return { authorizer, authorizations, risk, keyer };
}

describe('risk rules in front of the payment host', () => {
  it('refuses a blocked range before anything is sent or stored, and records it masked', async () => {
    const { authorizer, authorizations, risk } = await guarded({ blockedBinPrefixes: ['622202'] });
    await expect(authorizer.authorize(swipe('unionpayDebit2'))).rejects.toMatchObject({
      code: 'risk_blocked_range',
      params: { prefix: '622202' },
    });
    expect(authorizations.unresolved()).toEqual([]);
    expect(risk.events()).toMatchObject([
      {
        rule: 'blocked_range',
        tender: 'card',
        amountMinor: 1_000,
        cardMasked: '622202*********0128',
      },
    ]);
    expect(await authorizer.authorize(swipe('visa'))).toMatchObject({ kind: 'approved' });
  });

  it('a hash made under another key never matches: the key stays with this till', async () => {
    const elsewhere = new CardKeyer(memoryKeyStore()).keyOf('4111111111111111');
    const { authorizer } = await guarded({ blockedCardKeys: [elsewhere] });
    expect(await authorizer.authorize(swipe('visa'))).toMatchObject({ kind: 'approved' });
  });

  it('blocks a card listed with this till’s own key', async () => {
    const rules: Partial<RiskSettings> = { blockedCardKeys: [] };
    const { authorizer, keyer } = await guarded(rules);
    rules.blockedCardKeys = [keyer.keyOf('4111111111111111')];
    await expect(authorizer.authorize(swipe('visa'))).rejects.toMatchObject({
      code: 'risk_blocked_card',
    });
    expect(await authorizer.authorize(swipe('unionpayDebit'))).toMatchObject({ kind: 'approved' });
  });

  it('refuses the same card a third time in ten minutes, declines included', async () => {
    const { authorizer } = await guarded({ velocity: { maxUses: 2, withinMinutes: 10 } });
    expect(await authorizer.authorize(swipe('visa', 1_251))).toMatchObject({ kind: 'declined' });
    expect(await authorizer.authorize(swipe('visa'))).toMatchObject({ kind: 'approved' });
    await expect(authorizer.authorize(swipe('visa'))).rejects.toMatchObject({
      code: 'risk_velocity',
      params: { max: 2, minutes: 10 },
    });
    expect(await authorizer.authorize(swipe('unionpayDebit'))).toMatchObject({ kind: 'approved' });
  });

  it('counts approved payments of the tender toward its daily limit, with what is left', async () => {
    const { authorizer } = await guarded({
      limits: {
        card: NO_LIMITS,
        qr: { perTransactionMinor: 5_000, dailyMinor: 8_000, monthlyMinor: null },
        other: NO_LIMITS,
      },
    });
    await expect(authorizer.authorize(qr('281234567890123456', 5_001))).rejects.toMatchObject({
      code: 'risk_per_transaction_limit',
      params: { limit: '50.00' },
    });
    expect(await authorizer.authorize(qr('281234567890123456', 5_000))).toMatchObject({
      kind: 'approved',
    });
    // A declined one takes nothing from the limit.
    expect(await authorizer.authorize(qr('999999999999999999', 2_000))).toMatchObject({
      kind: 'declined',
    });
    await expect(authorizer.authorize(qr('621234567890123456', 3_001))).rejects.toMatchObject({
      code: 'risk_daily_limit',
      params: { left: '30.00', limit: '80.00' },
    });
    // Cards have their own limits (none here).
    expect(await authorizer.authorize(swipe('visa', 900_000))).toMatchObject({ kind: 'approved' });
  });

  it('counts chip sales (authorized by the terminal) toward the card limits of their day and month', async () => {
    const now = new Date(2026, 10, 20, 15, 0);
    // Sales as PaymentSession.chip() commits them: one card tender whose detail says 'chip'.
    const chipSale = (at: Date) => {
      const sale = sampleSale({ lines: 1, at: at.toISOString() });
      const amountMinor = sale.paidMinor;
      const tenders: SaleTender[] = [
        {
          method: 'card',
          amountMinor,
          tenderedMinor: amountMinor,
          changeMinor: 0,
          entryMode: 'chip',
        },
      ];
      commitSale(till.ledger, new SaleRepository(till.temp.db), { ...sale, tenders }, sampleStaff);
      return amountMinor;
    };
    ({ host, till } = await startPaymentTill());
    chipSale(new Date(2026, 9, 31, 12)); // last month: counts for neither limit
    chipSale(new Date(2026, 10, 3, 12)); // this month, another day
    const each = chipSale(new Date(2026, 10, 20, 9)); // today
    // Left today: 30.00; left this month: 10.00.
    const card = {
      perTransactionMinor: null,
      dailyMinor: each + 3_000,
      monthlyMinor: 2 * each + 1_000,
    };
    const { authorizer } = await guarded(
      { limits: { card, qr: NO_LIMITS, other: NO_LIMITS } },
      () => now,
      { host, till },
    );
    await expect(authorizer.authorize(swipe('visa', 3_001))).rejects.toMatchObject({
      code: 'risk_daily_limit',
      params: { left: '30.00' },
    });
    await expect(authorizer.authorize(swipe('visa', 1_001))).rejects.toMatchObject({
      code: 'risk_monthly_limit',
      params: { left: '10.00' },
    });
    expect(await authorizer.authorize(swipe('visa', 1_000))).toMatchObject({ kind: 'approved' });
  });

  it('keeps card numbers off disk: only masks and keyed hashes are stored', async () => {
    const { authorizer } = await guarded({
      blockedBinPrefixes: ['4000'],
      velocity: { maxUses: 9, withinMinutes: 5 },
    });
    await authorizer.authorize(swipe('visa'));
    await authorizer.authorize(swipe('visaDeclined')).catch(() => undefined);
    expect(filesWithCardData(till.temp.dir)).toEqual([]);
  });
});
