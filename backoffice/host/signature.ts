import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_CLOCK_SKEW_S } from '@app/sync/protocol';
import type { HostContext, Reply } from './reply';
import { fail } from './reply';
import { terminalSecret } from './binding';

const CONTACT_RESOLUTION_MS = 1000;

const HEADER =
  /^POS-HMAC terminalId=(?<terminalId>[A-Z0-9]{8}), ts=(?<ts>-?\d{1,12}), sig=(?<sig>[0-9a-f]{64})$/;

export interface SignedRequest {
  method: string;
  /** Path with its query string, as sent. */
  path: string;
  authorization: string | undefined;
  body: Buffer;
}

/**
 * upstream-sync-v1 "Authentication of every other request":
 * sig = hex(HMAC-SHA256(secret, METHOD \n PATH \n ts \n hex(SHA256(body)))).
 * Returns the terminal it authenticates, or the 401 to answer.
 */
export async function authenticate(
  ctx: HostContext,
  request: SignedRequest,
): Promise<{ terminalId: string } | { reply: Reply }> {
  const parts = HEADER.exec(request.authorization ?? '')?.groups;
  const terminalId = parts?.terminalId;
  const ts = parts?.ts;
  const sig = parts?.sig;
  if (terminalId === undefined || ts === undefined || sig === undefined) return badSignature();
  const secret = await terminalSecret(ctx.db, terminalId);
  if (secret === null) return badSignature();
  const expected = createHmac('sha256', secret)
    .update(signingText(request.method, request.path, ts, request.body))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return badSignature();
  // Checked after the signature, so only the terminal itself learns the host's clock.
  const now = ctx.now();
  const serverTime = Math.floor(now / 1000);
  if (Math.abs(serverTime - Number(ts)) > MAX_CLOCK_SKEW_S) {
    return { reply: fail(401, { error: 'clock_skew', serverTime }) };
  }
  // The owner sees each till's last contact, to the second: a till sending batch after
  // batch writes it once a second, not with every request (a write is a commit to disk).
  await ctx.db.execute(
    `UPDATE terminals SET last_contact_at = $1
     WHERE terminal_id = $2 AND (last_contact_at IS NULL OR last_contact_at <= $3)`,
    [now, terminalId, now - CONTACT_RESOLUTION_MS],
  );
  return { terminalId };
}

export function signingText(method: string, path: string, ts: string, body: Buffer): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return `${method.toUpperCase()}\n${path}\n${ts}\n${bodyHash}`;
}

const badSignature = (): { reply: Reply } => ({ reply: fail(401, { error: 'bad_signature' }) });
