import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry, NewEntry } from '@app/ledger/entry';
import { sealEntryWith } from '@app/ledger/entry-seal';
import type { RouteModule } from '../http/route-module';
import { migrate } from '../store/migrate';
import { coreMigration } from '../store/migrations/001-core';
import { openPostgresDatabase } from '../store/postgres-database';
import { openSqliteDatabase } from '../store/sqlite-database';
import type { SqlDatabase } from '../store/sql';
import type { PgCluster } from '../testing/pg-cluster';
import { handComputedDay } from '@app/reports/test-day';
import { dashboardMigrations } from './migrations';

/** A cheap scrypt for tests (production: password.ts defaultScryptCost). */
export const testScryptCost = { N: 1_024, r: 8, p: 1 };

let databases = 0;

/** A new, migrated back-office database: a SQLite file, or a database in `cluster`. */
export async function openTestDatabase(cluster: PgCluster | null): Promise<SqlDatabase> {
  databases += 1;
  const db =
    cluster === null
      ? openSqliteDatabase(join(mkdtempSync(join(tmpdir(), 'dashboard-')), 'backoffice.sqlite'))
      : openPostgresDatabase(cluster.createDatabase(`dashboard_${String(databases)}`), 4);
  await migrate(db, [coreMigration, ...dashboardMigrations]);
  return db;
}

export interface TillPlace {
  merchantId: string;
  shopId: string;
  shopName: string;
  timeZone: string;
  terminalId: string;
  lastContactAt: number | null;
}

export async function addTill(db: SqlDatabase, till: TillPlace): Promise<void> {
  await db.execute(
    `INSERT INTO merchants (merchant_id, name, settlement_account) VALUES ($1, $1, '6222 0000')
     ON CONFLICT (merchant_id) DO NOTHING`,
    [till.merchantId],
  );
  await db.execute(
    `INSERT INTO shops (shop_id, merchant_id, name, time_zone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (shop_id) DO NOTHING`,
    [till.shopId, till.merchantId, till.shopName, till.timeZone],
  );
  await db.execute(
    `INSERT INTO terminals (terminal_id, merchant_id, shop_id, secret, device_name, bound_at,
       last_contact_at) VALUES ($1, $2, $3, 'secret', $4, 0, $5)`,
    [till.terminalId, till.merchantId, till.shopId, `Till ${till.terminalId}`, till.lastContactAt],
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Seals `entries` into the terminal's chain after `after` (seq and hash) and stores them as
 * an upload received at `receivedAt` would. Returns the sealed entries.
 */
export async function storeLedger(
  db: SqlDatabase,
  terminalId: string,
  entries: readonly NewEntry[],
  options: { receivedAt: number; after?: { seq: number; hash: string } },
): Promise<LedgerEntry[]> {
  let seq = options.after?.seq ?? 0;
  let prevHash = options.after?.hash ?? GENESIS_HASH;
  const sealed: LedgerEntry[] = [];
  const uploadId = randomUUID();
  await db.transaction(async (tx) => {
    for (const entry of entries) {
      seq += 1;
      const unsealed = { ...entry, seq, prevHash };
      const { hash, body } = sealEntryWith(sha256, unsealed);
      await tx.execute(
        `INSERT INTO entries (terminal_id, seq, id, type, at, batch_no, currency, amount, hash,
           body, upload_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          terminalId,
          seq,
          entry.id,
          entry.type,
          entry.at,
          entry.batchNo,
          entry.currency,
          entry.amount,
          hash,
          body,
          uploadId,
          options.receivedAt,
        ],
      );
      sealed.push({ ...unsealed, hash });
      prevHash = hash;
    }
  });
  return sealed;
}

/** app/reports/test-day.ts's hand-computed day (2026-11-22, Shanghai) moved to `day`. */
export function handDayOn(day: string): NewEntry[] {
  const shift = Date.parse(day) - Date.parse('2026-11-22');
  return handComputedDay().map((e) => ({
    ...e,
    at: new Date(Date.parse(e.at) + shift).toISOString(),
  }));
}

/** The z_close that ends batch 000001 at `at` (the Z of that day). */
export const zCloseAt = (at: string): NewEntry => ({
  id: randomUUID(),
  type: 'z_close',
  at,
  batchNo: '000001',
  currency: 'CNY',
  amount: 0,
  tenders: [],
  detail: {},
});

/** An HTTP server with only `routes` (404 for anything they leave). */
export async function serve(routes: RouteModule): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
    void routes.handle(request, response, url).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A signed-in owner's requests: the session cookie from a login, sent with each call. */
export async function signIn(
  url: string,
  login: string,
  password: string,
): Promise<(path: string) => Promise<Response>> {
  const response = await fetch(`${url}/dashboard/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${String(response.status)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path) => fetch(`${url}/dashboard/api/${path}`, { headers: { cookie } });
}
