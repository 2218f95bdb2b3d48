import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handComputedDay, local } from '@app/reports/test-day';
import { handFigures } from '@app/reports/test-day-figures';
import type { SqlDatabase } from '../store/sql';
import { startPgCluster } from '../testing/pg-cluster';
import type { PgCluster } from '../testing/pg-cluster';
import type { BatchRow, Places, Summary, TillStatus } from './dashboard-api';
import { createDashboard } from './dashboard-routes';
import type { Dashboard } from './dashboard-routes';
import { recordAlarm } from './alarms';
import {
  addTill,
  handDayOn,
  openTestDatabase,
  serve,
  signIn,
  storeLedger,
  testScryptCost,
  zCloseAt,
} from './dashboard.test-support';

const SHANGHAI = 'Asia/Shanghai';
const DAY = '2026-11-22';
// The hand-computed day's clock: Shanghai, business days starting 04:00.
const NOW = Date.parse(`${DAY}T20:00:00.000+08:00`);
const PASSWORD = 'correct horse 8';

let cluster: PgCluster | null = null;
// Starting and stopping a cluster (a shutdown checkpoint) takes seconds on a busy machine.
beforeAll(() => {
  cluster = startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop(), 60_000);

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/dashboard/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe.each(['sqlite', 'postgres'] as const)('the owner’s dashboard on %s', (dialect) => {
  let db: SqlDatabase;
  let dashboard: Dashboard;
  let server: { url: string; close(): Promise<void> };
  let now = NOW;

  const start = async (): Promise<void> => {
    db = await openTestDatabase(dialect === 'sqlite' ? null : cluster);
    now = NOW;
    dashboard = createDashboard({
      db,
      now: () => now,
      cutoffHour: 4,
      defaultTimeZone: SHANGHAI,
      scryptCost: testScryptCost,
    });
    server = await serve(dashboard.routes);
  };
  afterEach(async () => {
    await server.close();
    await db.close();
  });

  const twoShops = async (): Promise<void> => {
    await addTill(db, {
      merchantId: 'M1',
      shopId: 'M1-1',
      shopName: 'Nanjing Road',
      timeZone: SHANGHAI,
      terminalId: 'TILL-A',
      lastContactAt: NOW - 60_000,
    });
    await addTill(db, {
      merchantId: 'M1',
      shopId: 'M1-2',
      shopName: 'Huaihai Road',
      timeZone: SHANGHAI,
      terminalId: 'TILL-B',
      lastContactAt: NOW - 3_600_000,
    });
    await dashboard.owners.create('owner', PASSWORD);
  };

  it('sets up the first owner once, through the one-time link', async () => {
    await start();
    const status = await fetch(`${server.url}/dashboard/api/setup-status`);
    expect(await status.json()).toEqual({ needsSetup: true });
    const path = await dashboard.setupPath();
    const token = /#setup=(.+)$/.exec(path ?? '')?.[1] ?? '';
    expect(token).not.toBe('');

    const short = await post(server.url, 'setup', { token, login: 'Owner', password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: 'password_too_short' });
    const forged = await post(server.url, 'setup', {
      token: 'x',
      login: 'Owner',
      password: PASSWORD,
    });
    expect(forged.status).toBe(403);
    const created = await post(server.url, 'setup', {
      token,
      login: ' Owner ',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ login: 'owner' });
    // The token is spent, and an owner now exists: no second set-up, no new link.
    expect(
      (await post(server.url, 'setup', { token, login: 'b', password: PASSWORD })).status,
    ).toBe(403);
    expect(await dashboard.setupPath()).toBeNull();
  });

  it('signs an owner in with an HttpOnly SameSite=Strict cookie, and out again', async () => {
    await start();
    await dashboard.owners.create('owner', PASSWORD);
    const wrong = await post(server.url, 'login', { login: 'owner', password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'login_failed' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const unknown = await post(server.url, 'login', { login: 'nobody', password: PASSWORD });
    expect(await unknown.json()).toMatchObject({ error: 'login_failed' });

    const ok = await post(server.url, 'login', { login: 'OWNER', password: PASSWORD });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^countertop_owner=[\w-]{43}; Path=\/dashboard; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const session = cookie.split(';')[0] ?? '';
    const me = await fetch(`${server.url}/dashboard/api/me`, { headers: { cookie: session } });
    expect(await me.json()).toEqual({ login: 'owner' });

    expect((await fetch(`${server.url}/dashboard/api/me`)).status).toBe(401);
    expect(
      (
        await fetch(`${server.url}/dashboard/api/places`, {
          headers: { cookie: 'countertop_owner=forged' },
        })
      ).status,
    ).toBe(401);
    // A form post from another site cannot send JSON: anything else is refused.
    const form = await fetch(`${server.url}/dashboard/api/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session },
      body: 'a=1',
    });
    expect(form.status).toBe(415);

    await post(server.url, 'logout', {}, { cookie: session });
    expect(
      (await fetch(`${server.url}/dashboard/api/me`, { headers: { cookie: session } })).status,
    ).toBe(401);
    // A session ends after its lifetime.
    const again = await post(server.url, 'login', { login: 'owner', password: PASSWORD });
    const later = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    now += 8 * 24 * 3_600_000;
    expect(
      (await fetch(`${server.url}/dashboard/api/me`, { headers: { cookie: later } })).status,
    ).toBe(401);
  });

  it('sets a forgotten password from the back office’s machine, signing the owner out', async () => {
    await start();
    await dashboard.owners.create('owner', PASSWORD);
    const before = await signIn(server.url, 'owner', PASSWORD);
    expect((await before('me')).status).toBe(200);
    expect(await dashboard.owners.setPassword('Owner', 'a new password')).toBe('changed');
    expect((await before('me')).status).toBe(401);
    expect((await post(server.url, 'login', { login: 'owner', password: PASSWORD })).status).toBe(
      401,
    );
    await signIn(server.url, 'owner', 'a new password');
    expect(await dashboard.owners.setPassword('partner', 'partner password')).toBe('added');
    await signIn(server.url, 'partner', 'partner password');
  });

  it('pauses a login after five wrong passwords in a row', async () => {
    await start();
    await dashboard.owners.create('owner', PASSWORD);
    for (let i = 0; i < 5; i += 1) {
      expect((await post(server.url, 'login', { login: 'owner', password: 'nope' })).status).toBe(
        401,
      );
    }
    const locked = await post(server.url, 'login', { login: 'owner', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'login_locked', retryAfterS: 300 });
    now += 5 * 60_000 + 1;
    expect((await post(server.url, 'login', { login: 'owner', password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('sums the tills’ days as their Z reports do: per till, per shop, in all', async () => {
    await start();
    await twoShops();
    await storeLedger(db, 'TILL-A', handComputedDay(), { receivedAt: NOW });
    await storeLedger(db, 'TILL-B', handComputedDay(), { receivedAt: NOW });
    const call = await signIn(server.url, 'owner', PASSWORD);

    const all = (await (await call(`summary?from=${DAY}&to=${DAY}`)).json()) as Summary;
    const one = {
      salesCount: handFigures.salesCount,
      salesMinor: handFigures.salesMinor,
      refundCount: handFigures.refundCount,
      refundMinor: handFigures.refundMinor,
      voidCount: handFigures.voidCount,
      voidMinor: handFigures.voidMinor,
      reversalCount: handFigures.reversalCount,
      reversalMinor: handFigures.reversalMinor,
      netMinor: handFigures.netMinor,
      feeMinor: handFigures.feeMinor,
      nonCashMinor: handFigures.nonCashMinor,
      settlementMinor: handFigures.settlementMinor,
    };
    const twice = Object.fromEntries(Object.entries(one).map(([k, v]) => [k, 2 * v]));
    expect(all.currency).toBe('CNY');
    expect(all.total).toEqual(twice);
    expect(all.shops).toEqual([
      { shopId: 'M1-1', ...one },
      { shopId: 'M1-2', ...one },
    ]);
    expect(all.tills).toEqual([
      { terminalId: 'TILL-A', shopId: 'M1-1', ...one },
      { terminalId: 'TILL-B', shopId: 'M1-2', ...one },
    ]);
    expect(all.tenders).toEqual(
      handFigures.tenders.map((t) => ({
        kind: t.kind,
        count: 2 * t.count,
        amountMinor: 2 * t.amountMinor,
        feeMinor: 2 * t.feeMinor,
      })),
    );

    const shop = (await (await call(`summary?from=${DAY}&to=${DAY}&shop=M1-2`)).json()) as Summary;
    expect(shop.total).toEqual(one);
    expect(shop.tills.map((t) => t.terminalId)).toEqual(['TILL-B']);
    const till = (await (
      await call(`summary?from=${DAY}&to=${DAY}&till=TILL-A`)
    ).json()) as Summary;
    expect(till.total).toEqual(one);
    const before = (await (await call('summary?from=2026-11-01&to=2026-11-21')).json()) as Summary;
    expect(before.tills).toEqual([]);
    expect(before.total.netMinor).toBe(0);

    const bad = await call(`summary?from=${DAY}&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad_request' });
  });

  it('sums a range of months from month sums and its ragged ends from day sums', async () => {
    await start();
    await twoShops();
    await addTill(db, {
      merchantId: 'M1',
      shopId: 'M1-2',
      shopName: 'Huaihai Road',
      timeZone: SHANGHAI,
      terminalId: 'TILL-C',
      lastContactAt: NOW,
    });
    await storeLedger(db, 'TILL-A', handDayOn('2026-10-15'), { receivedAt: NOW });
    await storeLedger(db, 'TILL-B', handDayOn('2026-11-22'), { receivedAt: NOW });
    await storeLedger(db, 'TILL-C', handDayOn('2026-12-01'), { receivedAt: NOW });
    const call = await signIn(server.url, 'owner', PASSWORD);
    const net = async (from: string, to: string, extra = ''): Promise<number> =>
      ((await (await call(`summary?from=${from}&to=${to}${extra}`)).json()) as Summary).total
        .netMinor;
    const day = handFigures.netMinor;
    expect(await net('2026-10-10', '2026-12-05')).toBe(3 * day);
    expect(await net('2026-11-01', '2026-11-30')).toBe(day);
    expect(await net('2026-10-01', '2026-11-30')).toBe(2 * day);
    expect(await net('2026-10-16', '2026-11-30')).toBe(day);
    expect(await net('2026-10-15', '2026-12-01', '&shop=M1-2')).toBe(2 * day);
    expect(await net('2026-01-01', '2026-12-31', '&till=TILL-C')).toBe(day);
    expect(await net('2026-12-02', '2027-03-31')).toBe(0);
  });

  it('adds later uploads once, even with two back-office processes answering at once', async () => {
    await start();
    await twoShops();
    const day = handComputedDay();
    const sealed = await storeLedger(db, 'TILL-A', day.slice(0, 5), { receivedAt: NOW });
    const call = await signIn(server.url, 'owner', PASSWORD);
    const first = (await (await call(`summary?from=${DAY}&to=${DAY}`)).json()) as Summary;
    expect(first.total.salesCount).toBeGreaterThan(0);

    const last = sealed[sealed.length - 1]!;
    await storeLedger(db, 'TILL-A', day.slice(5), { receivedAt: NOW, after: last });
    const other = createDashboard({
      db,
      now: () => now,
      cutoffHour: 4,
      scryptCost: testScryptCost,
    });
    const otherServer = await serve(other.routes);
    try {
      const otherCall = await signIn(otherServer.url, 'owner', PASSWORD);
      const [a, b] = await Promise.all([
        call(`summary?from=${DAY}&to=${DAY}`).then((r) => r.json() as Promise<Summary>),
        otherCall(`summary?from=${DAY}&to=${DAY}`).then((r) => r.json() as Promise<Summary>),
      ]);
      expect(a.total.netMinor).toBe(handFigures.netMinor);
      expect(b.total).toEqual(a.total);
      expect(a.total.feeMinor).toBe(handFigures.feeMinor);
    } finally {
      await otherServer.close();
    }
  });

  it('shows each batch’s settlement state and each till’s contact, upload lag and alarms', async () => {
    await start();
    await twoShops();
    const zClose = zCloseAt(local('22:00'));
    const receivedA = Date.parse(local('22:00')) + 90_000;
    await storeLedger(db, 'TILL-A', [...handComputedDay(), zClose], { receivedAt: receivedA });
    await storeLedger(db, 'TILL-B', handComputedDay(), { receivedAt: NOW });
    await db.execute(
      `INSERT INTO settlements (terminal_id, settlement_id, batch_no, through_seq, status, settled_at)
       VALUES ('TILL-A', 'S1', '000001', 99, 'unbalanced', $1), ('TILL-A', 'S2', '000001', 99, 'balanced', $2)`,
      [NOW - 1_000, NOW],
    );
    await recordAlarm(db, {
      terminalId: 'TILL-B',
      kind: 'chain_broken',
      detail: 'atSeq 7',
      at: NOW - 5_000,
    });
    const call = await signIn(server.url, 'owner', PASSWORD);

    const rows = (await (await call(`batches?from=${DAY}&to=${DAY}`)).json()) as BatchRow[];
    expect(rows.map((b) => [b.terminalId, b.batchNo, b.state, b.settledAt])).toEqual([
      ['TILL-A', '000001', 'balanced', NOW],
      ['TILL-B', '000001', 'open', null],
    ]);
    expect(rows[0]).toMatchObject({
      firstDay: DAY,
      lastDay: DAY,
      netMinor: handFigures.netMinor,
      feeMinor: handFigures.feeMinor,
      settlementMinor: handFigures.settlementMinor,
    });

    const status = (await (await call(`tills?from=${DAY}&to=${DAY}`)).json()) as TillStatus[];
    const [a, b] = status;
    expect(a).toMatchObject({
      terminalId: 'TILL-A',
      heldSeq: handComputedDay().length + 1,
      lastContactAt: NOW - 60_000,
      newestAt: Date.parse(local('22:00')),
      newestReceivedAt: receivedA,
      uploadLagMs: 90_000,
      alarms: [],
    });
    expect(b?.alarms.map((x) => x.kind)).toEqual(['no_contact', 'chain_broken']);
    expect(b?.alarms[1]).toEqual({ kind: 'chain_broken', at: NOW - 5_000, detail: 'atSeq 7' });

    const places = (await (await call('places')).json()) as Places;
    expect(places.shops.map((s) => s.name)).toEqual(['Huaihai Road', 'Nanjing Road']);
    expect(places.tills.map((t) => t.terminalId)).toEqual(['TILL-A', 'TILL-B']);
  });

  it('serves the built app, never a file outside it, and says when it is not built', async () => {
    const built = mkdtempSync(join(tmpdir(), 'dashboard-web-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(built, 'assets', 'app-1a2b.js'), 'console.log(1)');
    db = await openTestDatabase(dialect === 'sqlite' ? null : cluster);
    const routes = createDashboard({ db, staticDir: built, scryptCost: testScryptCost }).routes;
    server = await serve(routes);
    const page = await fetch(`${server.url}/dashboard/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>app</title>');
    const script = await fetch(`${server.url}/dashboard/assets/app-1a2b.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/dashboard/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${server.url}/dashboard/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${server.url}/dashboard/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/dashboardx`)).status).toBe(404);
    const redirect = await fetch(`${server.url}/dashboard`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/dashboard/');

    await server.close();
    rmSync(join(built, 'index.html'));
    server = await serve(routes);
    const unbuilt = await fetch(`${server.url}/dashboard/`);
    expect(unbuilt.status).toBe(503);
    expect(await unbuilt.text()).toContain('npm run build');
  });

  it('exports the figures as CSV with exact decimals and a total row', async () => {
    await start();
    await twoShops();
    await storeLedger(db, 'TILL-A', handComputedDay(), { receivedAt: NOW });
    const call = await signIn(server.url, 'owner', PASSWORD);
    const response = await call(`export.csv?table=tills&from=${DAY}&to=${DAY}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="countertop-tills-${DAY}-${DAY}.csv"`,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'from,to,shop,till,currency,sales_count,sales,refunds,voids,reversals,net,non_cash,fees,expected_settlement',
      `${DAY},${DAY},M1-1,TILL-A,CNY,6,44.45,3.50,10.00,0.00,30.95,17.85,0.11,17.74`,
      `${DAY},${DAY},total,,CNY,6,44.45,3.50,10.00,0.00,30.95,17.85,0.11,17.74`,
    ]);
    const shops = await (await call(`export.csv?table=shops&from=${DAY}&to=${DAY}`)).text();
    expect(shops).toContain(
      `${DAY},${DAY},M1-1,,CNY,6,44.45,3.50,10.00,0.00,30.95,17.85,0.11,17.74\r\n`,
    );
    const tenders = await (await call(`export.csv?table=tenders&from=${DAY}&to=${DAY}`)).text();
    expect(tenders).toContain(`${DAY},${DAY},debit,CNY,2,12.00,0.07,11.93`);
    expect((await call(`export.csv?table=secrets&from=${DAY}&to=${DAY}`)).status).toBe(400);
  });
});
