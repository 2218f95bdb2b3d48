import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeKind } from '@app/fees/fee-schedule';
import type { ReportFigures } from '@app/reports/report-schema';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { startPgCluster } from '@backoffice/testing/pg-cluster';
import type { PgCluster } from '@backoffice/testing/pg-cluster';
import { dashboardFeature } from '@backoffice/dashboard/dashboard-feature';
import type { BatchRow, Figures, Summary } from '@backoffice/dashboard/dashboard-api';
import { testScryptCost } from '@backoffice/dashboard/dashboard.test-support';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { eventually, swipeCard } from '../testing/payment-services';
import { call, closeShift, signInOwner, tempServices } from '../testing/temp-services';

/**
 * Issue #17: the owner's dashboard totals equal the sum of the tills' Z reports. Two real
 * tills (their services, ledgers and uploaders) sell in cash and by card, refund and void,
 * close the day with a Z, upload to a back office on PostgreSQL and settle; the dashboard's
 * API must then show each Z's figures per till and their sum in all, to the minor unit.
 */
const products = demoCatalog();
const cola = products.find((p) => p.taxClass === 'standard');
const other = products.find((p) => p.taxClass === 'reduced');
if (!cola || !other) throw new Error('the demo catalog lacks a standard and a reduced product');

let cluster: PgCluster;
let host: TestHost;
const feature = dashboardFeature({ scryptCost: testScryptCost, cutoffHour: 4 });
const tills: Services[] = [];

