import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import { filesWithCardData } from '../testing/card-data-scan';
import { printedText } from '../testing/printed-text';
import { eventually, startPaymentServices, swipeCard } from '../testing/payment-services';
import { call } from '../testing/temp-services';
import type { Services } from '../services';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';

// Issue #6 "Offline" through the whole app: the till bound to a host that then goes down.
let host: TestHost | null;
let hostDir: string;
let port: number;
let services: Services;
let dataDir: string;

const product = demoCatalog().find((p) => p.priceMinor >= 500 && p.unit !== 'kg');
if (!product) throw new Error('demo catalog lacks a product of 5.00 or more');

/** The host's answers after a restart wait for the forwarder's back-off: a longer wait. */
const FORWARD_MS = 8_000;
const swipe = (amountMinor: number) => swipeCard(services, 'visa', amountMinor);

const hostDown = async () => {
  await host?.close();
  host = null;
};

beforeEach(async () => {
  hostDir = mkdtempSync(join(tmpdir(), 'offline-host-'));
  ({ host, services, dataDir } = await startPaymentServices({
    dbFile: join(hostDir, 'host.sqlite'),
  }));
  port = Number(new URL(host.url).port);
  await call(services, 'cart.scan', { code: product.barcode });
});

afterEach(async () => {
  await services.idle();
  // The sealed request is the only card data the issue allows on disk, and it is encrypted.
  expect(filesWithCardData(dataDir)).toEqual([]);
  await services.close();
  await host?.close();
  rmSync(hostDir, { recursive: true, force: true });
});

describe('a swipe while the host is down', () => {
  it('is refused with a clear message when offline acceptance is off (the default)', async () => {
    await hostDown();
    const total = (await call(services, 'payment.get', {})).totalMinor;
    const result = await swipe(total);
    expect(result).toMatchObject({ ok: false, error: { code: 'offline_card_refused' } });
    expect((await call(services, 'payment.get', {})).tenders).toEqual([]);
  });

  it('is accepted offline within the caps, shows as pending, and is forwarded when the host is back', async () => {
    await call(services, 'offline.setSettings', {
      enabled: true,
      perSaleCapMinor: 100_000,
      totalCapMinor: 200_000,
      countCap: 3,
    });
    // What the owner's Risk screen is told as it happens.
    const told: number[] = [];
    services.bus.on('offline.changed', (view) => void told.push(view.pending.count));
    await hostDown();
    const total = (await call(services, 'payment.get', {})).totalMinor;
    const result = await swipe(total);
    if (!result.ok) throw new Error(`swipe failed: ${JSON.stringify(result.error)}`);
    expect(told.at(-1)).toBe(1);
    const sale = await call(services, 'sale.list', { limit: 1 });
    const saleId = sale[0]?.id ?? '';
    const record = await call(services, 'sale.get', { saleId });
    expect(record.tenders).toEqual([
      expect.objectContaining({
        method: 'card',
        entryMode: 'swipe',
        offline: true,
        authCode: 'OFFLIN',
        cardMasked: '411111******1111',
        amountMinor: total,
      }),
    ]);
    const pending = await call(services, 'offline.get', {});
    expect(pending.pending).toMatchObject({ count: 1, totalMinor: total });
    // The receipt says so (customer copy, then merchant copy).
    await services.idle();
    const pages = await eventually(
      () => call(services, 'printer.pages', {}),
      (printed) => printed.length >= 2,
    );
    // The shop's receipts are in Chinese: 离线批准 = offline approval, on both copies.
    expect(printedText(pages.at(-2))).toContain('离线批准');
    expect(printedText(pages.at(-1))).toMatch(/离线批准[\s\S]*OFFLIN/);

    // The host comes back on the same address: the forwarder's back-off finds it.
    host = await startTestHost({ port, dbFile: join(hostDir, 'host.sqlite') });
    const after = await eventually(
      () => call(services, 'offline.get', {}),
      (view) => view.pending.count === 0,
      FORWARD_MS,
    );
    expect(after.worklist).toEqual([]);
    expect(told.at(-1)).toBe(0);
  });
});

describe('an offline card sale corrected before the host has it', () => {
  let saleId: string;
  let authId: string;
  beforeEach(async () => {
    await call(services, 'offline.setSettings', {
      enabled: true,
      perSaleCapMinor: 100_000,
      totalCapMinor: 200_000,
      countCap: 3,
    });
    await hostDown();
    const result = await swipe((await call(services, 'payment.get', {})).totalMinor);
    if (!result.ok) throw new Error(`swipe failed: ${JSON.stringify(result.error)}`);
    saleId = (await call(services, 'sale.list', { limit: 1 }))[0]?.id ?? '';
    authId = (await call(services, 'sale.get', { saleId })).tenders[0]?.authId ?? '';
  });

  it('is voided by dropping its sealed request: the host never hears of it', async () => {
    const told: number[] = [];
    services.bus.on('offline.changed', (view) => void told.push(view.pending.count));
    const done = await call(services, 'sale.void', { saleId, reason: 'customer changed mind' });
    expect(done).toMatchObject({ kind: 'void' });
    expect((await call(services, 'offline.get', {})).pending.count).toBe(0);
    expect(told).toEqual([0]);

    host = await startTestHost({ port, dbFile: join(hostDir, 'host.sqlite') });
    await eventually(
      () => call(services, 'sync.status', {}),
      (status) => status.unsynced === 0,
      FORWARD_MS,
    );
    const hostDb = new Database(join(hostDir, 'host.sqlite'), { readonly: true });
    const known = hostDb.prepare('SELECT 1 FROM authorizations WHERE auth_id = ?').get(authId);
    hostDb.close();
    expect(known).toBeUndefined();
  });

  it('is not refunded to the card, which the host cannot pay back yet: cash instead', async () => {
    const result = await services.dispatch('sale.refund', {
      saleId,
      lines: [
        {
          lineId: (await call(services, 'sale.get', { saleId })).lines[0]?.lineId ?? '',
          quantity: 1,
        },
      ],
      reason: 'damaged',
      restock: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'refund_leg_failed' } });
    expect(await call(services, 'correction.pending', {})).toMatchObject({
      legs: [{ method: 'card', status: 'failed', error: { code: 'offline_not_forwarded' } }],
    });
    expect(await call(services, 'correction.cashInstead', {})).toMatchObject({ kind: 'refund' });
    // Still waiting for the host: the sale itself was paid by card.
    expect((await call(services, 'offline.get', {})).pending.count).toBe(1);
  });
});
