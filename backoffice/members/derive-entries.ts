import type { JsonValue } from '@app/ledger/entry';
import type { EntryType } from '@app/ledger/entry';
import type { SqlDatabase, SqlRunner } from '../store/sql';

/** What a follower reads of an uploaded entry. */
export interface UploadedEntry {
  seq: number;
  type: EntryType;
  at: string;
  detail: { [key: string]: JsonValue };
}

/** Applies one entry inside the transaction that records it as read. */
export type EntryFollower = (
  tx: SqlRunner,
  terminal: { terminalId: string; merchantId: string; shopId: string },
  entry: UploadedEntry,
) => Promise<void>;

const PAGE = 2000;

/**
 * Brings a feature (points, stock) up to date with every entry the merchant's tills have
 * uploaded: each till's entries after the seq it last read, in seq order, applied in the
 * same transaction that moves its progress row. The progress row is locked while a
 * process reads, so two back-office processes never apply an entry twice.
 */
export async function followUploads(
  db: SqlDatabase,
  feature: string,
  merchantId: string,
  follow: EntryFollower,
): Promise<void> {
  const behind = await db.query<{ terminal_id: string; shop_id: string }>(
    `SELECT t.terminal_id, t.shop_id FROM terminals t
     WHERE t.merchant_id = $1 AND EXISTS (
       SELECT 1 FROM entries e WHERE e.terminal_id = t.terminal_id AND e.seq > coalesce(
         (SELECT p.through_seq FROM derive_progress p
          WHERE p.terminal_id = t.terminal_id AND p.feature = $2), 0))`,
    [merchantId, feature],
  );
  for (const row of behind) {
    const terminal = { terminalId: row.terminal_id, merchantId, shopId: row.shop_id };
    for (;;) {
      const read = await db.transaction(async (tx) => {
        await tx.execute(
          `INSERT INTO derive_progress (terminal_id, feature, through_seq) VALUES ($1, $2, 0)
           ON CONFLICT (terminal_id, feature) DO NOTHING`,
          [terminal.terminalId, feature],
        );
        const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
        const progress = await tx.query<{ through_seq: unknown }>(
          `SELECT through_seq FROM derive_progress WHERE terminal_id = $1 AND feature = $2${lock}`,
          [terminal.terminalId, feature],
        );
        const from = Number(progress[0]?.through_seq ?? 0);
        const entries = await tx.query<{ seq: unknown; body: string }>(
          `SELECT seq, body FROM entries WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
          [terminal.terminalId, from, PAGE],
        );
        for (const entry of entries) {
          const parsed = JSON.parse(entry.body) as UploadedEntry;
          await follow(tx, terminal, { ...parsed, seq: Number(entry.seq) });
        }
        const last = entries.at(-1);
        if (last !== undefined) {
          await tx.execute(
            'UPDATE derive_progress SET through_seq = $3 WHERE terminal_id = $1 AND feature = $2',
            [terminal.terminalId, feature, Number(last.seq)],
          );
        }
        return entries.length;
      });
      if (read < PAGE) break;
    }
  }
}
