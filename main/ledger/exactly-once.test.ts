import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@app/ledger/entry';
import { demoCatalog } from '../catalog/demo-catalog';
import { readLedger, walFile } from '../testing/ledger-on-disk';
import { hostState } from '../testing/payment-services';
import type { Caller } from '../testing/temp-services';
import { signInOwnerWith } from '../testing/temp-services';
import { crashAfterCommitFsync, failCommitFsync, startTillProcess } from '../testing/till-process';
import type { TillProcess } from '../testing/till-process';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';

/**
 * Exactly once at the till, through the real API of a till in its own process: for every
 * entry that consumes work, a crash right after the commit's fsync (held by strace, then
 * kill -9) and an fsync that fails with EIO (an unknown outcome). After the restart the
 * entry is there exactly once, what it consumed is gone, and doing it again is impossible.
 */

const barcodes = demoCatalog()
  .filter((p) => p.unit !== 'kg' && p.active)
  .slice(0, 3)
  .map((p) => p.barcode);
const QR_APPROVED = '281234567890123456';

let host: TestHost;
const dirs: string[] = [];
const running = new Set<TillProcess>();

beforeAll(async () => {
  host = await startTestHost({ merchants: [MERCHANT] });
});
afterAll(async () => {
  for (const till of running) await till.kill9();
  await host.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function till(dataDir: string): Promise<TillProcess> {
  const started = await startTillProcess(dataDir);
  running.add(started);
  await signInOwnerWith(started.api.call);
  return started;
}

async function killed(t: TillProcess): Promise<void> {
  running.delete(t);
  await t.kill9();
}

async function fillCart(call: Caller): Promise<string> {
  for (const code of barcodes) await call('cart.scan', { code });
  const cart = await call('cart.get', {});
  return cart.saleId ?? '';
}

async function cashSale(call: Caller): Promise<string> {
  await fillCart(call);
  const sale = await call('sale.payCash', { tenderedMinor: 100_000 });
  return sale.id;
}

const ofType = (entries: LedgerEntry[], type: LedgerEntry['type']) =>
  entries.filter((e) => e.type === type);

interface Scenario {
  name: string;
  cardHost?: boolean;
  /** Everything before the commit; answers the id the committed entry will have, if known. */
  prepare(call: Caller): Promise<{ entryId?: string; saleId?: string; authId?: string }>;
  /** The command whose commit is crashed or failed. */
  commit(call: Caller, ctx: { saleId?: string }): Promise<unknown>;
  /** Finishes the work after an unknown outcome left it undone (a second press). */
  retry(call: Caller): Promise<unknown>;
  /** The entry the commit makes. */
  find(entries: LedgerEntry[], ctx: { entryId?: string; saleId?: string }): LedgerEntry[];
  /** After the restart, with the entry committed: the work is consumed, a repeat refused. */
  consumed(call: Caller, ctx: { saleId?: string; authId?: string }): Promise<void>;
}

const expectCartEmpty = async (call: Caller) => {
  expect((await call('cart.get', {})).lines).toEqual([]);
  await expect(call('sale.payCash', { tenderedMinor: 100_000 })).rejects.toThrow('cart_empty');
};

const scenarios: Scenario[] = [
  {
    name: 'a cash sale',
    prepare: async (call) => ({ entryId: await fillCart(call) }),
    commit: (call) => call('sale.payCash', { tenderedMinor: 100_000 }),
    retry: (call) => call('sale.payCash', { tenderedMinor: 100_000 }),
    find: (entries, ctx) => entries.filter((e) => e.id === ctx.entryId),
    consumed: async (call) => {
      await expectCartEmpty(call);
      expect((await call('sale.list', { limit: 5 })).map((s) => s.itemCount)).toEqual([3]);
    },
  },
  {
    name: 'a split sale with a QR card leg',
    cardHost: true,
    prepare: async (call) => {
      const entryId = await fillCart(call);
      const leg = await call('payment.qr', { amountMinor: 250, code: QR_APPROVED });
      return { entryId, authId: leg.tenders[0]?.authId ?? '' };
    },
    commit: (call) => call('payment.cash', { tenderedMinor: 100_000 }),
    retry: (call) => call('payment.complete', {}),
    find: (entries, ctx) => entries.filter((e) => e.id === ctx.entryId),
    consumed: async (call, ctx) => {
      await expectCartEmpty(call);
      expect((await call('payment.get', {})).tenders).toEqual([]);
      // The card leg belongs to the committed sale: never voided, never charged again.
      expect(hostState(host, ctx.authId ?? '').voided).toBe(false);
    },
  },
  {
    name: 'a void',
    prepare: async (call) => ({ saleId: await cashSale(call) }),
    commit: (call, ctx) => call('sale.void', { saleId: ctx.saleId, reason: 'wrong item' }),
    retry: (call) => call('correction.retry', {}),
    find: (entries, ctx) => ofType(entries, 'void').filter((e) => e.refId === ctx.saleId),
    consumed: async (call, ctx) => {
      expect(await call('correction.pending', {})).toBeNull();
      await expect(call('sale.void', { saleId: ctx.saleId, reason: 'again' })).rejects.toThrow(
        'sale_already_voided',
      );
    },
  },
  {
    name: 'a refund',
    prepare: async (call) => ({ saleId: await cashSale(call) }),
    commit: async (call, ctx) => {
      const sale = await call('sale.get', { saleId: ctx.saleId });
      return call('sale.refund', {
        saleId: ctx.saleId,
        lines: sale.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
        reason: 'customer returned it',
        restock: true,
      });
    },
    retry: (call) => call('correction.retry', {}),
    find: (entries, ctx) => ofType(entries, 'refund').filter((e) => e.refId === ctx.saleId),
    consumed: async (call, ctx) => {
      expect(await call('correction.pending', {})).toBeNull();
      const sale = await call('sale.get', { saleId: ctx.saleId });
      await expect(
        call('sale.refund', {
          saleId: ctx.saleId,
          lines: [{ lineId: sale.lines[0]?.lineId, quantity: 1 }],
          reason: 'again',
          restock: true,
        }),
      ).rejects.toThrow();
    },
  },
  {
    name: 'a held sale recalled and paid',
    prepare: async (call) => {
      const entryId = await fillCart(call);
      const held = await call('hold.park', { note: 'back soon' });
      await call('hold.recall', { heldId: held.id });
      return { entryId };
    },
    commit: (call) => call('sale.payCash', { tenderedMinor: 100_000 }),
    retry: (call) => call('sale.payCash', { tenderedMinor: 100_000 }),
    find: (entries, ctx) => entries.filter((e) => e.id === ctx.entryId),
    consumed: async (call) => {
      await expectCartEmpty(call);
      expect(await call('hold.list', {})).toEqual([]);
    },
  },
];

async function freshTill(scenario: Scenario): Promise<{ dataDir: string; t: TillProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'countertop-once-'));
  dirs.push(dataDir);
  const t = await till(dataDir);
  if (scenario.cardHost) {
    await t.api.call('sync.bind', {
      hostUrl: host.url,
      merchantId: MERCHANT.merchantId,
      terminalId: `CTONCE${String(dirs.length).padStart(2, '0')}`,
      bindingCode: await host.issueBindingCode(MERCHANT.merchantId),
    });
  }
  return { dataDir, t };
}

