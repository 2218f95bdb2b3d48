import { protocol } from 'electron';
import { readStatic, requestPath } from '../host/static-files';
import { contentSecurityPolicy } from '../host/content-security';

export const APP_ORIGIN = 'app://countertop';

/** Must run before `app.whenReady()`: `app://` behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `app://countertop/` instead of file:// (Electron checklist). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const path = url.host === 'countertop' ? requestPath(url.pathname) : null;
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
