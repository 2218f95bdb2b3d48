import { GENESIS_HASH } from '@app/ledger/entry';
import { wireEntrySchema } from '@app/sync/protocol';
import type { Cursor, WireEntry } from '@app/sync/protocol';
import type { HostContext } from './reply';

/** upstream-sync-v1 "Cursor": the last seq the host holds for the terminal and its hash. */
export function readCursor(ctx: HostContext, terminalId: string): Cursor {
  const row = ctx.db
    .prepare('SELECT seq, hash FROM entries WHERE terminal_id = ? ORDER BY seq DESC LIMIT 1')
    .get(terminalId) as { seq: number; hash: string } | undefined;
  return row === undefined
    ? { lastSeq: 0, headHash: GENESIS_HASH }
    : { lastSeq: row.seq, headHash: row.hash };
}

/** Every entry the host holds for the terminal, in seq order. */
export function storedEntries(ctx: HostContext, terminalId: string): WireEntry[] {
  const rows = ctx.db
    .prepare('SELECT body FROM entries WHERE terminal_id = ? ORDER BY seq')
    .all(terminalId) as { body: string }[];
  return rows.map((row) => wireEntrySchema.parse(JSON.parse(row.body)));
}

/** The entries of one settlement batch, in seq order. */
export function entriesOfBatchNo(
  ctx: HostContext,
  terminalId: string,
  batchNo: string,
): WireEntry[] {
  const rows = ctx.db
    .prepare('SELECT body FROM entries WHERE terminal_id = ? AND batch_no = ? ORDER BY seq')
    .all(terminalId, batchNo) as { body: string }[];
  return rows.map((row) => wireEntrySchema.parse(JSON.parse(row.body)));
}
