import { createHash } from 'node:crypto';
import type { HostContext, Reply } from './reply';
import { fail } from './reply';

export type IdempotentEndpoint = 'batches' | 'settlements';

interface StoredAnswer {
  body_sha256: string;
  status: number;
  response: string;
}

export const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');

/**
 * upstream-sync-v1 "Uploading": a replay with the same key and body gets 200 and the first
 * answer's body; the same key with another body is 409 idempotency_conflict. Null: new key.
 */
export function replayed(
  ctx: HostContext,
  terminalId: string,
  endpoint: IdempotentEndpoint,
  key: string,
  body: Buffer,
): Reply | null {
  const row = ctx.db
    .prepare(
      'SELECT body_sha256, status, response FROM idempotency WHERE terminal_id = ? AND endpoint = ? AND key = ?',
    )
    .get(terminalId, endpoint, key) as StoredAnswer | undefined;
  if (row === undefined) return null;
  if (row.body_sha256 !== sha256Hex(body)) return fail(409, { error: 'idempotency_conflict' });
  return { status: 200, body: JSON.parse(row.response) as unknown };
}

/** Keeps the first answer; call inside the transaction that stores what it answers for. */
export function remember(
  ctx: HostContext,
  terminalId: string,
  endpoint: IdempotentEndpoint,
  key: string,
  body: Buffer,
  status: number,
  response: unknown,
): void {
  ctx.db
    .prepare(
      `INSERT INTO idempotency (terminal_id, endpoint, key, body_sha256, status, response)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(terminalId, endpoint, key, sha256Hex(body), status, JSON.stringify(response));
}
