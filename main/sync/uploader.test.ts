import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { TestHost } from '@backoffice/host/test-host';
import type { LogFields } from '../log/logger';
import { sealEntry } from '../ledger/hash-chain';
import { buildBatch } from './batch-builder';
import { closeBatch } from './batch-closer';
import { startScriptedHost } from './scripted-host';
import type { ScriptedHost } from './scripted-host';
import { bindTill, cashEntry, startHost, TILL_TERMINAL_ID } from './sync-test-support';
import type { Till } from './sync-test-support';

let host: TestHost;
let till: Till;
const tills: Till[] = [];
const scripted: ScriptedHost[] = [];

const hostSeqs = async (): Promise<number[]> =>
  (await host.entries(TILL_TERMINAL_ID)).map((e) => e.seq);
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Inserts an entry with raw SQL, as only a corrupted or tampered ledger could hold it. */
function insertRawEntry(
  t: Till,
  seq: number,
  options: {
    amount: number;
    amountColumn?: number;
    hash?: string;
    detail?: Record<string, string>;
  },
): void {
  const entry = {
    ...cashEntry('sale', options.amount, '000001'),
    ...(options.detail ? { detail: options.detail } : {}),
  };
  const prevHash = t.ledger.head().hash;
  const sealed = sealEntry({ ...entry, seq, prevHash });
  const hash = options.hash ?? sealed.hash;
  const body = JSON.stringify({ ...(JSON.parse(sealed.body) as object), hash });
  t.temp.db
    .prepare(
      `INSERT INTO entries (seq, id, type, at, batch_no, currency, amount, ref_id, body, prev_hash, hash)
       VALUES (?, ?, 'sale', ?, '000001', 'CNY', ?, NULL, ?, ?, ?)`,
    )
    .run(seq, entry.id, entry.at, options.amountColumn ?? options.amount, body, prevHash, hash);
}

/** Deletes what the host holds for the till, behind its back: its entries and their day totals. */
function forgetHostEntries(h: TestHost): void {
  const db = new Database(h.dbFile);
  for (const table of ['entries', 'day_type_totals', 'day_tender_totals']) {
    db.prepare(`DELETE FROM ${table} WHERE terminal_id = ?`).run(TILL_TERMINAL_ID);
  }
  db.close();
}

const laterDelays = (results: Awaited<ReturnType<Till['drain']>>): number[] =>
  results.flatMap((r) => (r.next === 'later' ? [r.delayMs] : []));

async function newTill(options?: Parameters<typeof bindTill>[1]): Promise<Till> {
  const made = await bindTill(host, options);
  tills.push(made);
  return made;
}

async function scriptedTill(): Promise<{ till: Till; stub: ScriptedHost }> {
  const stub = await startScriptedHost();
  scripted.push(stub);
  return { till: await newTill({ hostUrl: stub.url, timeoutMs: 2_000 }), stub };
}

beforeEach(async () => {
  host = await startHost();
  till = await newTill();
});

afterEach(async () => {
  for (const t of tills.splice(0)) t.temp.dispose();
  for (const s of scripted.splice(0)) await s.close();
  await host.close();
});

