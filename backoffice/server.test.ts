import { afterEach, describe, expect, it } from 'vitest';
import type { RouteModule } from './http/route-module';
import { sendJson } from './host/http-io';
import { startTestHost } from './host/test-host';
import type { TestHost } from './host/test-host';
import {
  MERCHANT,
  START_MS,
  batchOf,
  bindTerminal,
  call,
  chain,
  upload,
} from './host/test-support';
import { storageTrouble } from './store/storage-errors';

let host: TestHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('the back office server', () => {
  it('offers each request to the route modules first, then to upstream-sync-v1', async () => {
    const seen: string[] = [];
    const hello: RouteModule = {
      handle: (_req, res, url) => {
        seen.push(url.pathname);
        if (url.pathname !== '/hello') return Promise.resolve(false);
        sendJson(res, 200, { hello: 'world' });
        return Promise.resolve(true);
      },
    };
    host = await startTestHost({ merchants: [MERCHANT], routes: [hello] });
    const fixture = { host, clock: { ms: Date.now() } };
    expect(await call(host, 'GET', '/hello')).toMatchObject({
      status: 200,
      body: { hello: 'world' },
    });
    expect(await call(host, 'GET', '/v1/cursor')).toMatchObject({
      status: 401,
      body: { error: 'bad_signature' },
    });
    const terminal = await bindTerminal(fixture);
    expect(await call(host, 'GET', '/v1/cursor', { terminal })).toMatchObject({ status: 200 });
    expect(seen).toEqual(['/hello', '/v1/cursor', '/v1/bind', '/v1/cursor']);
  });

  it('answers 503 with Retry-After and says so once when the disk is full, storing nothing', async () => {
    const lines: string[] = [];
    const clock = { ms: START_MS };
    host = await startTestHost({
      merchants: [MERCHANT],
      now: () => clock.ms,
      retryAfterS: 7,
      log: (line) => lines.push(line),
    });
    const terminal = await bindTerminal({ host, clock });
    // SQLite's own limit on the file's size fails a write as a full disk would (SQLITE_FULL).
    const [pages] = await host.db.query<{ page_count: number }>('PRAGMA page_count');
    await host.db.query(`PRAGMA max_page_count = ${pages?.page_count ?? 0}`);
    const batch = batchOf(
      terminal.terminalId,
      chain(200, { detail: () => ({ note: 'x'.repeat(1000) }) }),
    );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await upload(host, terminal, batch);
      expect(answer).toMatchObject({
        status: 503,
        headers: { 'retry-after': '7' },
        body: { error: 'storage_unavailable', reason: 'disk_full' },
      });
    }
    expect(lines).toEqual([expect.stringContaining('out of disk space')]);
    expect(await host.entries(terminal.terminalId)).toEqual([]);

    await host.db.query('PRAGMA max_page_count = 1073741823');
    expect((await upload(host, terminal, batch)).status).toBe(201);
    expect(await host.entries(terminal.terminalId)).toHaveLength(200);
    expect(lines.at(-1)).toContain('the database is back');
  });
});

describe('storageTrouble', () => {
  const withCode = (code: string, message = 'x'): Error =>
    Object.assign(new Error(message), { code });

  it('reads a full disk on either store', () => {
    expect(storageTrouble(withCode('53100'))).toBe('disk_full');
    expect(storageTrouble(withCode('SQLITE_FULL'))).toBe('disk_full');
  });

  it('reads a database that went away, or is starting or stopping', () => {
    for (const code of [
      '57P01',
      '57P03',
      '08006',
      '08001',
      'ECONNREFUSED',
      'ENOENT',
      'SQLITE_BUSY',
    ]) {
      expect(storageTrouble(withCode(code)), code).toBe('unavailable');
    }
    expect(storageTrouble(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
  });

  it('leaves a bug a bug: constraint violations and plain errors are not the database away', () => {
    expect(storageTrouble(withCode('23505'))).toBeNull();
    expect(storageTrouble(withCode('42P01'))).toBeNull();
    expect(storageTrouble(new Error('boom'))).toBeNull();
  });
});
