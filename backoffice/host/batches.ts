import type { BatchAccepted } from '@app/sync/protocol';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import { remember, replayed, sha256Hex } from './idempotency';
import { readCursor } from './host-ledger';
import { checkBatch } from './batch-checks';
import type { UploadRequest } from './batch-checks';
import { storeEntries } from './entry-store';
import { lockTerminal } from './terminal-lock';

export type { UploadRequest } from './batch-checks';

/**
 * upstream-sync-v1 "Uploading": POST /v1/batches. The batch is checked and hashed first;
 * then one transaction, holding the terminal's lock, answers a replay, checks the cursor
 * and stores the entries, their rollups and the first answer together, or nothing.
 */
export async function uploadBatch(ctx: HostContext, request: UploadRequest): Promise<Reply> {
  const { terminalId, idempotencyKey: key } = request;
  if (key === undefined) return badRequest('Idempotency-Key is required');
  const bodySha256 = sha256Hex(request.raw);
  const checked = checkBatch(request, key);
  return ctx.db.transaction(async (tx): Promise<Reply> => {
    const terminal = await lockTerminal(tx, terminalId);
    const replay = await replayed(tx, terminalId, 'batches', key, bodySha256);
    if (replay !== null) return replay;
    if ('reply' in checked) return checked.reply;
    const { batch, bodies, brokenAt } = checked;

    const cursor = await readCursor(tx, terminalId);
    // The spec's table, literally: anything but the next seq is a gap, even a resend of
    // entries the host holds; the client then reads the cursor and skips them.
    if (batch.fromSeq !== cursor.lastSeq + 1) {
      return fail(409, { error: 'seq_gap', expectedSeq: cursor.lastSeq + 1 });
    }
    // The first entry must link to the host's head; past that, the checks made above.
    const first = batch.entries[0];
    const atSeq = first !== undefined && first.prevHash !== cursor.headHash ? first.seq : brokenAt;
    if (atSeq !== null) return fail(422, { error: 'chain_broken', atSeq });

    const receivedAt = ctx.now();
    await storeEntries(tx, {
      terminalId,
      uploadId: key,
      receivedAt,
      timeZone: terminal.timeZone,
      entries: batch.entries,
      bodies,
    });
    const answer: BatchAccepted = {
      batchId: batch.batchId,
      acceptedThroughSeq: batch.toSeq,
      receivedAt: new Date(receivedAt).toISOString(),
    };
    await remember(tx, terminalId, 'batches', key, bodySha256, 201, answer);
    return ok(201, answer);
  });
}
