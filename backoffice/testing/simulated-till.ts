import { createHash, createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { WireEntry } from '@app/sync/protocol';
import { hashEntry } from '../host/chain';

/**
 * A minimal conforming upstream-sync-v1 uploader, for tests and the bench: it holds a
 * ready-made chain of entries and uploads it in batches, following the spec's answer table
 * ("Uploading"): a batch once sent is frozen and retried byte for byte after a 5xx, a
 * timeout or a reset; 429/503 wait out Retry-After; `seq_gap` reads the cursor and goes on
 * from the host's lastSeq + 1. Each request may go to another back office (`hosts`).
 */
export interface TillOptions {
  terminalId: string;
  secret: Buffer;
  entries: readonly WireEntry[];
  batchSize: number;
  /** The back offices to use; request n goes to hosts[n % hosts.length]. */
  hosts: readonly string[];
  /** Back-off after an unknown outcome (default 20 ms, doubling to 1 s). */
  retryDelayMs?: number;
  /** Also send each new batch, under another batchId, to the next host at once: a race. */
  raceOverlaps?: boolean;
}

export interface TillStats {
  /** Answers by status ("drop": no answer). */
  statuses: Record<string, number>;
  /** Per stored batch, ms from first send to its 201/200. */
  batchMs: number[];
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

const USER_ERROR = new Set([400, 401, 403, 404, 413, 422]);

export async function uploadAll(options: TillOptions): Promise<TillStats> {
  const stats: TillStats = { statuses: {}, batchMs: [] };
  const { entries, terminalId } = options;
  let requests = 0;
  const nextHost = (): string => options.hosts[requests++ % options.hosts.length] ?? '';
  const count = (status: string): void => {
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
  };
  let synced = 0;
  while (synced < entries.length) {
    const slice = entries.slice(synced, synced + options.batchSize);
    const text = batchText(terminalId, slice);
    const started = performance.now();
    if (options.raceOverlaps === true) {
      // The same entries under another batchId, at once, to another back office.
      void send(options, nextHost(), 'POST', '/v1/batches', batchText(terminalId, slice)).then(
        (answer) => count(String(answer?.status ?? 'drop')),
      );
    }
    let backOff = options.retryDelayMs ?? 20;
    for (;;) {
      const answer = await send(options, nextHost(), 'POST', '/v1/batches', text);
      count(String(answer?.status ?? 'drop'));
      if (answer !== null && (answer.status === 200 || answer.status === 201)) {
        synced = (answer.body as { acceptedThroughSeq: number }).acceptedThroughSeq;
        stats.batchMs.push(performance.now() - started);
        break;
      }
      if (answer?.status === 409 && errorOf(answer) === 'seq_gap') {
        synced = await readCursor(options, nextHost);
        break;
      }
      if (answer !== null && (USER_ERROR.has(answer.status) || answer.status === 409)) {
        throw new Error(`${terminalId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      const retryAfterS = Number(answer?.headers['retry-after'] ?? Number.NaN);
      await delay(Number.isFinite(retryAfterS) ? retryAfterS * 1000 : backOff);
      backOff = Math.min(backOff * 2, 1000);
    }
  }
  return stats;
}

/** The host's lastSeq, once the cursor agrees with the till's own chain. */
async function readCursor(options: TillOptions, nextHost: () => string): Promise<number> {
  for (;;) {
    const answer = await send(options, nextHost(), 'GET', '/v1/cursor', '');
    if (answer?.status !== 200) {
      await delay(options.retryDelayMs ?? 20);
      continue;
    }
    const cursor = answer.body as { lastSeq: number; headHash: string };
    const own = cursor.lastSeq === 0 ? GENESIS_HASH : options.entries[cursor.lastSeq - 1]?.hash;
    if (own !== cursor.headHash) {
      throw new Error(`${options.terminalId}: the host's chain disagrees at ${cursor.lastSeq}`);
    }
    return cursor.lastSeq;
  }
}

function batchText(terminalId: string, entries: readonly WireEntry[]): string {
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (first === undefined || last === undefined) throw new Error('an empty batch');
  return JSON.stringify({
    batchId: randomUUID(),
    terminalId,
    fromSeq: first.seq,
    toSeq: last.seq,
    entries,
    count: entries.length,
    amountTotal: entries.reduce((sum, e) => sum + e.amount, 0),
  });
}

const errorOf = (answer: Answer): unknown =>
  typeof answer.body === 'object' && answer.body !== null && 'error' in answer.body
    ? answer.body.error
    : undefined;

/** One signed request on its own connection; null when no answer came (reset, dropped). */
function send(
  options: TillOptions,
  host: string,
  method: string,
  path: string,
  text: string,
): Promise<Answer | null> {
  const ts = Math.floor(Date.now() / 1000);
  const bodyHash = createHash('sha256').update(text).digest('hex');
  const sig = createHmac('sha256', options.secret)
    .update(`${method}\n${path}\n${ts}\n${bodyHash}`)
    .digest('hex');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `POS-HMAC terminalId=${options.terminalId}, ts=${ts}, sig=${sig}`,
  };
  if (method === 'POST') {
    headers['idempotency-key'] = (JSON.parse(text) as { batchId: string }).batchId;
  }
  return new Promise((resolve) => {
    const req = request(`${host}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => resolve(null));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: body === '' ? null : (JSON.parse(body) as unknown),
        });
      });
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve(null));
    req.end(text);
  });
}

/**
 * A till's chain of `count` entries: sales paid in cash, by card or split, and now and
 * then a refund, spread over `days` business days from `startMs`.
 */
export function tillChain(count: number, options: { startMs: number; days?: number }): WireEntry[] {
  const spreadMs = (options.days ?? 1) * 86_400_000;
  let prevHash = GENESIS_HASH;
  const entries: WireEntry[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const refund = seq % 17 === 0;
    const amount = refund ? -(100 + (seq % 50)) : 100 + ((seq * 37) % 9000);
    const card = Math.floor(amount / 3);
    const tenders =
      seq % 3 === 0
        ? [{ method: 'card' as const, amount }]
        : seq % 5 === 0 && !refund
          ? [
              { method: 'card' as const, amount: card },
              { method: 'cash' as const, amount: amount - card },
            ]
          : [{ method: 'cash' as const, amount }];
    const entry: Omit<WireEntry, 'hash'> = {
      seq,
      id: randomUUID(),
      type: refund ? 'refund' : 'sale',
      at: new Date(options.startMs + Math.floor((seq / count) * spreadMs)).toISOString(),
      batchNo: String(1 + Math.floor(((seq - 1) / count) * (options.days ?? 1))).padStart(6, '0'),
      currency: 'CNY',
      amount,
      tenders,
      detail: { operator: 'A', lines: [{ sku: `SKU-${seq % 100}`, quantity: 1 + (seq % 3) }] },
      prevHash,
    };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}