describe('exactly once across a crash right after the commit fsync', { timeout: 90_000 }, () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: there once after kill -9, consumed, not possible again`, async () => {
      const { dataDir, t } = await freshTill(scenario);
      const ctx = await scenario.prepare(t.api.call);
      const before = readLedger(dataDir).entries.length;
      running.delete(t);
      await crashAfterCommitFsync(t, walFile(dataDir), (call) => scenario.commit(call, ctx));

      const onDisk = readLedger(dataDir);
      expect(onDisk.chainOk).toBe(true);
      expect(onDisk.entries.length).toBe(before + 1);
      expect(scenario.find(onDisk.entries, ctx)).toHaveLength(1);

      const again = await till(dataDir);
      await scenario.consumed(again.api.call, ctx);
      const after = readLedger(dataDir);
      expect(scenario.find(after.entries, ctx)).toHaveLength(1);
      await killed(again);
    });
  }
});

describe('exactly once across an fsync that fails (unknown outcome)', { timeout: 90_000 }, () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: the cashier is told, and it commits once whatever follows`, async () => {
      const { dataDir, t } = await freshTill(scenario);
      const ctx = await scenario.prepare(t.api.call);
      const answer = await failCommitFsync(t, walFile(dataDir), (call) =>
        scenario.commit(call, ctx).then(
          () => 'ok',
          (error: unknown) => String(error),
        ),
      );
      expect(answer).toContain('ledger_outcome_unknown');
      await killed(t);

      const again = await till(dataDir);
      if (scenario.find(readLedger(dataDir).entries, ctx).length === 0) {
        await scenario.retry(again.api.call);
      }
      const onDisk = readLedger(dataDir);
      expect(onDisk.chainOk).toBe(true);
      expect(scenario.find(onDisk.entries, ctx)).toHaveLength(1);
      await scenario.consumed(again.api.call, ctx);
      await killed(again);
    });
  }

  it('a second press in the same process finds or commits the same sale, never two', async () => {
    const { dataDir, t } = await freshTill(scenarios[0] as Scenario);
    const saleId = await fillCart(t.api.call);
    const answer = await failCommitFsync(t, walFile(dataDir), (call) =>
      call('sale.payCash', { tenderedMinor: 100_000 }).then(
        () => 'ok',
        (error: unknown) => String(error),
      ),
    );
    expect(answer).toContain('ledger_outcome_unknown');
    // The cart is locked to that sale: nothing can change what may already be sold.
    const locked = await t.api.call('cart.get', {});
    expect(locked).toMatchObject({ saleId, outcomePending: true });
    await expect(t.api.call('cart.clear', {})).rejects.toThrow('sale_outcome_pending');
    await expect(t.api.call('cart.scan', { code: barcodes[0] })).rejects.toThrow(
      'sale_outcome_pending',
    );
    const sale = await t.api.call('sale.payCash', { tenderedMinor: 100_000 });
    expect(sale.id).toBe(saleId);
    expect((await t.api.call('cart.get', {})).lines).toEqual([]);
    await expect(t.api.call('sale.payCash', { tenderedMinor: 100_000 })).rejects.toThrow(
      'cart_empty',
    );
    await killed(t);
    expect(readLedger(dataDir).entries.filter((e) => e.id === saleId)).toHaveLength(1);
  });
});
