import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchAcceptedSchema } from '@app/sync/protocol';
import { batchOf, bindTerminal, call, chain, rechain, startFixture, upload } from './test-support';
import { sealEntry } from './chain';
import { storeDialects } from '../testing/dialects';
import type { HostFixture, Terminal } from './test-support';

let fixture: HostFixture;
let terminal: Terminal;

const cursor = async () => (await call(fixture.host, 'GET', '/v1/cursor', { terminal })).body;

// upstream-sync-v1 "Uploading", the host answer table row by row.
describe.each(storeDialects())('on %s', (_dialect, database) => {
  beforeEach(async () => {
    fixture = await startFixture(database());
    terminal = await bindTerminal(fixture);
  });
  afterEach(async () => {
    await fixture.host.close();
  });

  describe('POST /v1/batches', () => {
    it('stores a batch: 201 with batchId, acceptedThroughSeq and receivedAt', async () => {
      const entries = chain(3);
      const batch = batchOf(terminal.terminalId, entries);
      const answer = await upload(fixture.host, terminal, batch);
      expect(answer.status).toBe(201);
      expect(batchAcceptedSchema.parse(answer.body)).toEqual({
        batchId: batch.batchId,
        acceptedThroughSeq: 3,
        receivedAt: '2026-11-22T10:00:00.000Z',
      });
      expect(await fixture.host.entries(terminal.terminalId)).toEqual(entries);
      expect(await cursor()).toEqual({ lastSeq: 3, headHash: entries[2]!.hash });
    });

    it('stores each entry byte for byte: quotes, backslashes, Chinese, line separators', async () => {
      const entries = chain(3, {
        detail: (seq) => ({ note: `"${seq}" \\ C:\\tmp 找零 \u2028 \n ${'€'.repeat(seq)}` }),
      });
      expect(
        (await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries))).status,
      ).toBe(201);
      expect(await fixture.host.entries(terminal.terminalId)).toEqual(entries);
      const bodies = await fixture.host.db.query<{ body: string }>(
        'SELECT body FROM entries ORDER BY seq',
      );
      expect(bodies.map((row) => row.body)).toEqual(entries.map((e) => sealEntry(e).body));
    });

    it('continues the chain in the next batch', async () => {
      const entries = chain(5);
      expect(
        (await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries.slice(0, 2))))
          .status,
      ).toBe(201);
      expect(
        (await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries.slice(2))))
          .status,
      ).toBe(201);
      expect(await fixture.host.entries(terminal.terminalId)).toEqual(entries);
    });

    it('answers a replay (same key, same body) with 200 and the first body, storing nothing', async () => {
      const batch = batchOf(terminal.terminalId, chain(2));
      const first = await upload(fixture.host, terminal, batch);
      fixture.clock.ms += 60_000;
      const replay = await upload(fixture.host, terminal, batch);
      expect(replay).toMatchObject({ status: 200, body: first.body });
      expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(2);
    });

    it('answers 409 idempotency_conflict to the same key with another body', async () => {
      const batch = batchOf(terminal.terminalId, chain(2));
      await upload(fixture.host, terminal, batch);
      const other = batchOf(
        terminal.terminalId,
        chain(1, { fromSeq: 3, prevHash: batch.entries[1]!.hash }),
        batch.batchId,
      );
      expect(await upload(fixture.host, terminal, other)).toMatchObject({
        status: 409,
        body: { error: 'idempotency_conflict' },
      });
    });

    it('answers 409 seq_gap with expectedSeq when fromSeq is not lastSeq + 1', async () => {
      const entries = chain(4);
      const ahead = batchOf(terminal.terminalId, entries.slice(1));
      expect(await upload(fixture.host, terminal, ahead)).toMatchObject({
        status: 409,
        body: { error: 'seq_gap', expectedSeq: 1 },
      });
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries.slice(0, 2)));
      // An overlapping resend under a new key, even of entries the host holds identically.
      const overlap = batchOf(terminal.terminalId, entries.slice(1));
      expect(await upload(fixture.host, terminal, overlap)).toMatchObject({
        status: 409,
        body: { error: 'seq_gap', expectedSeq: 3 },
      });
      expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(2);
    });

    it('answers 422 chain_broken at a tampered hash, a wrong prevHash or a seq out of order', async () => {
      const entries = chain(3);
      const tampered = entries.map((e) =>
        e.seq === 2
          ? { ...e, amount: 9999, tenders: [{ method: 'cash' as const, amount: 9999 }] }
          : e,
      );
      expect(
        await upload(fixture.host, terminal, batchOf(terminal.terminalId, tampered)),
      ).toMatchObject({
        status: 422,
        body: { error: 'chain_broken', atSeq: 2 },
      });
      const wrongPrev = rechain(entries, 'f'.repeat(64));
      expect(
        await upload(fixture.host, terminal, batchOf(terminal.terminalId, wrongPrev)),
      ).toMatchObject({
        status: 422,
        body: { error: 'chain_broken', atSeq: 1 },
      });
      await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries.slice(0, 1)));
      // A valid chain of its own, but not linked to the host's head.
      const unlinked = chain(2, { fromSeq: 2 });
      expect(
        await upload(fixture.host, terminal, batchOf(terminal.terminalId, unlinked)),
      ).toMatchObject({
        status: 422,
        body: { error: 'chain_broken', atSeq: 2 },
      });
      // Entries out of seq order: the first is not fromSeq.
      const swapped = {
        ...batchOf(terminal.terminalId, [entries[2]!, entries[1]!]),
        fromSeq: 2,
        toSeq: 3,
      };
      expect(await upload(fixture.host, terminal, swapped)).toMatchObject({
        status: 422,
        body: { error: 'chain_broken', atSeq: 3 },
      });
      expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(1);
    });

    it('answers 422 totals_mismatch when count, seq range, amountTotal or tenders disagree', async () => {
      const batch = batchOf(terminal.terminalId, chain(2));
      const wrongCount = { ...batch, count: 3, toSeq: 3 };
      const wrongRange = { ...batch, toSeq: 3 };
      const wrongTotal = { ...batch, amountTotal: batch.amountTotal + 1 };
      const e = chain(1)[0]!;
      const badTenders = rechain([{ ...e, tenders: [{ method: 'cash', amount: e.amount - 1 }] }]);
      for (const bad of [
        wrongCount,
        wrongRange,
        wrongTotal,
        batchOf(terminal.terminalId, badTenders),
      ]) {
        expect(await upload(fixture.host, terminal, bad)).toMatchObject({
          status: 422,
          body: { error: 'totals_mismatch' },
        });
      }
      expect(await fixture.host.entries(terminal.terminalId)).toHaveLength(0);
    });

    it('answers 422 sensitive_data with the path of the card number', async () => {
      const entries = chain(3, {
        detail: (seq) => ({ note: seq === 2 ? 'card 4111 1111 1111 1111' : 'ok' }),
      });
      expect(
        await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries)),
      ).toMatchObject({
        status: 422,
        body: { error: 'sensitive_data', path: 'entries[1].detail.note' },
      });
      const barcodes = chain(1, {
        detail: () => ({ barcode: '69012345678906', card: '622202******0128' }),
      });
      expect(
        (await upload(fixture.host, terminal, batchOf(terminal.terminalId, barcodes))).status,
      ).toBe(201);
    });

    it('answers 413 too_large past 1 MiB', async () => {
      const raw = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
      const answer = await call(fixture.host, 'POST', '/v1/batches', {
        terminal,
        raw,
        idempotencyKey: randomUUID(),
      });
      expect(answer).toMatchObject({ status: 413, body: { error: 'too_large' } });
    });

    it('answers 413 too_large past 500 entries, and stores 500', async () => {
      const entries = chain(501, { detail: () => ({}) });
      const over = await upload(fixture.host, terminal, batchOf(terminal.terminalId, entries));
      expect(over).toMatchObject({ status: 413, body: { error: 'too_large' } });
      const full = await upload(
        fixture.host,
        terminal,
        batchOf(terminal.terminalId, entries.slice(0, 500)),
      );
      expect(full).toMatchObject({ status: 201, body: { acceptedThroughSeq: 500 } });
    });

    it('answers 400 to a body that is not a batch, or a batch of another terminal', async () => {
      const answer = await call(fixture.host, 'POST', '/v1/batches', {
        terminal,
        body: { a: 1 },
        idempotencyKey: randomUUID(),
      });
      expect(answer.status).toBe(400);
      const foreign = batchOf('OTHER000', chain(1));
      expect((await upload(fixture.host, terminal, foreign)).status).toBe(400);
    });
  });
});