describe('upstream-sync-v1 "Uploading": the answer table', () => {
  it('201: marks entries through acceptedThroughSeq as synced', async () => {
    till.commit(3);
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'idle' });
    expect(await hostSeqs()).toEqual([1, 2, 3]);
    expect(till.store.state().ackedSeq).toBe(3);
    expect(till.store.openBatch()).toBeNull();
  });

  it('starts at start-up by reading the cursor, and uploads in seq order across batches', async () => {
    till.commit(1_200);
    await till.drain();
    expect(await hostSeqs()).toEqual(range(1, 1_200));
    const batches = till.temp.db
      .prepare(
        "SELECT from_seq, to_seq FROM sync_batches WHERE status = 'accepted' ORDER BY from_seq",
      )
      .all();
    expect(batches).toEqual([
      { from_seq: 1, to_seq: 500 },
      { from_seq: 501, to_seq: 1000 },
      { from_seq: 1001, to_seq: 1200 },
    ]);
  });

  it('200 replay after a response lost once the host stored the batch: same key, same bytes, stored once', async () => {
    till.commit(4);
    await till.uploader.step(); // cursor
    host.setFaults({ dropAfterStore: { next: 1 } });
    const lost = await till.uploader.step();
    expect(lost.next).toBe('later');
    const open = till.store.openBatch();
    expect(open).toMatchObject({ fromSeq: 1, toSeq: 4, attempts: 1 });
    expect(till.store.state().ackedSeq).toBe(0);
    expect(await hostSeqs()).toEqual([1, 2, 3, 4]);

    await till.drain();
    expect(till.store.state().ackedSeq).toBe(4);
    expect(await hostSeqs()).toEqual([1, 2, 3, 4]);
    const closed = till.temp.db
      .prepare('SELECT status FROM sync_batches WHERE batch_id = ?')
      .get(open?.batchId);
    expect(closed).toEqual({ status: 'accepted' });
  });

  it('409 seq_gap: reads the cursor, counts what the host holds as synced and resends nothing of it', async () => {
    till.commit(3);
    await till.drain();
    // A stale position (as after restoring the till's database from a backup).
    till.store.setAcked(1, new Date().toISOString());
    till.commit(2);
    const results = await till.drain();
    expect(results[0]).toEqual({ next: 'now' }); // the seq_gap answer
    expect(await hostSeqs()).toEqual([1, 2, 3, 4, 5]);
    expect(till.store.state().ackedSeq).toBe(5);
    const abandoned = till.temp.db
      .prepare("SELECT from_seq FROM sync_batches WHERE status = 'abandoned'")
      .all();
    expect(abandoned).toEqual([{ from_seq: 2 }]);
  });

  it('409 idempotency_conflict: stops and raises the alarm', async () => {
    till.commit(2);
    await till.drain();
    const used = till.temp.db
      .prepare<[], { batch_id: string }>('SELECT batch_id FROM sync_batches')
      .get();
    till.commit(2);
    // A client bug on purpose: the accepted batch's id frozen again for other entries.
    const built = buildBatch(till.ledger, {
      batchId: used?.batch_id ?? '',
      terminalId: TILL_TERMINAL_ID,
      fromSeq: 3,
    });
    till.temp.db.prepare('DELETE FROM sync_batches').run();
    till.store.freezeBatch({
      batchId: built?.batchId ?? '',
      terminalId: TILL_TERMINAL_ID,
      fromSeq: 3,
      toSeq: 4,
      amountTotal: built?.amountTotal ?? 0,
      bodySha256: built?.bodySha256 ?? '',
      createdAt: new Date().toISOString(),
      attempts: 0,
    });
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(till.store.state().alarm).toMatchObject({ code: 'idempotency_conflict', atSeq: 3 });
    expect(await hostSeqs()).toEqual([1, 2]);
  });

  it('422 chain_broken: stops with an alarm and never rewrites either side', async () => {
    till.commit(2);
    await till.drain();
    // A corrupted row: its stored hash is not the hash of its body.
    insertRawEntry(till, 3, { amount: 300, hash: 'f'.repeat(64) });
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(till.store.state().alarm).toMatchObject({ code: 'chain_broken', atSeq: 3 });
    expect(await hostSeqs()).toEqual([1, 2]);
    // Stopped means stopped: nothing is sent until a person clears the alarm.
    expect(await till.uploader.step()).toEqual({ next: 'stopped', reason: 'alarm' });
  });

  it('422 totals_mismatch: stops with an alarm', async () => {
    till.commit(1);
    // The amount column disagrees with the body, so the batch's amountTotal is wrong.
    insertRawEntry(till, 2, { amount: 500, amountColumn: 999 });
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(till.store.state().alarm).toMatchObject({ code: 'totals_mismatch' });
    expect(await hostSeqs()).toEqual([]);
  });

  it('422 sensitive_data: stops with an alarm naming the path', async () => {
    insertRawEntry(till, 1, { amount: 100, detail: { note: 'card 4111111111111111' } });
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(till.store.state().alarm).toMatchObject({ code: 'sensitive_data' });
    expect(till.store.state().alarm?.path).toContain('note');
    expect(await hostSeqs()).toEqual([]);
  });

  it('429 and 503 with Retry-After: waits at least that long, then the same batch goes', async () => {
    till.commit(2);
    await till.uploader.step(); // cursor
    host.setFaults({ fail429: { next: 1, retryAfterS: 7 } });
    const busy = await till.uploader.step();
    expect(busy.next).toBe('later');
    expect(busy.next === 'later' && busy.delayMs).toBeGreaterThanOrEqual(7_000);
    expect(busy.next === 'later' && busy.delayMs).toBeLessThan(8_000);
    host.setFaults({ fail503: { next: 1, retryAfterS: 42 } });
    const unavailable = await till.uploader.step();
    expect(unavailable.next === 'later' && unavailable.delayMs).toBeGreaterThanOrEqual(42_000);
    expect(till.store.openBatch()).toMatchObject({ fromSeq: 1, toSeq: 2, attempts: 2 });
    await till.drain();
    expect(await hostSeqs()).toEqual([1, 2]);
  });

  it('other 5xx: retries the same batch after 1 s doubling, capped at 300 s, and logs each', async () => {
    const lines: { message: string; fields: LogFields }[] = [];
    const record = (message: string, fields: LogFields = {}) => lines.push({ message, fields });
    const logged = await newTill({ log: { info: record, warn: record, error: record } });
    logged.commit(2);
    await logged.uploader.step(); // cursor
    host.setFaults({ fail500: { next: 11 } });
    const results = await logged.drain();
    const failures = lines.filter((l) => l.message === 'upload failed, will retry');
    expect(failures.map((l) => l.fields.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(failures[0]?.fields).toMatchObject({
      code: 'http_500',
      detail: 'HTTP 500',
      retryInMs: 1_250,
    });
    expect(lines.at(-1)).toMatchObject({
      message: 'upload working again',
      fields: { failedAttempts: 11 },
    });
    // No secret, signature or body in any line.
    const secret = Buffer.from(logged.credentials.secret).toString('base64');
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(JSON.stringify(lines)).not.toMatch(/POS-HMAC|sig=/);
    // random() is 0.5 here: each wait is its doubled step and a quarter, at most 300 s.
    expect(laterDelays(results)).toEqual([
      1_250, 2_500, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(await hostSeqs()).toEqual([1, 2]);
    expect(logged.temp.db.prepare('SELECT count(*) AS n FROM sync_batches').get()).toEqual({
      n: 1,
    });
  });

  it('a timeout is an unknown outcome: the resend finds the batch stored and is not duplicated', async () => {
    const slow = await newTill({ timeoutMs: 150 });
    slow.commit(3);
    await slow.uploader.step(); // cursor
    host.setFaults({ delayMs: 400 });
    expect((await slow.uploader.step()).next).toBe('later');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the host finishes storing
    host.setFaults({ delayMs: 0 });
    await slow.drain();
    expect(slow.store.state().ackedSeq).toBe(3);
    expect((await host.entries(TILL_TERMINAL_ID)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('a host restart mid-upload (connections reset) is retried until stored', async () => {
    till.commit(3);
    await till.uploader.step(); // cursor
    await host.restart();
    await till.drain();
    expect(await hostSeqs()).toEqual([1, 2, 3]);
  });

  it('duplicate delivery at the host changes nothing', async () => {
    host.setFaults({ duplicateDelivery: true });
    till.commit(5);
    await till.drain();
    expect(await hostSeqs()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('upstream-sync-v1 "Authentication": clock skew', () => {
  it('corrects the offset from serverTime and retries; entry times never change', async () => {
    till.commit(2);
    const before = till.ledger.entriesFrom(1, 2).map((e) => e.at);
    host.setFaults({ clockSkewS: 3_600 });
    const results = await till.drain();
    expect(results.at(-1)).toEqual({ next: 'idle' });
    expect(till.clock.offset()).toBeGreaterThanOrEqual(3_599);
    expect(await hostSeqs()).toEqual([1, 2]);
    expect((await host.entries(TILL_TERMINAL_ID)).map((e) => e.at)).toEqual(before);
  });
});

describe('upstream-sync-v1 "Cursor"', () => {
  it('after a crash with a batch in flight, a cursor past the batch marks it synced, unsent', async () => {
    till.commit(3);
    await till.uploader.step(); // cursor
    host.setFaults({ dropAfterStore: { next: 1 } });
    await till.uploader.step(); // stored, answer lost
    till.restart();
    const results = await till.drain();
    expect(results).toEqual([{ next: 'now' }, { next: 'idle' }]);
    expect(till.store.state().ackedSeq).toBe(3);
    expect(till.store.openBatch()).toBeNull();
  });

  it('a host holding other entries at the same seq raises cursor_mismatch', async () => {
    till.commit(3);
    await till.drain();
    const other = await newTill(); // rebinds the same terminal ID with another ledger
    other.commit(4);
    const results = await other.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(other.store.state().alarm).toMatchObject({ code: 'cursor_mismatch', atSeq: 3 });
    expect(await hostSeqs()).toEqual([1, 2, 3]);
  });

  it('a host ahead of the till raises cursor_ahead', async () => {
    till.commit(3);
    await till.drain();
    const fresh = await newTill(); // the same terminal ID, an empty ledger
    fresh.commit(1);
    const results = await fresh.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(fresh.store.state().alarm).toMatchObject({ code: 'cursor_ahead', atSeq: 3 });
  });

  it('a host that lost entries gets them again from its lastSeq + 1', async () => {
    till.commit(3);
    await till.drain();
    // The till believes more is synced than the host now holds (host restored from backup).
    till.commit(2);
    till.store.setAcked(5, new Date().toISOString());
    till.restart();
    await till.drain();
    expect(await hostSeqs()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('bad answers are unknown outcomes, never success', () => {
  const accepted = (batchId: string, through: number): string =>
    JSON.stringify({ batchId, acceptedThroughSeq: through, receivedAt: new Date().toISOString() });

  it.each([
    ['malformed JSON', () => ({ status: 201, body: '{"batchId": ' })],
    ['wrong types', () => ({ status: 201, body: '{"batchId": 7, "acceptedThroughSeq": "2"}' })],
    ['an answer for another batch', () => ({ status: 201, body: accepted(randomUUID(), 2) })],
    ['a seq beyond the batch', () => ({ status: 200, body: 'BATCH:9' })],
    ['a 413 without the spec body', () => ({ status: 413, body: 'too big' })],
    ['a 429 without Retry-After', () => ({ status: 429, body: '' })],
    ['a 404', () => ({ status: 404, body: '{"error":"not_found"}' })],
  ])('%s', async (_name, reply) => {
    const { till: t, stub } = await scriptedTill();
    t.commit(2);
    stub.script({ status: 200, body: JSON.stringify({ lastSeq: 0, headHash: '0'.repeat(64) }) });
    await t.uploader.step(); // cursor
    const scriptedReply = reply();
    const open = (): string => t.store.openBatch()?.batchId ?? '';
    // The batch is frozen on the first step; the reply may need its id.
    stub.script({ reset: true });
    expect((await t.uploader.step()).next).toBe('later');
    const body = scriptedReply.body === 'BATCH:9' ? accepted(open(), 9) : scriptedReply.body;
    stub.script({ status: scriptedReply.status, body });
    const result = await t.uploader.step();
    expect(result.next).toBe('later');
    expect(t.store.state().ackedSeq).toBe(0);
    expect(t.store.openBatch()?.batchId).toBe(open());
    // Every try carried the same key and the same bytes.
    const uploads = stub.requests.filter((r) => r.path === '/v1/batches');
    expect(uploads).toHaveLength(2);
    expect(new Set(uploads.map((r) => r.body)).size).toBe(1);
    expect(new Set(uploads.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('413 too_large from the spec is a client bug: alarm', async () => {
    const { till: t, stub } = await scriptedTill();
    t.commit(1);
    stub.script(
      { status: 200, body: JSON.stringify({ lastSeq: 0, headHash: '0'.repeat(64) }) },
      { status: 413, body: '{"error":"too_large"}' },
    );
    const results = await t.drain();
    expect(results.at(-1)).toEqual({ next: 'stopped', reason: 'alarm' });
    expect(t.store.state().alarm).toMatchObject({ code: 'too_large' });
  });

  it('signs with POS-HMAC over method, path, ts and the body hash', async () => {
    const { till: t, stub } = await scriptedTill();
    stub.script({ status: 200, body: JSON.stringify({ lastSeq: 0, headHash: '0'.repeat(64) }) });
    await t.uploader.step();
    expect(stub.requests[0]?.headers.authorization).toMatch(
      /^POS-HMAC terminalId=CTTEST01, ts=\d+, sig=[0-9a-f]{64}$/,
    );
  });
});

describe('upstream-sync-v1 "Settlement"', () => {
  const close = (t: Till) =>
    t.ledger.commit((tx) =>
      closeBatch({
        db: t.temp.db,
        tx,
        identity: t.identity,
        store: t.store,
        currency: 'CNY',
        now: new Date(),
      }),
    );

  it('balanced: sent after the z_close is accepted; the batch number had advanced at the close', async () => {
    till.commit(3);
    till.commit(1, () => 150, 'refund');
    till.commit(1, () => 40, 'pay_out');
    const closed = close(till);
    expect(closed).toEqual({ batchNo: '000001', zSeq: 6, nextBatchNo: '000002' });
    till.commit(2); // the next day's sales, batch 000002
    await till.drain();
    const [latest] = till.store.settlements(1);
    expect(latest).toMatchObject({ batchNo: '000001', status: 'balanced' });
    expect(JSON.parse(latest?.body ?? '{}')).toEqual({
      batchNo: '000001',
      throughSeq: 6,
      totals: {
        sale: { count: 3, amount: 600 },
        refund: { count: 1, amount: -150 },
        pay_out: { count: 1, amount: -40 },
        z_close: { count: 1, amount: 0 },
      },
      byMethod: { cash: 410 },
    });
    expect((await host.entries(TILL_TERMINAL_ID)).at(-1)?.batchNo).toBe('000002');
  });

  it('unbalanced: the host totals are kept beside the terminal totals', async () => {
    till.commit(2);
    close(till);
    // Make the frozen request disagree with the entries (a stand-in for a host-side difference).
    const row = till.store.nextPendingSettlement();
    const tampered = JSON.stringify({
      ...(JSON.parse(row?.body ?? '{}') as object),
      byMethod: { cash: 1 },
    });
    till.temp.db.prepare('UPDATE settlements SET body = ?').run(tampered);
    await till.drain();
    const [latest] = till.store.settlements(1);
    expect(latest?.status).toBe('unbalanced');
    expect(JSON.parse(latest?.answer ?? '{}')).toMatchObject({
      status: 'unbalanced',
      hostByMethod: { cash: 300 },
    });
  });

  it('409 not_synced: reads the cursor, uploads what is missing, then settles', async () => {
    till.commit(2);
    close(till);
    await till.uploader.step(); // cursor
    await till.uploader.step(); // entries 1..3 accepted
    forgetHostEntries(host); // the host restored from a backup meanwhile
    const results = await till.drain();
    expect(laterDelays(results)).toHaveLength(1); // the not_synced answer
    expect(await hostSeqs()).toEqual([1, 2, 3]);
    expect(till.store.settlements(1)[0]?.status).toBe('balanced');
  });

  it('retries the settlement byte-identical across a lost response', async () => {
    till.commit(2);
    close(till);
    await till.uploader.step(); // cursor
    await till.uploader.step(); // upload
    host.setFaults({ dropAfterStore: { next: 1 } });
    expect((await till.uploader.step()).next).toBe('later');
    await till.drain();
    expect(till.store.settlements(1)[0]?.status).toBe('balanced');
  });
});
