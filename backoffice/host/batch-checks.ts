import { MAX_BATCH_ENTRIES, batchRequestSchema } from '@app/sync/protocol';
import type { BatchRequest } from '@app/sync/protocol';
import { findSensitiveData, mayContainCardData } from '@app/sync/sensitive-data';
import { sealEntry } from './chain';
import type { Reply } from './reply';
import { badRequest, fail } from './reply';

export interface UploadRequest {
  terminalId: string;
  idempotencyKey: string | undefined;
  raw: Buffer;
  /** The body as text, decoded once. */
  text: string;
  json: unknown;
}

/** A well-formed batch with each entry's hash checked and its stored body made. */
export interface CheckedBatch {
  batch: BatchRequest;
  /** Each entry's canonical JSON with its hash, in the batch's order. */
  bodies: string[];
  /**
   * The first seq that is out of order, does not link to the entry before it or does not
   * hash to its hash; null when none. Linking the first entry to the host's head is
   * checked in the transaction, where the head is known.
   */
  brokenAt: number | null;
}

/**
 * upstream-sync-v1 "Uploading": everything about a batch the host can check from the
 * request alone, before it takes the terminal's lock, so the hashing (CPU) never holds it.
 */
export function checkBatch(request: UploadRequest, key: string): CheckedBatch | { reply: Reply } {
  // "Card data": rejected before anything else looks at the body.
  const path = mayContainCardData(request.text) ? findSensitiveData(request.json) : null;
  if (path !== null) return { reply: fail(422, { error: 'sensitive_data', path }) };
  // "at most 500 entries and 1 MiB per request (413 too_large otherwise)".
  if (entryCount(request.json) > MAX_BATCH_ENTRIES) {
    return { reply: fail(413, { error: 'too_large' }) };
  }
  const parsed = batchRequestSchema.safeParse(request.json);
  if (!parsed.success) return { reply: badRequest(parsed.error.message) };
  const batch = parsed.data;
  if (batch.batchId !== key) return { reply: badRequest('Idempotency-Key must be the batchId') };
  if (batch.terminalId !== request.terminalId) {
    return { reply: badRequest('terminalId is not the signer') };
  }
  if (!totalsMatch(batch)) return { reply: fail(422, { error: 'totals_mismatch' }) };
  return { batch, ...sealChain(batch) };
}

/** toSeq − fromSeq + 1 == count == entries.length, amountTotal, and each entry's tenders. */
function totalsMatch(batch: BatchRequest): boolean {
  const { entries } = batch;
  if (batch.count !== entries.length || batch.toSeq - batch.fromSeq + 1 !== batch.count) {
    return false;
  }
  const sum = entries.reduce((total, entry) => total + entry.amount, 0);
  if (sum !== batch.amountTotal) return false;
  // "Ledger entries": sum(tenders[].amount) == amount for every entry.
  return entries.every((e) => e.tenders.reduce((t, tender) => t + tender.amount, 0) === e.amount);
}

/** Each entry's stored body, canonicalized once (its hash comes with it). */
function sealChain(batch: BatchRequest): { bodies: string[]; brokenAt: number | null } {
  const bodies: string[] = [];
  let prevHash: string | null = null;
  for (const [index, entry] of batch.entries.entries()) {
    const linked = prevHash === null || entry.prevHash === prevHash;
    if (entry.seq !== batch.fromSeq + index || !linked) return { bodies, brokenAt: entry.seq };
    const { hash, body } = sealEntry(entry);
    if (hash !== entry.hash) return { bodies, brokenAt: entry.seq };
    bodies.push(body);
    prevHash = entry.hash;
  }
  return { bodies, brokenAt: null };
}

function entryCount(json: unknown): number {
  if (typeof json !== 'object' || json === null || !('entries' in json)) return 0;
  return Array.isArray(json.entries) ? json.entries.length : 0;
}
