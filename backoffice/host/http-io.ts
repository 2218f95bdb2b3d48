import type { IncomingMessage, ServerResponse } from 'node:http';

// Past this the host stops draining an over-limit body and drops the connection.
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Reads the whole body. Over `limit` bytes it keeps reading (and discarding) so the client
 * can see the 413 rather than a reset, up to DRAIN_LIMIT.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<{ body: Buffer } | { tooLarge: true }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () =>
      resolve(size > limit ? { tooLarge: true } : { body: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
    // A client that goes away (or a body past DRAIN_LIMIT) ends the read with no answer.
    req.on('close', () => resolve({ tooLarge: true }));
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

/** Answers with JSON text as given (a signed answer is signed over exactly these bytes). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A single-valued header, or undefined. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
