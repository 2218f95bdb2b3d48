import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { requestMessageSchema } from '@app/api/wire';
import type { ServerMessage } from '@app/api/wire';
import type { Services } from '../services';
import { readStatic } from './static-files';
import { contentSecurityPolicy } from './content-security';

export interface BrowserHostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; otherwise a new random one per launch. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  /** The URL with the launch token, which the page needs to reach the API. */
  launchUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer and carries the API contract over a WebSocket on 127.0.0.1, for
 * machines without Electron. Only a page opened with this launch's token may connect, and
 * only from this host's own origin (another site in the same browser cannot drive the till).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const { services } = options;
  let origin = '';

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void readStatic(options.rendererDir, path).then((file) => {
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy(`'self' ${origin.replace('http', 'ws')}`),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      res.end(file.body);
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (!authorized(req, token, origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, services));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    launchUrl: `${origin}/?token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function authorized(req: IncomingMessage, token: string, origin: string): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/api' || req.headers.origin !== origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function serve(ws: WebSocket, services: Services): void {
  const send = (message: ServerMessage): void => ws.send(JSON.stringify(message));
  const unsubscribe = services.bus.subscribe((event, payload) =>
    send({ type: 'event', event, payload }),
  );
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    const buffer = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : data;
    const text = buffer.toString();
    const parsed = isBinary ? null : requestMessageSchema.safeParse(safeJson(text));
    if (!parsed?.success) {
      services.log.warn('malformed message on the API socket');
      return;
    }
    const { id, command, input } = parsed.data;
    void services.dispatch(command, input).then((result) => send({ type: 'result', id, result }));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
