import { protocol } from 'electron';
import { readStatic, requestPath } from '../host/static-files';
import { contentSecurityPolicy } from '../host/content-security';

const APP_SCHEME = 'app';
const APP_HOST = 'countertop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is ours: app://countertop with no port or credentials. The parts are
 * compared, not `origin`: in the main process `URL` is Node's, which gives every scheme
 * outside the WHATWG special list (http, https, file, ws, wss, ftp) the origin "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Must run before `app.whenReady()`: `app://` behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `app://countertop/` instead of file:// (Electron checklist). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = isAppUrl(request.url) ? requestPath(new URL(request.url).pathname) : null;
    const file = path === null ? null : await readStatic(rendererDir, path);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy("'self'"),
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
