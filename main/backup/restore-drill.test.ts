import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CommandName, CommandOutput, EventName } from '@app/api/contract';
import type { Result } from '@app/result';
import { startBrowserHost } from '../host/browser-host';
import type { BrowserHost } from '../host/browser-host';
import { LedgerStore } from '../ledger/ledger-store';
import type { Services } from '../services';
import { TEST_OWNER, signInOwner } from '../testing/temp-services';
import { restartableTempServices, sellCash, tempFolder } from './backup-test-support';

const TOKEN = 'd'.repeat(48);
let host: BrowserHost | null = null;
let services: Services | null = null;
afterEach(async () => {
  await host?.close();
  await services?.close();
  host = null;
  services = null;
});

/** A screen's connection to the browser host: commands by id, and the events it is sent. */
async function client(url: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api?token=${TOKEN}`, { origin: url });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let next = 1;
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data: Buffer) =>
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>),
  );
  const waitFor = async (match: (m: Record<string, unknown>) => boolean, from = 0) => {
    const until = Date.now() + 60_000;
    for (;;) {
      const found = messages.slice(from).find(match);
      if (found) return found;
      if (Date.now() > until) throw new Error('no such message from the host');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    async invoke<K extends CommandName>(
      command: K,
      input: unknown,
    ): Promise<Result<CommandOutput<K>>> {
      const id = next++;
      ws.send(JSON.stringify({ type: 'invoke', id, command, input }));
      const message = await waitFor((m) => m.type === 'result' && m.id === id);
      return message.result as Result<CommandOutput<K>>;
    },
    /** The first `name` event from message number `from` on. */
    /** A command's value; a refusal fails the test with its code. */
    async call<K extends CommandName>(command: K, input: unknown): Promise<CommandOutput<K>> {
      const result = await this.invoke(command, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    event: (name: EventName, from = 0) =>
      waitFor((m) => m.type === 'event' && m.event === name, from),
    /** How many messages have arrived so far. */
    mark: () => messages.length,
    indexOf: (message: Record<string, unknown>) => messages.indexOf(message),
    close: () => ws.close(),
  };
}

/** Garbage over the pages of the entries table (and its indexes), as a failing disk writes. */
function overwriteEntryPages(file: string): void {
  const db = new Database(file, { readonly: true });
  const pages = db
    .prepare<[], { pageno: number }>(
      "SELECT pageno FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'entries')",
    )
    .all();
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  for (const { pageno } of pages) {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pageno - 1) * pageSize);
  }
  closeSync(fd);
}

/** As the idle checkpoint does: the WAL folded into the file, so the damage hits the data. */
function foldWal(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** What is on the disk now, read past the till's own cache. */
function onDisk(file: string): { integrity: string; chainOk: boolean } {
  try {
    const db = new Database(file, { readonly: true });
    try {
      const integrity = String(db.pragma('integrity_check', { simple: true }));
      return { integrity, chainOk: new LedgerStore(db).verify().ok };
    } finally {
      db.close();
    }
  } catch (error) {
    return { integrity: String(error), chainOk: false };
  }
}

const damages: [string, (file: string) => void][] = [
  ['pages overwritten', overwriteEntryPages],
  // The tail lost: staff and settings (written first) still read, so the owner can sign in.
  ['the file truncated', (file) => truncateSync(file, Math.floor(statSync(file).size / 2))],
];

describe('the restore drill, through the browser host', () => {
  it.each(damages)(
    'back up, %s, restore: the chain verifies and every sale is there',
    async (_, damage) => {
      const { services: running, dataDir } = restartableTempServices();
      services = running;
      await signInOwner(running);
      const rendererDir = mkdtempSync(join(tmpdir(), 'countertop-renderer-'));
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
      host = await startBrowserHost({ services: running, rendererDir, token: TOKEN });
      const screen = await client(host.url);

      const sold = await sellCash(running, 5);
      const folder = tempFolder('stick');
      await screen.call('backup.configure', { folder, hour: 2, keepDays: 7 });
      const backedUp = await screen.call('backup.run', {});
      const name = backedUp.last!.name!;
      const [copy] = await screen.call('backup.list', {});
      const beforeLost = screen.mark();
      const lost = await sellCash(running, 1);

      // The disk fails under the running till, once its receipts and the upload step the sale
      // scheduled are done (a timer meeting a damaged ledger is the fault-containment tests'
      // business). The sale reports the upload status at once, the step when it has run.
      const first = await screen.event('sync.status', beforeLost);
      await screen.event('sync.status', screen.indexOf(first) + 1);
      await running.idle();
      const ledgerFile = join(dataDir, 'ledger.sqlite');
      foldWal(ledgerFile);
      damage(ledgerFile);
      const damaged = onDisk(ledgerFile);
      expect(damaged.integrity === 'ok' && damaged.chainOk).toBe(false);

      const outcome = await screen.call('backup.restore', { name });
      expect(outcome).toMatchObject({ ok: true, name });
      expect(await screen.event('backup.restored')).toMatchObject({
        payload: { ok: true, name, asideDir: outcome.asideDir },
      });

      // The same connection goes on, on the restored ledger; everyone signs in again.
      expect(await screen.call('session.status', {})).toMatchObject({
        state: 'signedOut',
      });
      const owner = (await screen.call('session.users', {})).find((u) => u.role === 'owner')!;
      await screen.call('session.login', { userId: owner.id, pin: TEST_OWNER.pin });
      const health = await screen.call('diagnostics.database', { full: true });
      expect(health.integrity.ok).toBe(true);
      expect(health.chain).toEqual({ ok: true, count: copy!.headSeq, headHash: copy!.headHash });
      const listed = (await screen.call('sale.list', { limit: 50 })).map((s) => s.id);
      expect(listed.sort()).toEqual([...sold].sort());
      expect(listed).not.toContain(lost[0]);
      expect(onDisk(ledgerFile)).toEqual({ integrity: 'ok', chainOk: true });
      // The damaged ledger is kept aside, not deleted; the till sells on.
      expect(existsSync(join(outcome.asideDir!, 'ledger.sqlite'))).toBe(true);
      await screen.call('shift.open', { floatMinor: 0 }).catch(() => undefined);
      expect(await sellCash(running, 1)).toHaveLength(1);
      screen.close();
    },
  );
});
