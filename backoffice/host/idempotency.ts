import { createHash } from 'node:crypto';
import type { SqlRunner } from '../store/sql';
import type { Reply } from './reply';
import { fail } from './reply';

export type IdempotentEndpoint = 'batches' | 'settlements';

type StoredAnswer = {
  body_sha256: string;
  status: number;
  response: string;
};

export const sha256Hex = (data: Buffer | string): string =>
  createHash('sha256').update(data).digest('hex');

/**
 * upstream-sync-v1 "Uploading": a replay with the same key and body gets 200 and the first
 * answer's body; the same key with another body is 409 idempotency_conflict. Null: new key.
 * `bodySha256` is hex(SHA-256) of the request body.
 */
export async function replayed(
  tx: SqlRunner,
  terminalId: string,
  endpoint: IdempotentEndpoint,
  key: string,
  bodySha256: string,
): Promise<Reply | null> {
  const [row] = await tx.query<StoredAnswer>(
    'SELECT body_sha256, status, response FROM idempotency WHERE terminal_id = $1 AND endpoint = $2 AND key = $3',
    [terminalId, endpoint, key],
  );
  if (row === undefined) return null;
  if (row.body_sha256 !== bodySha256) return fail(409, { error: 'idempotency_conflict' });
  return { status: 200, body: JSON.parse(row.response) as unknown };
}

/**
 * Keeps the first answer; call inside the transaction that stores what it answers for,
 * after locking the terminal, so no other transaction can have kept one for this key.
 */
export async function remember(
  tx: SqlRunner,
  terminalId: string,
  endpoint: IdempotentEndpoint,
  key: string,
  bodySha256: string,
  status: number,
  response: unknown,
): Promise<void> {
  await tx.execute(
    `INSERT INTO idempotency (terminal_id, endpoint, key, body_sha256, status, response)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [terminalId, endpoint, key, bodySha256, status, JSON.stringify(response)],
  );
}
