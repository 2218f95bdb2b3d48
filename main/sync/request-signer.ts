import { createHash, createHmac } from 'node:crypto';

/**
 * upstream-sync-v1 "Authentication of every other request":
 * `Authorization: POS-HMAC terminalId=<id>, ts=<unix seconds>, sig=<hex>` with
 * sig = hex(HMAC-SHA256(secret, METHOD + "\n" + PATH + "\n" + ts + "\n" + hex(SHA256(body)))).
 * PATH carries the query string; an empty body hashes as the empty string.
 */
export function posHmacAuthorization(request: {
  terminalId: string;
  secret: Uint8Array;
  method: string;
  path: string;
  body: Uint8Array;
  unixSeconds: number;
}): string {
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const text = `${request.method.toUpperCase()}\n${request.path}\n${request.unixSeconds}\n${bodyHash}`;
  const sig = createHmac('sha256', request.secret).update(text).digest('hex');
  return `POS-HMAC terminalId=${request.terminalId}, ts=${request.unixSeconds}, sig=${sig}`;
}
