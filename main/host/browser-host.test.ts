import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import type { AppError } from '@app/result';
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

  it('answers a malformed request it can reply to, with a typed error', async () => {
    const ws = await connect(TOKEN);
    const answer = nextMessage(ws, (m) => m.type === 'result' && m.id === 4);
    ws.send(JSON.stringify({ type: 'invoke', id: 4, input: {} }));
    const { result } = (await answer) as { result: { ok: false; error: AppError } };
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/command/);
    const next = nextMessage(ws, (m) => m.type === 'result' && m.id === 5);
    ws.send(JSON.stringify({ type: 'invoke', id: 5, command: 'app.info', input: {} }));
    expect(await next).toMatchObject({ result: { ok: true, value: { host: 'browser' } } });
    ws.close();
  });

  it.each([
    ['not JSON', 'not json'],
    ['a string id', JSON.stringify({ type: 'invoke', id: 'x', command: 'app.info' })],
    ['no id at all', JSON.stringify({ type: 'invoke', command: 'app.info' })],
  ])('closes the socket with the reason for a message without a usable id: %s', async (_, text) => {
    const ws = await connect(TOKEN);
    ws.send(text);
    const [code, reason] = await closed(ws);
    expect(code).toBe(1008);
    expect(reason).toMatch(/^malformed message: /);
    await expectServing();
  });

  it.each([
    ['a frame over 1 MiB', 1009, (ws: WebSocket) => ws.send('x'.repeat(1024 * 1024 + 1))],
    ['invalid UTF-8', 1007, (ws: WebSocket) => rawFrame(ws, 0x81, Buffer.from([0xc3, 0x28]))],
    ['an unmasked frame', 1002, (ws: WebSocket) => rawFrame(ws, 0x81, Buffer.from('hi'), false)],
  ])('closes the socket on %s with its RFC 6455 code and keeps serving', async (_, code, send) => {
    const ws = await connect(TOKEN);
    send(ws);
    expect((await closed(ws))[0]).toBe(code);
    await expectServing();
  });

  it.each(['/%', '/%E0%A4%A', '//[', '/%00'])(
    'answers %s with 400 or 404, never a crash',
    async (path) => {
      const status = await rawStatus(
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect([400, 404]).toContain(status);
      await expectServing();
    },
  );

  it('answers an upgrade to a target that is no URL with 403', async () => {
    const status = await rawStatus(
      'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(status).toBe(403);
    await expectServing();
  });
});

/** The host still serves the page and answers a command on a new socket. */
async function expectServing(): Promise<void> {
  expect((await fetch(`${host.url}/`)).status).toBe(200);
  const ws = await connect(TOKEN);
  const answer = nextMessage(ws, (m) => m.type === 'result' && m.id === 99);
  ws.send(JSON.stringify({ type: 'invoke', id: 99, command: 'app.info', input: {} }));
  expect(await answer).toMatchObject({ result: { ok: true } });
  ws.close();
}

function closed(ws: WebSocket): Promise<[number, string]> {
  // The client sees the protocol error too; the close code is what the host sent.
  ws.on('error', () => undefined);
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve([code, reason.toString()])),
  );
}

/** Writes one frame straight to the socket, bypassing the client's own checks. */
function rawFrame(ws: WebSocket, firstByte: number, payload: Buffer, masked = true): void {
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = masked ? payload.map((byte, i) => byte ^ mask[i % 4]!) : payload;
  const header = Buffer.from([firstByte, (masked ? 0x80 : 0) | payload.length]);
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.write(Buffer.concat(masked ? [header, mask, body] : [header, body]));
}

/** Sends raw bytes to the host and resolves the status code of its first answer. */
function rawStatus(request: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(new URL(host.url).port), '127.0.0.1', () =>
      socket.write(request),
    );
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a status: ${answer}`)));
  });
}
