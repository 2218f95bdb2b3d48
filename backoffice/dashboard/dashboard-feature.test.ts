import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../host/test-host';
import type { TestHost } from '../host/test-host';
import { MERCHANT, START_MS, batchOf, bindTerminal, chain, upload } from '../host/test-support';
import type { HostFixture } from '../host/test-support';
import { startPgCluster } from '../testing/pg-cluster';
import type { PgCluster } from '../testing/pg-cluster';
import type { Summary, TillStatus } from './dashboard-api';
import { dashboardFeature } from './dashboard-feature';
import { testScryptCost } from './dashboard.test-support';

let cluster: PgCluster | null = null;
beforeAll(() => {
  cluster = startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

const DAY = '2026-11-22';
let databases = 0;

describe.each(['sqlite', 'postgres'] as const)(
  'the dashboard inside the back office on %s',
  (dialect) => {
    let host: TestHost;
    afterEach(async () => {
      await host.close();
    });

    it('shows what tills uploaded, and a refused upload as the till’s alarm', async () => {
      const clock = { ms: START_MS };
      const feature = dashboardFeature({ scryptCost: testScryptCost, now: () => clock.ms });
      databases += 1;
      host = await startTestHost({
        now: () => clock.ms,
        merchants: [MERCHANT],
        timeZone: 'Asia/Shanghai',
        migrations: feature.migrations,
        routes: (db) => feature.routes(db),
        onRefusal: (db) => feature.onRefusal(db),
        ...(dialect === 'postgres'
          ? { database: cluster!.createDatabase(`feature_${String(databases)}`) }
          : {}),
      });
      const fixture: HostFixture = { host, clock };
      const terminal = await bindTerminal(fixture);
      const entries = chain(5);
      expect(
        (await upload(host, terminal, batchOf(terminal.terminalId, entries.slice(0, 3)))).status,
      ).toBe(201);
      // Entry 4 altered after it was hashed: the host refuses the batch.
      const altered = entries.slice(3).map((e, i) =>
        i === 0
          ? {
              ...e,
              amount: e.amount + 1,
              tenders: [{ method: 'cash' as const, amount: e.amount + 1 }],
            }
          : e,
      );
      const refused = await upload(host, terminal, batchOf(terminal.terminalId, altered));
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ error: 'chain_broken', atSeq: 4 });

      const setup = await feature.setupPath();
      const token = /#setup=(.+)$/.exec(setup ?? '')?.[1] ?? '';
      const json = { 'content-type': 'application/json' };
      await fetch(`${host.url}/dashboard/api/setup`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ token, login: 'owner', password: 'owner password' }),
      });
      const login = await fetch(`${host.url}/dashboard/api/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ login: 'owner', password: 'owner password' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const get = async <T>(path: string): Promise<T> =>
        (await (
          await fetch(`${host.url}/dashboard/api/${path}`, { headers: { cookie } })
        ).json()) as T;

      const summary = await get<Summary>(`summary?from=${DAY}&to=${DAY}`);
      // chain(): cash sales of 100 × seq: seqs 1–3 were stored.
      expect(summary.total).toMatchObject({
        salesCount: 3,
        salesMinor: 600,
        netMinor: 600,
        feeMinor: 0,
      });
      expect(summary.tenders).toEqual([{ kind: 'cash', count: 3, amountMinor: 600, feeMinor: 0 }]);
      const [till] = await get<TillStatus[]>(`tills?from=${DAY}&to=${DAY}`);
      expect(till).toMatchObject({
        terminalId: terminal.terminalId,
        heldSeq: 3,
        lastContactAt: START_MS,
      });
      expect(till?.alarms).toEqual([{ kind: 'chain_broken', at: START_MS, detail: '{"atSeq":4}' }]);
    });
  },
);
