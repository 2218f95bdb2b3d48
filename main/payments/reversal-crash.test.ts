import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import type { Till } from '../sync/sync-test-support';
import { filesWithCardData } from '../testing/card-data-scan';
import { onStdoutLines, spawnTsChild } from '../testing/ts-child';
import type { TestHost } from '@backoffice/host/test-host';
import { AuthorizationStore } from './authorization-store';
import type { AuthorizationStatus } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import { hostAccessOf, startPaymentTill } from './payment-test-support';

const child = fileURLToPath(new URL('./reversal-crash-child.ts', import.meta.url));

let host: TestHost;
let till: Till;
const authorizers: CardAuthorizer[] = [];
afterEach(async () => {
  for (const authorizer of authorizers.splice(0)) authorizer.stop();
  till.temp.dispose();
  await host.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits, yielding to the event loop, until `check` returns a value. */
async function until<T>(what: string, check: () => T | undefined, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The host's own record of one authorization and its reversal, from its store. */
function hostSide(authId: string) {
  const db = new Database(host.dbFile, { readonly: true });
  try {
    return db
      .prepare<[string], { outcome: string; amount: number; reversed: number | null }>(
        `SELECT a.outcome, a.amount, r.reversed FROM authorizations a
         LEFT JOIN reversals r ON r.terminal_id = a.terminal_id AND r.auth_id = a.auth_id
         WHERE a.auth_id = ?`,
      )
      .get(authId);
  } finally {
    db.close();
  }
}

describe('reversal (冲正) across a kill -9 between request and answer', () => {
  it('a till killed while the host holds its request reverses it at the next start', async () => {
    ({ host, till } = await startPaymentTill());
    const proc = spawnTsChild(child, [
      till.temp.file,
      host.url,
      till.credentials.terminalId,
      Buffer.from(till.credentials.secret).toString('base64'),
    ]);
    let output = '';
    onStdoutLines(proc, (line) => (output += `${line}\n`));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      proc.on('close', (_code, signal) => resolve(signal)),
    );

    // The request is at the host, unanswered: the moment between request and answer.
    await until(`the host to hold the request (child said: ${output})`, () =>
      host.heldOpen() === 1 ? true : undefined,
    );
    const store = new AuthorizationStore(till.temp.db);
    const [sent] = store.unresolved();
    expect(sent).toMatchObject({ status: 'sent', amount: 1_291, entryMode: 'swipe' });
    const authId = sent?.authId ?? '';
    expect(hostSide(authId)).toEqual({ outcome: 'no_answer', amount: 1_291, reversed: null });

    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // Nothing of the swipe survived the crash on disk: the track was in memory only.
    expect(filesWithCardData(till.temp.dir)).toEqual([]);

    // The next start of the till, on the same database.
    const authorizer = new CardAuthorizer({
      store,
      host: hostAccessOf(till, () => host.url),
      log: silentLogger,
      timeoutMs: 2_000,
      retry: { firstMs: 20, maxMs: 200 },
    });
    authorizers.push(authorizer);
    authorizer.start();
    const settled: AuthorizationStatus[] = ['reversed', 'not_reversed'];
    const done = await until('the reversal to be answered', () => {
      const record = store.get(authId);
      return record && settled.includes(record.status) ? record : undefined;
    });
    // The host never approved it, so it answers reversed: false, and both sides agree.
    expect(done.status).toBe('not_reversed');
    expect(hostSide(authId)).toEqual({ outcome: 'no_answer', amount: 1_291, reversed: 0 });
    expect(store.unresolved()).toEqual([]);
  });
});
