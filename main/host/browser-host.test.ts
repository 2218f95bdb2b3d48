import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { demoCatalog } from '../catalog/demo-catalog';
import { signInOwner, tempServices } from '../testing/temp-services';
import type { Services } from '../services';
import { startBrowserHost } from './browser-host';
import type { BrowserHost } from './browser-host';

const TOKEN = 'a'.repeat(48);
let services: Services;
let host: BrowserHost;

beforeEach(async () => {
  services = tempServices().services;
  await signInOwner(services);
  const rendererDir = mkdtempSync(join(tmpdir(), 'countertop-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startBrowserHost({ services, rendererDir, token: TOKEN });
});
afterEach(async () => {
  await host.close();
  await services.close();
});

/** Opens the API socket; resolves open, or rejects with the HTTP status the host answered. */
function connect(token: string, origin = host.url): Promise<WebSocket> {
  const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api?token=${token}`, { origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`HTTP ${String(res.statusCode)}`)),
    );
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (predicate(message)) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('browser host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('refuses the API without this launch token or from another origin', async () => {
    await expect(connect('b'.repeat(48))).rejects.toThrow('HTTP 403');
    await expect(connect('')).rejects.toThrow('HTTP 403');
    await expect(connect(TOKEN, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('carries commands and their results, and pushes events', async () => {
    const ws = await connect(TOKEN);
    const event = nextMessage(ws, (m) => m.type === 'event' && m.event === 'cart.changed');
    const result = nextMessage(ws, (m) => m.type === 'result' && m.id === 7);
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 7,
        command: 'cart.scan',
        input: { code: demoCatalog()[0]!.barcode },
      }),
    );
    expect(await result).toMatchObject({ result: { ok: true } });
    expect(await event).toMatchObject({
      payload: { lines: [{ barcode: demoCatalog()[0]!.barcode }] },
    });
    ws.close();
  });

  it('ignores malformed messages and keeps serving', async () => {
    const ws = await connect(TOKEN);
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'invoke', id: 'x' }));
    const result = nextMessage(ws, (m) => m.type === 'result' && m.id === 1);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, command: 'app.info', input: {} }));
    expect(await result).toMatchObject({ result: { ok: true, value: { host: 'browser' } } });
    ws.close();
  });
});