beforeAll(async () => {
  cluster = startPgCluster();
  host = await startTestHost({
    database: cluster.createDatabase('dashboard_z'),
    merchants: [MERCHANT],
    migrations: feature.migrations,
    routes: (db) => feature.routes(db),
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(tills.map((services) => services.close()));
  await host.close();
  cluster.stop();
}, 60_000);

async function startTill(terminalId: string): Promise<Services> {
  const { services } = tempServices(undefined, undefined, {
    simulateDevices: true,
    authorizationTimeoutMs: 400,
    swipeWaitMs: 5_000,
  });
  tills.push(services);
  await signInOwner(services);
  await call(services, 'settings.update', { locale: 'en' });
  await call(services, 'sync.bind', {
    hostUrl: host.url,
    merchantId: MERCHANT.merchantId,
    terminalId,
    bindingCode: await host.issueBindingCode(MERCHANT.merchantId),
  });
  await eventually(
    () => call(services, 'devices.list', {}),
    (view) => view.devices.find((d) => d.role === 'cardReader')?.state === 'connected',
  );
  return services;
}

async function scan(services: Services, codes: string[]): Promise<number> {
  let total = 0;
  for (const code of codes) total = (await call(services, 'cart.scan', { code })).totals.totalMinor;
  return total;
}

async function cardSale(services: Services, card: 'visa' | 'unionpayDebit2', codes: string[]) {
  const paid = await swipeCard(services, card, await scan(services, codes));
  if (!paid.ok) throw new Error(paid.error.message);
  const { saleId } = paid.value as { saleId: string | null };
  if (saleId === null) throw new Error('the card sale did not commit');
  return saleId;
}

/** Sells, corrects, counts the drawer and closes the day; returns the Z's figures. */
async function sellAndClose(services: Services, variant: number): Promise<ReportFigures> {
  await scan(services, [cola!.barcode, other!.barcode]);
  const cash = await call(services, 'sale.payCash', { tenderedMinor: 100_000 });
  await scan(
    services,
    Array.from({ length: variant + 1 }, () => cola!.barcode),
  );
  await call(services, 'sale.payCash', { tenderedMinor: 100_000 });
  await cardSale(services, 'visa', [cola!.barcode, cola!.barcode, other!.barcode]);
  const debit = await cardSale(
    services,
    'unionpayDebit2',
    Array.from({ length: 3 + variant }, () => other!.barcode),
  );
  const line = cash.lines[0];
  if (!line) throw new Error('the cash sale has no line');
  await call(services, 'sale.refund', {
    saleId: cash.id,
    lines: [{ lineId: line.lineId, quantity: 1 }],
    reason: 'damaged',
    restock: true,
  });
  if (variant === 1) await call(services, 'sale.void', { saleId: debit, reason: 'wrong item' });
  await closeShift(services);
  return (await call(services, 'reports.closeDay', {})).figures;
}

const figuresOf = (z: ReportFigures): Figures => ({
  salesCount: z.salesCount,
  salesMinor: z.salesMinor,
  refundCount: z.refundCount,
  refundMinor: z.refundMinor,
  voidCount: z.voidCount,
  voidMinor: z.voidMinor,
  reversalCount: z.reversalCount,
  reversalMinor: z.reversalMinor,
  netMinor: z.netMinor,
  feeMinor: z.feeMinor,
  nonCashMinor: z.nonCashMinor,
  settlementMinor: z.settlementMinor,
});

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('the owner’s dashboard against the tills’ Z reports', () => {
  it('shows each till’s Z and their sum, to the minor unit', { timeout: 120_000 }, async () => {
    const terminals = ['CTDASH01', 'CTDASH02'];
    const zs: ReportFigures[] = [];
    for (const [i, terminalId] of terminals.entries()) {
      zs.push(await sellAndClose(await startTill(terminalId), i));
    }
    for (const services of tills) {
      await call(services, 'sync.now', {});
      await eventually(
        () => call(services, 'sync.status', {}),
        (s) => s.state === 'synced' && s.pendingSettlements === 0,
        30_000,
      );
    }

    const setup = (await feature.setupPath()) ?? '';
    const token = /#setup=(.+)$/.exec(setup)?.[1] ?? '';
    const json = { 'content-type': 'application/json' };
    const owner = { login: 'owner', password: 'owner password' };
    await fetch(`${host.url}/dashboard/api/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token, ...owner }),
    });
    const login = await fetch(`${host.url}/dashboard/api/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(owner),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async <T>(path: string): Promise<T> =>
      (await (
        await fetch(`${host.url}/dashboard/api/${path}`, { headers: { cookie } })
      ).json()) as T;
    // Every entry of both batches, wherever the business day boundary fell.
    const range = `from=${isoDay(Date.now() - 86_400_000)}&to=${isoDay(Date.now() + 86_400_000)}`;

    const all = await get<Summary>(`summary?${range}`);
    const sum = (pick: (f: Figures) => number): number =>
      zs.reduce((s, z) => s + pick(figuresOf(z)), 0);
    const expected = Object.fromEntries(
      Object.keys(figuresOf(zs[0]!)).map((key) => [key, sum((f) => f[key as keyof Figures])]),
    );
    expect(all.total).toEqual(expected);
    expect(all.total.feeMinor).toBeGreaterThan(0);
    expect(all.total.voidCount).toBe(1);
    for (const [i, terminalId] of terminals.entries()) {
      const one = await get<Summary>(`summary?${range}&till=${terminalId}`);
      expect(one.total).toEqual(figuresOf(zs[i]!));
    }
    const tenders = new Map<FeeKind, { count: number; amountMinor: number; feeMinor: number }>();
    for (const z of zs) {
      for (const t of z.tenders) {
        const into = tenders.get(t.kind) ?? { count: 0, amountMinor: 0, feeMinor: 0 };
        tenders.set(t.kind, {
          count: into.count + t.count,
          amountMinor: into.amountMinor + t.amountMinor,
          feeMinor: into.feeMinor + t.feeMinor,
        });
      }
    }
    expect(all.tenders).toEqual(all.tenders.map((t) => ({ kind: t.kind, ...tenders.get(t.kind) })));
    expect(all.tenders.map((t) => t.kind).sort()).toEqual([...tenders.keys()].sort());

    const batches = await get<BatchRow[]>(`batches?${range}`);
    expect(
      batches.map((b) => [b.terminalId, b.batchNo, b.state, b.netMinor, b.settlementMinor]).sort(),
    ).toEqual(
      terminals.map((terminalId, i) => [
        terminalId,
        '000001',
        'balanced',
        zs[i]!.netMinor,
        zs[i]!.settlementMinor,
      ]),
    );
  });
});
