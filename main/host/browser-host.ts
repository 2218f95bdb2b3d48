import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Services } from '../services';
import { readStatic, requestPath } from './static-files';
import { serveApiSocket } from './api-socket';
import { contentSecurityPolicy } from './content-security';

/** The largest WebSocket message accepted; a bigger one closes the socket with 1009. */
const MAX_FRAME_BYTES = 1024 * 1024;

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
    void serveFile(req, res).catch((error: unknown) => {
      services.log.error('could not serve a file', { error: String(error) });
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error');
    });
  });
  const serveFile = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = requestPath(req.url);
    if (path === null) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const file = await readStatic(options.rendererDir, path);
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
  };

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  sockets.on('error', (error) =>
    services.log.error('API socket server error', { error: String(error) }),
  );
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer that resets the connection mid-handshake must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    try {
      if (!authorized(req, token, origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => serveApiSocket(ws, services, socket));
    } catch (error) {
      services.log.error('API socket handshake failed', { error: String(error) });
      socket.destroy();
    }
  });
  server.on('error', (error) =>
    services.log.error('browser host server error', { error: String(error) }),
  );

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
  const target = req.url ?? '/';
  const url = URL.canParse(target, 'http://127.0.0.1') ? new URL(target, 'http://127.0.0.1') : null;
  if (url === null || url.pathname !== '/api' || req.headers.origin !== origin) return false;
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
