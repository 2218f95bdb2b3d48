import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reaction: an answer, or a connection closed with no answer. */
export type ScriptedReply =
  { status: number; body: string; headers?: Record<string, string> } | { reset: true };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedHost {
  url: string;
  /** Replies used in order, one per request; when they run out the host answers 500. */
  script(...replies: ScriptedReply[]): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A host that answers what the test says, for the answers a conforming host never gives:
 * malformed JSON, wrong types, an answer for another batch, `413`, a bare `429`.
 */
export async function startScriptedHost(): Promise<ScriptedHost> {
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = queue.shift() ?? { status: 500, body: '{"error":"unscripted"}' };
      if ('reset' in reply) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script: (...replies) => queue.push(...replies),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
