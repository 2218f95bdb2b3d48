/**
 * The browser host as `npm start` runs it (main/start.ts in its own process), fed what any
 * web page or local program can send it: the requests that used to end the process, then
 * seeded random request lines and headers, random WebSocket frames (any opcode, flags, mask
 * and length field) and random envelopes. After each batch the process must still be running
 * and answer a page request and a command. `FUZZ_SEED=<n>` replays a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { onStdoutLines, spawnTsChild } from '../testing/ts-child';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const RUNS = 120;

let child: ChildProcessWithoutNullStreams;
let origin = '';
let token = '';
let port = 0;
let output = '';

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'countertop-fuzz-'));
  child = spawnTsChild('main/start.ts', ['--browser', '--no-open', `--data-dir=${dataDir}`]);
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const launchUrl = await new Promise<URL>((resolve, reject) => {
    onStdoutLines(child, (line) => {
      output += line + '\n';
      const match = /^Open: (\S+)/.exec(line);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${String(code)}\n${output}`)));
  });
  origin = launchUrl.origin;
  port = Number(launchUrl.port);
  token = launchUrl.searchParams.get('token') ?? '';
}, 60_000);

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

/** The process is up, serves the page and answers a command on a fresh socket. */
async function expectAlive(): Promise<void> {
  expect(child.exitCode, output).toBeNull();
  expect((await fetch(`${origin}/`)).status).toBe(200);
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${token}`, { origin });
  const answer = await new Promise<unknown>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      ws.send(JSON.stringify({ type: 'invoke', id: 1, command: 'app.info', input: {} })),
    );
    ws.on('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
  });
  ws.close();
  expect(answer).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
}

/** Writes bytes on a new connection; resolves what came back once the host closes or goes quiet. */
function exchange(bytes: Buffer | string, quietMs = 300): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    let timer = setTimeout(finish, quietMs);
    function finish(): void {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    }
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

/** A raw TCP socket that has completed the API socket's handshake, frames left to the caller. */
function openApiSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1', () =>
      socket.write(
        `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${String(port)}\r\n` +
          `Origin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      ),
    );
    socket.once('data', (chunk) =>
      chunk.toString('latin1').startsWith('HTTP/1.1 101')
        ? resolve(socket)
        : reject(new Error(chunk.toString('latin1'))),
    );
    // Before the handshake an error means no host; after it, the frames caused it.
    socket.on('error', reject);
  });
}

/** Sends frames on a fresh API socket and waits until the host closes it or goes quiet. */
async function sendFrames(frames: Buffer[], quietMs = 200): Promise<void> {
  const socket = await openApiSocket();
  await new Promise<void>((resolve) => {
    let timer = setTimeout(finish, quietMs);
    function finish(): void {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    }
    socket.on('data', () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    });
    socket.on('close', finish);
    for (const frame of frames) socket.write(frame);
  });
}

/** RFC 6455 §5.2 framing, every field chosen by the caller (including wrong ones). */
function frame(options: {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  lengthField: 'exact' | '16' | '64' | 'lie';
  payload: Buffer;
}): Buffer {
  const { payload } = options;
  const first = (options.fin ? 0x80 : 0) | (options.rsv << 4) | options.opcode;
  const maskBit = options.masked ? 0x80 : 0;
  let length: Buffer;
  if (options.lengthField === 'lie') {
    length = Buffer.from([maskBit | 127, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  } else if (options.lengthField === '64' || payload.length > 0xffff) {
    length = Buffer.alloc(9);
    length[0] = maskBit | 127;
    length.writeBigUInt64BE(BigInt(payload.length), 1);
  } else if (options.lengthField === '16' || payload.length > 125) {
    length = Buffer.alloc(3);
    length[0] = maskBit | 126;
    length.writeUInt16BE(payload.length, 1);
  } else {
    length = Buffer.from([maskBit | payload.length]);
  }
  if (!options.masked) return Buffer.concat([Buffer.from([first]), length, payload]);
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0));
  return Buffer.concat([Buffer.from([first]), length, mask, body]);
}

const frameArbitrary = fc.record({
  fin: fc.boolean(),
  rsv: fc.integer({ min: 0, max: 7 }),
  opcode: fc.integer({ min: 0, max: 15 }),
  masked: fc.boolean(),
  lengthField: fc.constantFrom('exact', '16', '64', 'lie'),
  payload: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
}) satisfies fc.Arbitrary<Parameters<typeof frame>[0]>;

const textFrame = (text: string): Buffer =>
  frame({
    fin: true,
    rsv: 0,
    opcode: 1,
    masked: true,
    lengthField: 'exact',
    payload: Buffer.from(text),
  });

// Characters that trip URL and percent-decoding: escapes, brackets, backslashes, controls.
const targetChar = fc.constantFrom(...'/%[]\\?#@:.~-_aZ09 \t\u0000\u00ff\u4e2d%E0%A4%A'.split(''));
const headerName = fc.stringMatching(/^[!-~]{1,20}$/);
const headerValue = fc.string({ maxLength: 60, unit: 'binary' });

describe('browser host fault containment (a real host process)', () => {
  it('answers the requests that used to end it and keeps running', async () => {
    expect(await exchange('GET /% HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await exchange('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await sendFrames([textFrame('x'.repeat(1024 * 1024 + 1))]);
    await sendFrames([frame({ ...UTF8_BAD, masked: true })]);
    await sendFrames([frame({ ...UTF8_BAD, masked: false, payload: Buffer.from('hi') })]);
    await expectAlive();
  });

  it('survives random request lines and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'BREW', ''),
        fc.array(targetChar, { maxLength: 40 }).map((chars) => chars.join('')),
        fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
        fc.boolean(),
        async (method, target, headers, upgrade) => {
          const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1'];
          if (upgrade) lines.push('Connection: Upgrade', 'Upgrade: websocket');
          for (const [name, value] of headers) lines.push(`${name}: ${value}`);
          await exchange(Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), 100);
          expect(child.exitCode, output).toBeNull();
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    await expectAlive();
  });

  it('survives random WebSocket frames', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(frameArbitrary.map(frame), { minLength: 1, maxLength: 4 }),
        async (frames) => {
          await sendFrames(frames);
          expect(child.exitCode, output).toBeNull();
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    await expectAlive();
  });

  it('survives random envelopes', async () => {
    const envelope = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            type: fc.oneof(fc.constant('invoke'), fc.string()),
            id: fc.oneof(fc.nat(), fc.string(), fc.double(), fc.constant(null)),
            command: fc.oneof(fc.constantFrom('app.info', 'cart.scan', 'no.such'), fc.string()),
            input: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(envelope, { minLength: 1, maxLength: 3 }), async (texts) => {
        // A short wait: some answers then go to a socket the client has already closed.
        await sendFrames(texts.map(textFrame), 40);
        expect(child.exitCode, output).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    await expectAlive();
  });
});

// A text frame whose payload is not UTF-8: the host must close with 1007, not throw.
const UTF8_BAD = {
  fin: true,
  rsv: 0,
  opcode: 1,
  lengthField: 'exact',
  payload: Buffer.from([0xc3, 0x28]),
} as const;
