import { GENESIS_HASH } from '@app/ledger/entry';
import { wireEntrySchema } from '@app/sync/protocol';
import type { Cursor, WireEntry } from '@app/sync/protocol';
import type { SqlRunner } from '../store/sql';

/** upstream-sync-v1 "Cursor": the last seq the host holds for the terminal and its hash. */
export async function readCursor(db: SqlRunner, terminalId: string): Promise<Cursor> {
  const [row] = await db.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM entries WHERE terminal_id = $1 ORDER BY seq DESC LIMIT 1',
    [terminalId],
  );
  return row === undefined
    ? { lastSeq: 0, headHash: GENESIS_HASH }
    : { lastSeq: row.seq, headHash: row.hash };
}

/** Every entry the host holds for the terminal, in seq order. */
export async function storedEntries(db: SqlRunner, terminalId: string): Promise<WireEntry[]> {
  const rows = await db.query<{ body: string }>(
    'SELECT body FROM entries WHERE terminal_id = $1 ORDER BY seq',
    [terminalId],
  );
  return rows.map((row) => wireEntrySchema.parse(JSON.parse(row.body)));
}
