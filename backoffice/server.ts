import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { MAX_BATCH_BYTES } from '@app/sync/protocol';
import type { RouteModule } from './http/route-module';
import type { SqlDatabase } from './store/sql';
import { storageTrouble } from './store/storage-errors';
import type { StorageTrouble } from './store/storage-errors';
import { FaultPlan } from './host/faults';
import { hostTimeZone } from './host/business-day';
import type { HostContext, LocalError, Reply } from './host/reply';
import { route } from './host/router';
import { header, readBody, sendJson } from './host/http-io';

export interface BackOfficeOptions {
  /** Opened and migrated by the caller (openBackOfficeDatabase), who also closes it. */
  db: SqlDatabase;
  /** 0 or absent: a free port the system picks. */
  port?: number;
  /** Default 127.0.0.1. */
  hostname?: string;
  /** Offered each request in turn before the upstream-sync-v1 routes. */
  routes?: readonly RouteModule[];
  /** The clock in ms (Date.now by default); fault clockSkewS is added to it. */
  now?: () => number;
  /** IANA time zone of new merchants' default shops (the host machine's by default). */
  timeZone?: string;
  /** Fault injection for the upstream-sync-v1 routes (none by default). */
  faults?: FaultPlan;
  /** Retry-After, in seconds, when the database cannot take a request (default 5). */
  retryAfterS?: number;
  /** Where the server says what happened to its database (console.error by default). */
  log?: (line: string) => void;
  /** Told of an upload refused for chain_broken or sensitive_data (the owner's alarm). */
  onRefusal?: (refusal: Refusal) => Promise<void>;
}

export interface Refusal {
  terminalId: string;
  error: 'chain_broken' | 'sensitive_data';
  /** The refusal's body as sent (atSeq or path, never the data itself). */
  detail: string;
  at: number;
}

export interface BackOffice {
  /** http://<hostname>:<port> */
  readonly url: string;
  readonly port: number;
  readonly ctx: HostContext;
  /** Requests held open with no answer (test amount "91"), until their client gives up. */
  heldOpen(): number;
  /** Stops listening and ends open connections; the database stays open. */
  close(): Promise<void>;
}

/**
 * The back office's one HTTP server: the feature route modules (down-sync, the owner's
 * dashboard), then upstream-sync-v1. When the database is unreachable or full, a request
 * is answered 503 with Retry-After: it was stored whole or not at all, and the till sends
 * the same bytes again later. The server stays up and serves again once the database is back.
 */
export async function startBackOffice(options: BackOfficeOptions): Promise<BackOffice> {
  const clock = options.now ?? Date.now;
  const plan = options.faults ?? new FaultPlan();
  const ctx: HostContext = {
    db: options.db,
    now: () => clock() + plan.current.clockSkewS * 1000,
    timeZone: options.timeZone ?? hostTimeZone(),
  };
  const routes = options.routes ?? [];
  const health = new DatabaseHealth(options.log ?? ((line) => console.error(line)));
  const retryAfter = String(options.retryAfterS ?? 5);
  const held = new Set<ServerResponse>();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://host.invalid');
      for (const module of routes) if (await module.handle(req, res, url)) return;
      await handleV1(ctx, plan, held, req, res, options.onRefusal);
    })().then(
      () => health.succeeded(),
      (error: unknown) => {
        const trouble = storageTrouble(error);
        if (trouble !== null) health.failed(trouble, error);
        else console.error('back office: request failed', error);
        if (res.headersSent) res.destroy();
        else if (trouble === null) sendJson(res, 500, { error: 'internal_error' });
        else {
          const body: LocalError = { error: 'storage_unavailable', reason: trouble };
          sendJson(res, 503, body, { 'retry-after': retryAfter });
        }
      },
    );
  };
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await listen(createServer(handler), options.port ?? 0, hostname);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    port,
    ctx,
    heldOpen: () => held.size,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hanging authorizations ("91") and keep-alive sockets end with the server.
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Says once when the database stops taking requests, and once when it is back. */
class DatabaseHealth {
  private trouble: StorageTrouble | null = null;

  constructor(private readonly log: (line: string) => void) {}

  failed(trouble: StorageTrouble, error: unknown): void {
    if (this.trouble === trouble) return;
    this.trouble = trouble;
    const detail = error instanceof Error ? error.message : String(error);
    this.log(
      trouble === 'disk_full'
        ? `back office: the database is out of disk space (${detail}); answering 503 until it has room`
        : `back office: the database is unavailable (${detail}); answering 503 until it is back`,
    );
  }

  succeeded(): void {
    if (this.trouble === null) return;
    this.trouble = null;
    this.log('back office: the database is back');
  }
}

async function handleV1(
  ctx: HostContext,
  plan: FaultPlan,
  held: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
  onRefusal: BackOfficeOptions['onRefusal'],
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
  const reply = await route(ctx, request);
  if (onRefusal !== undefined) await reportRefusal(ctx, request.authorization, reply, onRefusal);
  // A second delivery of the same bytes: idempotency must absorb it; the first answer stands.
  if (plan.current.duplicateDelivery) await route(ctx, request);
  if (plan.fires('dropAfterStore')) {
    req.socket.destroy();
    return;
  }
  send(res, reply, held);
}

/** Only a signed request gets as far as these refusals, so its terminal id is verified. */
async function reportRefusal(
  ctx: HostContext,
  authorization: string | undefined,
  reply: Reply,
  onRefusal: NonNullable<BackOfficeOptions['onRefusal']>,
): Promise<void> {
  if ('hang' in reply || reply.status !== 422) return;
  const { error, ...rest } = reply.body as { error?: string };
  const terminalId = /terminalId=([A-Z0-9]+)/.exec(authorization ?? '')?.[1];
  if ((error !== 'chain_broken' && error !== 'sensitive_data') || terminalId === undefined) return;
  await onRefusal({ terminalId, error, detail: JSON.stringify(rest), at: ctx.now() });
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

/** Answers, or for `hang` holds the response open until the client or the server closes. */
function send(res: ServerResponse, reply: Reply, held: Set<ServerResponse>): void {
  if ('hang' in reply) {
    held.add(res);
    res.on('close', () => held.delete(res));
    return;
  }
  sendJson(res, reply.status, reply.body, reply.headers);
}

function listen(server: Server, port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
