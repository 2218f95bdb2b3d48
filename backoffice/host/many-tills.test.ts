import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { WireEntry } from '@app/sync/protocol';
import { startPgCluster } from '../testing/pg-cluster';
import type { PgCluster } from '../testing/pg-cluster';
import { TEST_SETTINGS } from '../testing/dialects';
import { tillChain, uploadAll } from '../testing/simulated-till';
import type { TillStats } from '../testing/simulated-till';
import type { SqlRunner } from '../store/sql';
import { hashEntry } from './chain';
import { storedEntries } from './host-ledger';
import { startTestHost } from './test-host';
import type { TestHost } from './test-host';
import { MERCHANT, START_MS, call } from './test-support';

let cluster: PgCluster;
let databases = 0;
beforeAll(() => {
  cluster = startPgCluster({ settings: TEST_SETTINGS });
}, 120_000);
afterAll(() => cluster.stop(), 60_000);

const newDatabase = (): string => cluster.createDatabase(`tills${(databases += 1)}`);

interface Till {
  terminalId: string;
  secret: Buffer;
  entries: WireEntry[];
}

async function bindTills(host: TestHost, count: number, entriesEach: number): Promise<Till[]> {
  const tills: Till[] = [];
  for (let i = 1; i <= count; i += 1) {
    const terminalId = `TILL${String(i).padStart(4, '0')}`;
    const bindingCode = await host.issueBindingCode(MERCHANT.merchantId);
    const answer = await call(host, 'POST', '/v1/bind', {
      body: { merchantId: MERCHANT.merchantId, terminalId, bindingCode, deviceName: terminalId },
    });
    const { terminalSecret } = answer.body as { terminalSecret: string };
    tills.push({
      terminalId,
      secret: Buffer.from(terminalSecret, 'base64'),
      entries: tillChain(entriesEach, { startMs: START_MS, days: 3 }),
    });
  }
  return tills;
}

/** A seeded PRNG (mulberry32), so a run's faults can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each till's entries held once each, in seq order, the chain verifying, rollups agreeing. */
async function expectExactlyOnce(db: SqlRunner, tills: readonly Till[]): Promise<void> {
  for (const till of tills) {
    const held = await storedEntries(db, till.terminalId);
    expect(held.map((e) => e.seq)).toEqual(till.entries.map((e) => e.seq));
    expect(held).toEqual(till.entries);
    let prevHash = GENESIS_HASH;
    for (const { hash, ...rest } of held) {
      expect(rest.prevHash).toBe(prevHash);
      expect(hashEntry(rest)).toBe(hash);
      prevHash = hash;
    }
  }
  const total = tills.reduce((sum, till) => sum + till.entries.length, 0);
  const [entries] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM entries');
  expect(entries?.n).toBe(total);
  // The rollups were written with the entries: a batch stored twice would count twice.
  const byType = await db.query<{ terminal_id: string; count: number; amount: number }>(
    `SELECT terminal_id, SUM(count) AS count, SUM(amount) AS amount FROM day_type_totals
     GROUP BY terminal_id ORDER BY terminal_id`,
  );
  const byMethod = await db.query<{ terminal_id: string; amount: number }>(
    `SELECT terminal_id, SUM(amount) AS amount FROM day_tender_totals
     GROUP BY terminal_id ORDER BY terminal_id`,
  );
  const sums = tills.map((till) => ({
    terminal_id: till.terminalId,
    count: till.entries.length,
    amount: till.entries.reduce((sum, e) => sum + e.amount, 0),
  }));
  expect(byType).toEqual(sums);
  expect(byMethod).toEqual(sums.map(({ terminal_id, amount }) => ({ terminal_id, amount })));
}

const merged = (all: readonly TillStats[]): Record<string, number> => {
  const statuses: Record<string, number> = {};
  for (const stats of all) {
    for (const [status, n] of Object.entries(stats.statuses)) {
      statuses[status] = (statuses[status] ?? 0) + n;
    }
  }
  return statuses;
};

