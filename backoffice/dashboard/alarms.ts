import type { SqlRunner } from '../store/sql';

/**
 * Remembers a refusal the owner must see (upstream-sync-v1 "Uploading": chain_broken,
 * sensitive_data): the last of each kind per terminal. The upload handler calls it when it
 * answers such an error; the dashboard lists it with the till.
 */
export async function recordAlarm(
  db: SqlRunner,
  alarm: { terminalId: string; kind: string; detail: string; at: number },
): Promise<void> {
  await db.execute(
    `INSERT INTO terminal_alarms (terminal_id, kind, detail, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (terminal_id, kind) DO UPDATE SET detail = excluded.detail, at = excluded.at`,
    [alarm.terminalId, alarm.kind, alarm.detail, alarm.at],
  );
}
