import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import { demoCatalog } from '../catalog/demo-catalog';
import { saleFromEntry } from '../sales/sale-entry';
import { readLedger } from '../testing/ledger-on-disk';
import type { Caller } from '../testing/temp-services';
import { signInOwnerWith } from '../testing/temp-services';
import { startTillProcess } from '../testing/till-process';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';

/**
 * kill -9 at random moments while a till sells through its API, cash and card (a QR leg
 * and cash) alike, 100 times: no acknowledged sale is lost, none is there twice (by sale,
 * by line and by authorization), the chain verifies. A cart or split the crash left behind
 * is finished after the restart, as a cashier would.
 */
const ROUNDS = 100;
const seed = Number(process.env.KILL_LOOP_SEED ?? Date.now() % 1_000_000);
const barcodes = demoCatalog()
  .filter((p) => p.unit !== 'kg' && p.active)
  .slice(0, 12)
  .map((p) => p.barcode);
const QR_APPROVED = '281234567890123456';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One sale from whatever the till holds: a left-over split is paid up, a cart is paid. */
async function sellOne(call: Caller, random: () => number, acknowledged: string[]): Promise<void> {
  const payment = await call('payment.get', {});
  if (payment.tenders.length > 0) {
    // Paid in full before the crash, not committed: Complete sale; otherwise the rest in cash.
    const done =
      payment.remainingMinor === 0
        ? await call('payment.complete', {})
        : await call('payment.cash', { tenderedMinor: payment.remainingMinor });
    if (done.saleId) acknowledged.push(done.saleId);
    return;
  }
  const cart = await call('cart.get', {});
  if (cart.lines.length === 0) {
    for (let i = 0; i < 3; i += 1) {
      await call('cart.scan', { code: barcodes[Math.floor(random() * barcodes.length)] });
    }
  }
  if (random() < 0.4) {
    await call('payment.qr', { amountMinor: 150, code: QR_APPROVED });
    const done = await call('payment.cash', { tenderedMinor: 100_000 });
    if (done.saleId) acknowledged.push(done.saleId);
  } else {
    acknowledged.push((await call('sale.payCash', { tenderedMinor: 100_000 })).id);
  }
}

describe(`kill -9 at random moments while selling (seed ${seed}, KILL_LOOP_SEED to replay)`, () => {
  it('loses no acknowledged sale and doubles none, by sale, line and authorization', async () => {
    const random = seededRandom(seed);
    const host = await startTestHost({ merchants: [MERCHANT] });
    const dataDir = mkdtempSync(join(tmpdir(), 'countertop-kill-loop-'));
    dirs.push(dataDir);
    const acknowledged: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const till = await startTillProcess(dataDir);
        await signInOwnerWith(till.api.call);
        if (round === 0) {
          await till.api.call('sync.bind', {
            hostUrl: host.url,
            merchantId: MERCHANT.merchantId,
            terminalId: 'CTKILL01',
            bindingCode: await host.issueBindingCode(MERCHANT.merchantId),
          });
        }
        // Sells until killed at a random moment, mid-command as often as not.
        const state = { killed: false };
        const selling = (async () => {
          while (!state.killed) await sellOne(till.api.call, random, acknowledged);
        })().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50 + random() * 600));
        state.killed = true;
        await till.kill9();
        await selling;
      }
      const final = await startTillProcess(dataDir);
      await signInOwnerWith(final.api.call);
      // What the last crash left is finished, then nothing is left to pay.
      await sellOne(final.api.call, random, acknowledged);
      await final.kill9();

      const { entries, chainOk } = readLedger(dataDir);
      expect(chainOk).toBe(true);
      const sales = entries.filter((e) => e.type === 'sale').map(saleFromEntry);
      const ids = sales.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(acknowledged.filter((id) => !ids.includes(id))).toEqual([]);
      const lineIds = sales.flatMap((s) => s.lines.map((l) => l.lineId));
      expect(new Set(lineIds).size).toBe(lineIds.length);
      const authIds = sales.flatMap((s) => s.tenders.flatMap((t) => t.authId ?? []));
      expect(new Set(authIds).size).toBe(authIds.length);
      expect(authIds.length).toBeGreaterThan(0);
      expect(acknowledged.length).toBeGreaterThan(ROUNDS / 2);
    } finally {
      await host.close();
    }
  }, 1_200_000);
});
