import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { MAX_BATCH_BYTES } from '@app/sync/protocol';
import type { WireEntry } from '@app/sync/protocol';
import { openHostDatabase } from './host-database';
import { addMerchant, issueBindingCode } from './binding';
import type { Merchant } from './binding';
import { storedEntries } from './host-ledger';
import { FaultPlan } from './faults';
import type { Faults } from './faults';
import type { HostContext, Reply } from './reply';
import { route } from './router';
import { header, readBody, sendJson } from './http-io';

export interface TestHostOptions {
  /** 0 or absent: a free port the system picks. */
  port?: number;
  /** Absent: a file in a temporary directory, deleted on close. */
  dbFile?: string;
  /** The host's clock in ms (Date.now by default); fault clockSkewS is added to it. */
  now?: () => number;
  merchants?: Merchant[];
  /** Draws for probability faults (Math.random by default). */
  random?: () => number;
}

export interface TestHost {
  /** http://127.0.0.1:<port>, the same across restart(). */
  url: string;
  /** The host's SQLite file (WAL beside it). */
  dbFile: string;
  issueBindingCode(merchantId: string): string;
  addMerchant(merchant: Merchant): void;
  setFaults(faults: Partial<Faults>): void;
  faults(): Faults;
  /** What the host holds for the terminal, in seq order. */
  entries(terminalId: string): WireEntry[];
  /** Closes and reopens the server and database on the same port and file. */
  restart(): Promise<void>;
  /** Requests held open with no answer (test amount "91"), until their client gives up. */
  heldOpen(): number;
  close(): Promise<void>;
}

/**
 * A conforming upstream-sync-v1 host on 127.0.0.1, with its own SQLite store and fault
 * injection: for the client's tests and for people trying the app (`npm run host`).
 */
export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const tempDir =
    options.dbFile === undefined ? mkdtempSync(join(tmpdir(), 'upstream-host-')) : null;
  const dbFile = options.dbFile ?? join(tempDir ?? '.', 'upstream-host.sqlite');
  const clock = options.now ?? Date.now;
  const plan = new FaultPlan(options.random);
  let db: Database.Database = openHostDatabase(dbFile);
  const ctx: HostContext = {
    get db() {
      return db;
    },
    now: () => clock() + plan.current.clockSkewS * 1000,
  };
  for (const merchant of options.merchants ?? []) addMerchant(ctx, merchant);

  const held = new Set<ServerResponse>();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, plan, held, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  };
  let server = await listen(createServer(handler), options.port ?? 0);
  const { port } = server.address() as AddressInfo;

  const stop = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Hanging authorizations ("91") and keep-alive sockets end with the server.
    server.closeAllConnections();
    await closed;
    if (db.open) db.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dbFile,
    issueBindingCode: (merchantId) => issueBindingCode(ctx, merchantId),
    addMerchant: (merchant) => addMerchant(ctx, merchant),
    setFaults: (faults) => plan.set(faults),
    faults: () => plan.current,
    heldOpen: () => held.size,
    entries: (terminalId) => storedEntries(ctx, terminalId),
    restart: async () => {
      await stop();
      db = openHostDatabase(dbFile);
      server = await listen(createServer(handler), port);
    },
    close: async () => {
      await stop();
      if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

async function handle(
  ctx: HostContext,
  plan: FaultPlan,
  held: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const read = await readBody(req, MAX_BATCH_BYTES);
  const { delayMs } = plan.current;
  if (delayMs > 0) await delay(delayMs);
  if (req.socket.destroyed) return;
  // "Uploading": at most 1 MiB per request.
  if ('tooLarge' in read) return sendJson(res, 413, { error: 'too_large' });
  const busy = injectedFailure(plan);
  if (busy !== null) return send(res, busy, held);

  const request = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    authorization: header(req, 'authorization'),
    idempotencyKey: header(req, 'idempotency-key'),
    body: read.body,
  };
  const reply = route(ctx, request);
  // A second delivery of the same bytes: idempotency must absorb it; the first answer stands.
  if (plan.current.duplicateDelivery) route(ctx, request);
  if (plan.fires('dropAfterStore')) {
    req.socket.destroy();
    return;
  }
  send(res, reply, held);
}

/** 429/503 with Retry-After, or 500, before the request is looked at. */
function injectedFailure(plan: FaultPlan): Reply | null {
  const faults = plan.current;
  for (const [name, status] of [
    ['fail429', 429],
    ['fail503', 503],
  ] as const) {
    const fault = faults[name];
    if (fault !== null && plan.fires(name)) {
      return {
        status,
        body: { error: 'busy' },
        headers: { 'retry-after': String(fault.retryAfterS) },
      };
    }
  }
  if (plan.fires('fail500')) return { status: 500, body: { error: 'internal_error' } };
  return null;
}

/** Answers, or for `hang` holds the response open until the client or the host closes. */
function send(res: ServerResponse, reply: Reply, held: Set<ServerResponse>): void {
  if ('hang' in reply) {
    held.add(res);
    res.on('close', () => held.delete(res));
    return;
  }
  sendJson(res, reply.status, reply.body, reply.headers);
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
