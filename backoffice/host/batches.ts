import { MAX_BATCH_ENTRIES, batchRequestSchema } from '@app/sync/protocol';
import type { BatchAccepted, BatchRequest } from '@app/sync/protocol';
import { findSensitiveData, mayContainCardData } from '@app/sync/sensitive-data';
import { sealEntry } from './chain';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import { remember, replayed } from './idempotency';
import { readCursor } from './host-ledger';

export interface UploadRequest {
  terminalId: string;
  idempotencyKey: string | undefined;
  raw: Buffer;
  /** The body as text, decoded once. */
  text: string;
  json: unknown;
}

/**
 * upstream-sync-v1 "Uploading": POST /v1/batches. The checks and the insert run in one
 * transaction, so a batch is stored whole with its first answer, or not at all.
 */
export function uploadBatch(ctx: HostContext, request: UploadRequest): Reply {
  const { terminalId, idempotencyKey: key } = request;
  if (key === undefined) return badRequest('Idempotency-Key is required');
  return ctx.db.transaction((): Reply => {
    const replay = replayed(ctx, terminalId, 'batches', key, request.raw);
    if (replay !== null) return replay;
    // "Card data": rejected before anything else looks at the body.
    const path = mayContainCardData(request.text) ? findSensitiveData(request.json) : null;
    if (path !== null) return fail(422, { error: 'sensitive_data', path });
    // "at most 500 entries and 1 MiB per request (413 too_large otherwise)".
    if (entryCount(request.json) > MAX_BATCH_ENTRIES) return fail(413, { error: 'too_large' });
    const parsed = batchRequestSchema.safeParse(request.json);
    if (!parsed.success) return badRequest(parsed.error.message);
    const batch = parsed.data;
    if (batch.batchId !== key) return badRequest('Idempotency-Key must be the batchId');
    if (batch.terminalId !== terminalId) return badRequest('terminalId is not the signer');
    if (!totalsMatch(batch)) return fail(422, { error: 'totals_mismatch' });

    const cursor = readCursor(ctx, terminalId);
    // The spec's table, literally: anything but the next seq is a gap, even a resend of
    // entries the host holds; the client then reads the cursor and skips them.
    if (batch.fromSeq !== cursor.lastSeq + 1) {
      return fail(409, { error: 'seq_gap', expectedSeq: cursor.lastSeq + 1 });
    }
    const sealed = sealChain(batch, cursor.headHash);
    if ('brokenAt' in sealed) return fail(422, { error: 'chain_broken', atSeq: sealed.brokenAt });

    const insert = ctx.db.prepare(
      `INSERT INTO entries (terminal_id, seq, id, type, batch_no, hash, body, upload_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    batch.entries.forEach((entry, index) => {
      const body = sealed.bodies[index];
      insert.run(terminalId, entry.seq, entry.id, entry.type, entry.batchNo, entry.hash, body, key);
    });
    const answer: BatchAccepted = {
      batchId: batch.batchId,
      acceptedThroughSeq: batch.toSeq,
      receivedAt: new Date(ctx.now()).toISOString(),
    };
    remember(ctx, terminalId, 'batches', key, request.raw, 201, answer);
    return ok(201, answer);
  })();
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

/**
 * Each entry's stored body, canonicalized once (its hash comes with it); or the first seq
 * whose seq, prevHash or hash does not continue the host's chain.
 */
function sealChain(
  batch: BatchRequest,
  headHash: string,
): { bodies: string[] } | { brokenAt: number } {
  let prevHash = headHash;
  const bodies: string[] = [];
  for (const [index, entry] of batch.entries.entries()) {
    if (entry.seq !== batch.fromSeq + index || entry.prevHash !== prevHash) {
      return { brokenAt: entry.seq };
    }
    const { hash, body } = sealEntry(entry);
    if (hash !== entry.hash) return { brokenAt: entry.seq };
    bodies.push(body);
    prevHash = entry.hash;
  }
  return { bodies };
}

function entryCount(json: unknown): number {
  if (typeof json !== 'object' || json === null || !('entries' in json)) return 0;
  return Array.isArray(json.entries) ? json.entries.length : 0;
}
