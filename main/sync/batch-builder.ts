import { createHash } from 'node:crypto';
import { MAX_BATCH_BYTES, MAX_BATCH_ENTRIES } from '@app/sync/protocol';
import type { StoredEntryText } from '../ledger/ledger-store';

export interface BatchSource {
  storedFrom(seq: number, limit: number): StoredEntryText[];
}

export interface BuiltBatch {
  batchId: string;
  terminalId: string;
  fromSeq: number;
  toSeq: number;
  amountTotal: number;
  /** The request body, byte for byte what is sent on every try. */
  body: string;
  bodySha256: string;
}

/**
 * upstream-sync-v1 "Uploading": the request body for entries `fromSeq` on, at most 500
 * entries and 1 MiB. Entries go in as their stored canonical JSON, unparsed, so the body
 * is a pure function of (batchId, terminalId, fromSeq, toSeq) and the immutable ledger:
 * a frozen batch is rebuilt identically after a restart, and its SHA-256 proves it.
 * Returns null when there is nothing from `fromSeq` on.
 */
export function buildBatch(
  source: BatchSource,
  params: BatchParams,
  limits: BatchLimits = DEFAULT_LIMITS,
): BuiltBatch | null {
  return assembleBatch(
    source.storedFrom(params.fromSeq, rowsWanted(params, limits)),
    params,
    limits,
  );
}

/**
 * The same batch, its rows read a slice at a time with the event loop free in between: a
 * megabyte of reading never holds up a sale that is waiting.
 */
export async function buildBatchGently(
  source: BatchSource,
  params: BatchParams,
  limits: BatchLimits = DEFAULT_LIMITS,
): Promise<BuiltBatch | null> {
  const wanted = rowsWanted(params, limits);
  const rows: StoredEntryText[] = [];
  while (rows.length < wanted) {
    const slice = source.storedFrom(
      params.fromSeq + rows.length,
      Math.min(SLICE, wanted - rows.length),
    );
    rows.push(...slice);
    if (slice.length < SLICE) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return assembleBatch(rows, params, limits);
}

export interface BatchParams {
  batchId: string;
  terminalId: string;
  fromSeq: number;
  /** The last seq when rebuilding a frozen batch; absent when making a new one. */
  toSeq?: number;
}

interface BatchLimits {
  entries: number;
  bytes: number;
}

const DEFAULT_LIMITS: BatchLimits = { entries: MAX_BATCH_ENTRIES, bytes: MAX_BATCH_BYTES };
const SLICE = 100;

const rowsWanted = (params: BatchParams, limits: BatchLimits): number =>
  Math.min(
    params.toSeq === undefined ? limits.entries : params.toSeq - params.fromSeq + 1,
    limits.entries,
  );

function assembleBatch(
  rows: readonly StoredEntryText[],
  params: BatchParams,
  limits: BatchLimits,
): BuiltBatch | null {
  const first = rows[0];
  if (first === undefined || first.seq !== params.fromSeq) return null;

  const taken: StoredEntryText[] = [];
  // Envelope bytes with a worst-case tail (seqs and total of up to 16 digits each).
  let bytes = envelope(params.batchId, params.terminalId, 0, 0, 0, '').length + 64;
  for (const row of rows) {
    if (row.seq !== params.fromSeq + taken.length) break; // never across a gap
    const size = Buffer.byteLength(row.body, 'utf8') + 1;
    if (bytes + size > limits.bytes) break;
    bytes += size;
    taken.push(row);
  }
  const last = taken.at(-1);
  if (last === undefined) {
    throw new Error(`entry ${params.fromSeq} alone is larger than one upload request may be`);
  }
  if (params.toSeq !== undefined && last.seq !== params.toSeq) return null;
  const amountTotal = taken.reduce((sum, row) => sum + row.amount, 0);
  const body = envelope(
    params.batchId,
    params.terminalId,
    params.fromSeq,
    last.seq,
    amountTotal,
    taken.map((row) => row.body).join(','),
  );
  return {
    batchId: params.batchId,
    terminalId: params.terminalId,
    fromSeq: params.fromSeq,
    toSeq: last.seq,
    amountTotal,
    body,
    bodySha256: createHash('sha256').update(body).digest('hex'),
  };
}

function envelope(
  batchId: string,
  terminalId: string,
  fromSeq: number,
  toSeq: number,
  amountTotal: number,
  entries: string,
): string {
  const count = toSeq - fromSeq + 1;
  return (
    `{"batchId":${JSON.stringify(batchId)},"terminalId":${JSON.stringify(terminalId)},` +
    `"fromSeq":${fromSeq},"toSeq":${toSeq},"entries":[${entries}],` +
    `"count":${count},"amountTotal":${amountTotal}}`
  );
}
