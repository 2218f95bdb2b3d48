import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CatalogPut } from '@app/sync/downsync-protocol';
import { ANSWER_SIGNATURE_HEADER } from '@app/sync/downsync-protocol';
import { ownerProduct } from '@backoffice/catalog/downsync.test-support';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { downsyncMigrations, downsyncRoutes } from '@backoffice/http/downsync-routes';
import { CatalogStore } from '../catalog/catalog-store';
import { silentLogger } from '../log/logger';
import { SettingsStore } from '../settings/settings-store';
import { bindTill } from '../sync/sync-test-support';
import type { Till } from '../sync/sync-test-support';
import { CatalogDownsync } from './catalog-downsync';
import { MemberClient } from './member-client';

export const OWNER_TOKEN = 'owner-token-for-tests';

/** A back office with the down-sync routes, on PostgreSQL (`database`) or a SQLite file. */
export function startDownsyncHost(database?: string): Promise<TestHost> {
  return startTestHost({
    ...(database === undefined ? {} : { database }),
    merchants: [MERCHANT],
    migrations: downsyncMigrations,
    routes: (db) => [downsyncRoutes(db, { ownerToken: OWNER_TOKEN })],
  });
}

/** Calls the owner API as the CLI's owner token. */
export async function ownerCall(
  host: TestHost,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** The owner publishes products (and deletions) as one catalog version. */
export async function publish(
  host: TestHost,
  products: CatalogPut['products'],
  deleted: string[] = [],
): Promise<number> {
  const answer = await ownerCall(host, 'PUT', '/owner/v1/catalog/products', {
    merchantId: MERCHANT.merchantId,
    products,
    deleted,
  });
  if (answer.status !== 200)
    throw new Error(`publish: ${answer.status} ${JSON.stringify(answer.json)}`);
  return (answer.json as { version: number }).version;
}

/** Product n as the owner sends it (ownerProduct), at another price if given. */
export function backOfficeProduct(n: number, priceMinor?: number): CatalogPut['products'][number] {
  const product = ownerProduct(n);
  return priceMinor === undefined ? product : { ...product, priceMinor };
}

/** A till bound to the host with its catalog, down-sync and member client; `online` toggles its link. */
export interface DownsyncTill extends Till {
  catalog: CatalogStore;
  settings: SettingsStore;
  downsync: CatalogDownsync;
  members: MemberClient;
  online: boolean;
}

/** Nothing listens on the discard port: an offline till's requests are refused at once. */
const NOWHERE = 'http://127.0.0.1:9';

export async function downsyncTill(
  host: TestHost,
  terminalId: string,
  options: { hostUrl?: string; pageSize?: number } = {},
): Promise<DownsyncTill> {
  const till = await bindTill(host, { terminalId });
  const { db } = till.temp;
  const catalog = new CatalogStore(db);
  const settings = new SettingsStore(db);
  const result = till as DownsyncTill;
  result.online = true;
  const access = () => ({
    baseUrl: result.online ? (options.hostUrl ?? host.url) : NOWHERE,
    credentials: till.credentials,
  });
  result.catalog = catalog;
  result.settings = settings;
  result.downsync = new CatalogDownsync({
    db,
    catalog,
    settings,
    log: silentLogger,
    changed: () => undefined,
    access,
    timeoutMs: 10_000,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  result.members = new MemberClient(access, till.clock);
  return result;
}

/** Every product of a till's catalog, by id: what the tills are compared by. */
export function catalogOf(till: DownsyncTill): Record<string, unknown> {
  return Object.fromEntries([...till.catalog.all()].map((product) => [product.id, product]));
}

export type ProxyMode = 'pass' | 'alter' | 'replay';

/**
 * A man in the middle between a till and its back office: passes answers on, alters the
 * body of the next ones (a price becomes 1), or answers every request with the last answer
 * it passed on (a replay, signature header and all).
 */
export async function startAnswerProxy(target: string) {
  let mode: ProxyMode = 'pass';
  let last: { status: number; signature: string | null; text: string } | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        let answer = last;
        if (mode !== 'replay' || answer === null) {
          const response = await fetch(`${target}${req.url ?? '/'}`, {
            method: req.method ?? 'GET',
            headers: Object.fromEntries(
              Object.entries(req.headers).filter(
                (pair): pair is [string, string] =>
                  typeof pair[1] === 'string' && pair[0] !== 'host',
              ),
            ),
            ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }),
          });
          answer = {
            status: response.status,
            signature: response.headers.get(ANSWER_SIGNATURE_HEADER),
            text: await response.text(),
          };
          if (mode === 'pass') last = answer;
          if (mode === 'alter') {
            answer = { ...answer, text: answer.text.replace(/"priceMinor":\d+/, '"priceMinor":1') };
          }
        }
        res.writeHead(answer.status, {
          'content-type': 'application/json',
          ...(answer.signature === null ? {} : { [ANSWER_SIGNATURE_HEADER]: answer.signature }),
        });
        res.end(answer.text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode: (next: ProxyMode) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
