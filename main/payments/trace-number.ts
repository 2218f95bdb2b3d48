import type Database from 'better-sqlite3';

const TRACE_KEY = 'trace_no';

/**
 * upstream-sync-v1 "Card and QR authorization": the terminal's next trace number (6 digits,
 * +1 per request, 000001 after 999999). Call inside the transaction that records the request.
 */
export function takeTraceNo(db: Database.Database): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(TRACE_KEY) as
    { value: string } | undefined;
  const last = row ? Number(row.value) : 0;
  const traceNo = String((last % 999_999) + 1).padStart(6, '0');
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(TRACE_KEY, traceNo);
  return traceNo;
}