describe('many tills against the back office on PostgreSQL', () => {
  it('stores every entry of 20 tills uploading at once exactly once, through injected faults', async () => {
    const host = await startTestHost({
      database: newDatabase(),
      merchants: [MERCHANT],
      random: seeded(17),
    });
    try {
      const tills = await bindTills(host, 20, 300);
      host.setFaults({
        dropAfterStore: { probability: 0.15 },
        fail500: { probability: 0.05 },
        fail503: { probability: 0.05, retryAfterS: 0 },
        fail429: { probability: 0.03, retryAfterS: 0 },
        duplicateDelivery: true,
      });
      const stats = await Promise.all(
        tills.map((till) => uploadAll({ ...till, batchSize: 40, hosts: [host.url] })),
      );
      host.setFaults({ dropAfterStore: null, fail500: null, fail503: null, fail429: null });
      const statuses = merged(stats);
      // Every fault happened, and a dropped answer was met by its replay (200).
      for (const status of ['drop', '500', '503', '429', '200', '201']) {
        expect(statuses[status], status).toBeGreaterThan(0);
      }
      await expectExactlyOnce(host.db, tills);
    } finally {
      await host.close();
    }
  });

  it('stays exactly once with two back-office processes on one database', async () => {
    const database = newDatabase();
    const first = await startTestHost({ database, merchants: [MERCHANT], poolSize: 4 });
    const second = await startTestHost({ database, merchants: [MERCHANT], poolSize: 4 });
    try {
      const tills = await bindTills(first, 12, 240);
      second.setFaults({ dropAfterStore: { probability: 0.2 }, duplicateDelivery: true });
      // Requests alternate between the two; each new batch also races, under another
      // batchId, to the other process: one stores it, the other answers seq_gap.
      const stats = await Promise.all(
        tills.map((till) =>
          uploadAll({ ...till, batchSize: 30, hosts: [first.url, second.url], raceOverlaps: true }),
        ),
      );
      const statuses = merged(stats);
      expect(statuses['409']).toBeGreaterThan(0);
      expect(statuses['drop']).toBeGreaterThan(0);
      await expectExactlyOnce(first.db, tills);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('answers one batch sent to both processes at once with one 201 and the same body again', async () => {
    const database = newDatabase();
    const first = await startTestHost({ database, merchants: [MERCHANT] });
    const second = await startTestHost({ database, merchants: [MERCHANT] });
    try {
      const [till] = await bindTills(first, 1, 100);
      if (till === undefined) throw new Error('no till');
      const sent = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(i % 2 === 0 ? first : second, 'GET', '/v1/cursor', {}).then(() => i),
        ),
      );
      expect(sent).toHaveLength(8);
      const batch = {
        batchId: '6f1c7d2e-9a55-4f3e-8d7b-2f6a9c1e0b11',
        terminalId: till.terminalId,
        fromSeq: 1,
        toSeq: 100,
        entries: till.entries,
        count: 100,
        amountTotal: till.entries.reduce((sum, e) => sum + e.amount, 0),
      };
      const terminal = { ...till, ts: () => Math.floor(Date.now() / 1000) };
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(i % 2 === 0 ? first : second, 'POST', '/v1/batches', {
            terminal,
            body: batch,
            idempotencyKey: batch.batchId,
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      await expectExactlyOnce(first.db, [till]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('loses and doubles nothing when the database stops mid-run and comes back', async () => {
    const lines: string[] = [];
    const host = await startTestHost({
      database: newDatabase(),
      merchants: [MERCHANT],
      retryAfterS: 1,
      log: (line) => lines.push(line),
    });
    try {
      const tills = await bindTills(host, 10, 300);
      // Slow enough that the stop lands mid-run.
      host.setFaults({ delayMs: 30 });
      const uploads = Promise.all(
        tills.map((till) => uploadAll({ ...till, batchSize: 20, hosts: [host.url] })),
      );
      const total = 10 * 300;
      for (;;) {
        const [row] = await host.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM entries');
        if ((row?.n ?? 0) >= total / 4) break;
        await delay(50);
      }
      cluster.stopServer();
      await delay(1500);
      cluster.startServer();
      const statuses = merged(await uploads);
      expect(statuses['503']).toBeGreaterThan(0);
      expect(lines.some((line) => line.includes('the database is unavailable'))).toBe(true);
      expect(lines.at(-1)).toContain('the database is back');
      await expectExactlyOnce(host.db, tills);
    } finally {
      await host.close();
    }
  });
});
