import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { SyncStatus } from '@app/api/contract';
import { call, closeShift, signInOwner, tempServices } from '../testing/temp-services';
import type { Services } from '../services';
import { MERCHANT } from '@backoffice/host/test-support';
import { startTestHost } from '@backoffice/host/test-host';
import type { TestHost } from '@backoffice/host/test-host';
import { FileSecretStore } from './secret-store';

let host: TestHost;
let hostClock: { ms: number };
let services: Services;
let dataDir: string;

const bindInput = (code: string, terminalId = 'CTSHOP01') => ({
  hostUrl: host.url,
  merchantId: MERCHANT.merchantId,
  terminalId,
  bindingCode: code,
});

async function failure(name: Parameters<Services['dispatch']>[0], input: unknown) {
  const result = await services.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

async function sell(): Promise<void> {
  await call(services, 'cart.scan', { code: '6911001000019' });
  await call(services, 'sale.payCash', { tenderedMinor: 1_000 });
}

/** Waits (bounded) until the uploader has nothing left in flight and the status matches. */
async function until(predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  for (let i = 0; i < 100; i += 1) {
    await services.idle();
    const status = await call(services, 'sync.status', {});
    if (predicate(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('sync status never reached the expected state');
}

beforeEach(async () => {
  hostClock = { ms: Date.now() };
  host = await startTestHost({ merchants: [MERCHANT], now: () => hostClock.ms });
  ({ services, dataDir } = tempServices());
  await signInOwner(services);
});

afterEach(async () => {
  await services.close();
  await host.close();
});

describe('binding the till', () => {
  it('binds with the one-time code, shows merchant and masked account, keeps the secret 0600', async () => {
    const status = await call(
      services,
      'sync.bind',
      bindInput(await host.issueBindingCode(MERCHANT.merchantId)),
    );
    expect(status.binding).toMatchObject({
      merchantId: MERCHANT.merchantId,
      terminalId: 'CTSHOP01',
      merchantName: MERCHANT.merchantName,
      settlementAccount: '6222 **** **** 1234',
    });
    expect((await call(services, 'app.info', {})).terminalId).toBe('CTSHOP01');
    const secretFile = join(dataDir, 'terminal-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    // The secret is nowhere else in the data folder: not in the ledger, not in the log.
    const secret = readFileSync(secretFile, 'utf8');
    await services.idle();
    for (const file of listFiles(dataDir)) {
      if (file === secretFile) continue;
      expect(readFileSync(file).includes(Buffer.from(secret)), file).toBe(false);
    }
  });

  it('a wrong code gets binding_code_invalid; five lock the terminal ID with the minutes left', async () => {
    for (let i = 0; i < 5; i += 1) {
      const error = await failure('sync.bind', bindInput('000000'));
      expect(error.code).toBe('binding_code_invalid');
    }
    const locked = await failure(
      'sync.bind',
      bindInput(await host.issueBindingCode(MERCHANT.merchantId)),
    );
    expect(locked.code).toBe('binding_locked');
    expect(locked.params).toEqual({ minutes: 15 });
    expect((await call(services, 'sync.status', {})).state).toBe('not_bound');
  });

  it('an expired code is refused', async () => {
    const code = await host.issueBindingCode(MERCHANT.merchantId);
    hostClock.ms += 11 * 60_000;
    expect((await failure('sync.bind', bindInput(code))).code).toBe('binding_code_invalid');
  });

  it('an unreachable host, a bad URL and malformed IDs get their own messages', async () => {
    const port = await freePort();
    const unreachable = await failure('sync.bind', {
      ...bindInput('123456'),
      hostUrl: `http://127.0.0.1:${port}`,
    });
    expect(unreachable.code).toBe('host_unreachable');
    expect(unreachable.params?.reason).toBe('ECONNREFUSED');
    expect((await failure('sync.bind', { ...bindInput('123456'), hostUrl: 'ftp://x' })).code).toBe(
      'invalid_host_url',
    );
    const plain = await failure('sync.bind', {
      ...bindInput('123456'),
      hostUrl: 'http://pos.example.com',
    });
    expect(plain).toMatchObject({ code: 'insecure_host_url', params: { host: 'pos.example.com' } });
    expect((await failure('sync.bind', { ...bindInput('123456'), merchantId: '12' })).code).toBe(
      'invalid_input',
    );
  });

  it('unbinding needs the terminal ID typed; the secret goes, the ledger stays', async () => {
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    expect((await failure('sync.unbind', { confirmTerminalId: 'WRONG' })).code).toBe(
      'invalid_input',
    );
    expect((await failure('sync.bind', bindInput('123456'))).code).toBe('already_bound');
    const status = await call(services, 'sync.unbind', { confirmTerminalId: 'ctshop01' });
    expect(status.state).toBe('not_bound');
    expect(existsSync(join(dataDir, 'terminal-secret'))).toBe(false);
  });

  it('once entries were uploaded as one terminal ID, rebinding as another is refused', async () => {
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    await sell();
    await until((s) => s.state === 'synced');
    await call(services, 'sync.unbind', { confirmTerminalId: 'CTSHOP01' });
    const error = await failure(
      'sync.bind',
      bindInput(await host.issueBindingCode(MERCHANT.merchantId), 'CTOTHER1'),
    );
    expect(error).toMatchObject({ code: 'terminal_mismatch', params: { terminalId: 'CTSHOP01' } });
    // The same ID again is fine, and uploading carries on where it stopped.
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    await sell();
    // seq 1 is the shift_open entry the signed-in owner's shift began with.
    await until((s) => s.state === 'synced' && s.ackedSeq === 3);
    expect((await host.entries('CTSHOP01')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});

describe('selling with sync', () => {
  it('sales commit with no host at all, and go up once the till is bound', async () => {
    await sell();
    await sell();
    let status = await call(services, 'sync.status', {});
    // Two sales after the shift_open entry.
    expect(status).toMatchObject({ state: 'not_bound', unsynced: 3 });
    expect(status.oldestUnsyncedAt).not.toBeNull();
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    status = await until((s) => s.state === 'synced');
    expect(status).toMatchObject({ unsynced: 0, ackedSeq: 3, headSeq: 3 });
    expect(await host.entries('CTSHOP01')).toHaveLength(3);
  });

  it('a host that stops answering shows "unreachable since"; sync now after it is back', async () => {
    // A host on a database this test keeps, so it can come back with what it stored.
    await host.close();
    const dbFile = join(mkdtempSync(join(tmpdir(), 'host-')), 'host.sqlite');
    host = await startTestHost({ merchants: [MERCHANT], dbFile });
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    await until((s) => s.state === 'synced');
    const url = host.url;
    await host.close();
    await sell();
    let status = await until((s) => s.state === 'unreachable');
    expect(status.unreachableSince).not.toBeNull();
    expect(status.lastError?.code).toBe('no_answer');
    expect(status.nextAttemptAt).not.toBeNull();
    host = await startTestHost({
      merchants: [MERCHANT],
      port: Number(new URL(url).port),
      dbFile,
    });
    await call(services, 'sync.now', {});
    status = await until((s) => s.state === 'synced');
    expect(status.unreachableSince).toBeNull();
  });

  it("sync now waits out a busy host's Retry-After", async () => {
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    await until((s) => s.state === 'synced');
    host.setFaults({ fail503: { next: 1, retryAfterS: 2 } });
    await sell();
    const busy = await until((s) => s.lastError?.code === 'http_503');
    const busyAt = Date.parse(busy.lastError?.at ?? '');

    await call(services, 'sync.now', {});
    const waiting = await call(services, 'sync.status', {});
    // Not now: at the earliest when the host said (its answer came a moment after busyAt).
    expect(Date.parse(waiting.nextAttemptAt ?? '')).toBeGreaterThanOrEqual(busyAt + 1_900);
    await until((s) => s.state === 'synced');
    expect(Date.now() - busyAt).toBeGreaterThanOrEqual(1_900);
  });

  it('closing the batch settles it and advances the batch number', async () => {
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    await sell();
    await closeShift(services);
    const closed = await call(services, 'sync.closeBatch', {});
    expect(closed).toMatchObject({ batchNo: '000001', status: 'pending' });
    expect(closed.terminal.totals).toEqual({
      sale: { count: 1, amount: 350 },
      shift_open: { count: 1, amount: 0 },
      shift_close: { count: 1, amount: 0 },
      z_close: { count: 1, amount: 0 },
    });
    expect((await call(services, 'app.info', {})).batchNo).toBe('000002');
    await until((s) => s.pendingSettlements === 0);
    const [settled] = await call(services, 'sync.settlements', {});
    expect(settled).toMatchObject({ batchNo: '000001', status: 'balanced', host: null });
  });

  it('a host holding another chain raises the alarm; clearing it re-checks, never overwrites', async () => {
    await sell();
    // The host already holds a different seq 1 for this terminal ID (another till used it).
    const { bindTerminal, chain, batchOf, upload } = await import('@backoffice/host/test-support');
    const impostor = await bindTerminal({ host, clock: hostClock }, 'CTSHOP01');
    await upload(host, impostor, batchOf('CTSHOP01', chain(1)));
    await call(services, 'sync.bind', bindInput(await host.issueBindingCode(MERCHANT.merchantId)));
    let status = await until((s) => s.state === 'alarm');
    expect(status.alarm).toMatchObject({ code: 'cursor_mismatch', atSeq: 1 });
    await sell();
    await call(services, 'sync.clearAlarm', {});
    status = await until((s) => s.state === 'alarm' && !s.uploading);
    expect(status.alarm?.code).toBe('cursor_mismatch');
    expect(status.unsynced).toBe(3);
    expect(await host.entries('CTSHOP01')).toHaveLength(1);
  });
});

describe('FileSecretStore', () => {
  it('writes the secret readable by its owner only and narrows a widened mode', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'secret-')), 'terminal-secret');
    const store = new FileSecretStore(file);
    const secret = Buffer.alloc(32, 7);
    store.set(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    expect(store.get()).toEqual(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.get()).toBeNull();
    writeFileSync(file, '');
    expect(store.get()).toBeNull();
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
