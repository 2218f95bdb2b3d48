import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { BatchRequest, WireEntry } from '@app/sync/protocol';
import { hashEntry } from './chain';
import type { Merchant } from './binding';
import { startTestHost } from './test-host';
import type { TestHost } from './test-host';

/** Fixtures and a minimal upstream-sync-v1 client for the host's tests. */
export const MERCHANT: Merchant = {
  merchantId: '104110045110001',
  merchantName: 'Test Merchant 测试商户',
  settlementAccount: '6222 **** **** 1234',
};
export const TERMINAL_ID = 'CT4X7Q2M';
export const START_MS = Date.parse('2026-11-22T10:00:00.000Z');

/** A host on a temporary database with a clock the test moves by hand. */
export interface HostFixture {
  host: TestHost;
  clock: { ms: number };
}

/** `database`: a PostgreSQL URL; absent, a temporary SQLite file. */
export async function startFixture(database?: string): Promise<HostFixture> {
  const clock = { ms: START_MS };
  const host = await startTestHost({
    now: () => clock.ms,
    merchants: [MERCHANT],
    ...(database !== undefined ? { database } : {}),
  });
  return { host, clock };
}

export interface Terminal {
  terminalId: string;
  secret: Buffer;
  /** The terminal's clock, in unix seconds. */
  ts: () => number;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** upstream-sync-v1 "Authentication": our own signer, independent of the client's. */
export function sign(
  terminal: Terminal,
  method: string,
  path: string,
  body: string,
  ts = terminal.ts(),
): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const sig = createHmac('sha256', terminal.secret)
    .update(`${method}\n${path}\n${ts}\n${bodyHash}`)
    .digest('hex');
  return `POS-HMAC terminalId=${terminal.terminalId}, ts=${ts}, sig=${sig}`;
}

export interface CallOptions {
  terminal?: Terminal;
  body?: unknown;
  /** Sent as is instead of JSON of `body`. */
  raw?: string;
  idempotencyKey?: string;
  authorization?: string;
  signal?: AbortSignal;
}

/**
 * One request on its own connection (no keep-alive pool), so a restarted or dropping host
 * is met by a fresh socket, as a client retrying after a reset would.
 */
export function call(
  host: TestHost,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const text = options.raw ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const authorization =
    options.authorization ??
    (options.terminal ? sign(options.terminal, method, path, text) : undefined);
  if (authorization !== undefined) headers.authorization = authorization;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  return new Promise((resolve, reject) => {
    const req = request(
      `${host.url}${path}`,
      { method, headers, agent: false, ...(options.signal ? { signal: options.signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const bodyText = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bodyText === '' ? null : (JSON.parse(bodyText) as unknown),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** Binds a terminal with a fresh code; its clock follows the fixture's. */
export async function bindTerminal(
  fixture: HostFixture,
  terminalId = TERMINAL_ID,
): Promise<Terminal> {
  const bindingCode = await fixture.host.issueBindingCode(MERCHANT.merchantId);
  const answer = await call(fixture.host, 'POST', '/v1/bind', {
    body: { merchantId: MERCHANT.merchantId, terminalId, bindingCode, deviceName: 'Till 1' },
  });
  const { terminalSecret } = answer.body as { terminalSecret: string };
  return {
    terminalId,
    secret: Buffer.from(terminalSecret, 'base64'),
    ts: () => Math.floor(fixture.clock.ms / 1000),
  };
}

export interface ChainOptions {
  fromSeq?: number;
  prevHash?: string;
  batchNo?: string;
  /** The amount of the entry with this seq (a cash sale); 100 × seq by default. */
  amount?: (seq: number) => number;
  detail?: (seq: number) => WireEntry['detail'];
}

/** Valid chained cash sales, hashed with the ledger's own hashEntry. */
export function chain(count: number, options: ChainOptions = {}): WireEntry[] {
  const fromSeq = options.fromSeq ?? 1;
  let prevHash = options.prevHash ?? GENESIS_HASH;
  const entries: WireEntry[] = [];
  for (let seq = fromSeq; seq < fromSeq + count; seq += 1) {
    const amount = options.amount?.(seq) ?? 100 * seq;
    const entry: Omit<WireEntry, 'hash'> = {
      seq,
      id: randomUUID(),
      type: 'sale',
      at: new Date(START_MS + seq * 1000).toISOString(),
      batchNo: options.batchNo ?? '000001',
      currency: 'CNY',
      amount,
      tenders: [{ method: 'cash', amount }],
      detail: options.detail?.(seq) ?? { operator: 'A', lines: [{ sku: 'TEA-01', quantity: 1 }] },
      prevHash,
    };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

/** Rehashes entries after a test edits them, keeping the chain valid. */
export function rechain(entries: WireEntry[], prevHash = GENESIS_HASH): WireEntry[] {
  return entries.map((entry) => {
    const { hash: _old, ...rest } = entry;
    const linked = { ...rest, prevHash };
    prevHash = hashEntry(linked);
    return { ...linked, hash: prevHash };
  });
}

export function batchOf(
  terminalId: string,
  entries: WireEntry[],
  batchId: string = randomUUID(),
): BatchRequest {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (first === undefined || last === undefined) throw new Error('a batch needs entries');
  return {
    batchId,
    terminalId,
    fromSeq: first.seq,
    toSeq: last.seq,
    entries,
    count: entries.length,
    amountTotal: entries.reduce((sum, e) => sum + e.amount, 0),
  };
}

export function upload(host: TestHost, terminal: Terminal, batch: BatchRequest): Promise<Answer> {
  return call(host, 'POST', '/v1/batches', {
    terminal,
    body: batch,
    idempotencyKey: batch.batchId,
  });
}
