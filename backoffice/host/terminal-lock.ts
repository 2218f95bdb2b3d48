import { forUpdate } from '../store/sql';
import type { SqlRunner } from '../store/sql';

/**
 * Locks the terminal's row for the rest of the transaction: every write a terminal's
 * request makes (a batch, a settlement, an authorization) runs while holding it, so two
 * back-office processes given the same request take turns and the second sees the first's
 * answer. Returns the time zone of the terminal's shop.
 */
export async function lockTerminal(
  tx: SqlRunner,
  terminalId: string,
): Promise<{ timeZone: string }> {
  const [row] = await tx.query<{ time_zone: string }>(
    `SELECT (SELECT time_zone FROM shops s WHERE s.shop_id = t.shop_id) AS time_zone
     FROM terminals t WHERE t.terminal_id = $1${forUpdate(tx)}`,
    [terminalId],
  );
  if (row === undefined) throw new Error(`terminal ${terminalId} is not bound`);
  return { timeZone: row.time_zone };
}
