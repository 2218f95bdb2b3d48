import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves the built web app from `root`: a file under it, or index.html for any other page
 * (the app reads its own address). A path that climbs out of `root`, or is not valid
 * percent-encoding, is refused.
 */
export async function serveStatic(
  root: string,
  relative: string,
  response: ServerResponse,
): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    response.writeHead(404).end();
    return;
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(404).end();
    return;
  }
  const wanted = extname(file) === '' ? join(root, 'index.html') : file;
  let body: Buffer;
  try {
    body = await readFile(wanted);
  } catch {
    if (wanted.endsWith('index.html')) {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The dashboard is not built yet: run `npm run build`, then reload this page.\n');
    } else {
      response.writeHead(404).end();
    }
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(wanted)] ?? 'application/octet-stream',
    // Built asset names carry a content hash; the page itself must always be fresh.
    'cache-control': wanted.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  });
  response.end(body);
}
