import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCards } from '@app/card/test-cards';
import { startSerialMagstripeSim } from '../sim/magstripe-sim';
import type { SerialMagstripeSim } from '../sim/magstripe-sim';
import type { MagstripeEvents, MagstripeReader } from './reader';
import { openSerialMagstripeReader } from './serial-reader';

const now = () => ({ year: 2026, month: 6 });
const allPans = Object.values(testCards).map((c) => c.pan);

type Seen = {
  [E in keyof MagstripeEvents]: { event: E; payload: MagstripeEvents[E] };
}[keyof MagstripeEvents];

/** Collects every event; next() waits for the next one (no sleeps). */
function record(reader: MagstripeReader) {
  const seen: Seen[] = [];
  let waiter: (() => void) | undefined;
  const push = (item: Seen) => {
    seen.push(item);
    waiter?.();
  };
  reader.on('swipe', (payload) => push({ event: 'swipe', payload }));
  reader.on('swipe-error', (payload) => push({ event: 'swipe-error', payload }));
  reader.on('unplugged', (payload) => push({ event: 'unplugged', payload }));
  let taken = 0;
  const next = async (): Promise<Seen> => {
    while (seen.length <= taken) {
      await new Promise<void>((resolve) => (waiter = resolve));
    }
    taken += 1;
    return seen[taken - 1]!;
  };
  return { seen, next };
}

/** Everything a listener could print or send on: no full PAN may be in it. */
function expectNoPan(value: unknown): void {
  const shown = `${inspect(value, { depth: 10 })}\n${JSON.stringify(value)}`;
  for (const pan of allPans) expect(shown).not.toContain(pan);
}

describe('serial magstripe reader over a socat pty pair', () => {
  const link = join(tmpdir(), `ct-msr-test-${process.pid}`);
  let sim: SerialMagstripeSim;
  let reader: MagstripeReader;
  let events: ReturnType<typeof record>;
  const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
    vi.spyOn(console, name),
  );

  beforeAll(async () => {
    sim = await startSerialMagstripeSim({ link });
    reader = await openSerialMagstripeReader({ path: sim.readerPath, partialTimeoutMs: 150, now });
    events = record(reader);
  });

  afterEach(() => {
    expectNoPan(events.seen);
    for (const spy of consoleSpies) expectNoPan(spy.mock.calls);
  });

  afterAll(async () => {
    await reader.close();
    await sim.close();
    expect(existsSync(link)).toBe(false);
  });

  it('reads a good swipe of both tracks as a masked card', async () => {
    await sim.swipe('visa');
    const seen = await events.next();
    if (seen.event !== 'swipe') throw new Error(`expected a swipe, got ${seen.event}`);
    expect(seen.payload.card).toEqual({
      maskedPan: '411111******1111',
      brand: 'visa',
      kind: 'unknown',
      expiry: { year: 2030, month: 12 },
      serviceCode: '101',
    });
    expectNoPan(seen);
    // The one place the data may come out, and only once.
    expect(seen.payload.track2.take()).toBe('4111111111111111=3012101000000000');
    expect(() => seen.payload.track2.take()).toThrow();
  });

  it('reads a UnionPay card with only track 2, with LRC', async () => {
    await sim.swipe('unionpayDebit', { track1: false, lrc: true });
    expect(await events.next()).toMatchObject({
      event: 'swipe',
      payload: { card: { maskedPan: '622202*********0000', brand: 'unionpay', kind: 'debit' } },
    });
  });

  it('reports a bad LRC', async () => {
    await sim.swipeBadLrc('visa');
    expect(await events.next()).toMatchObject({
      event: 'swipe-error',
      payload: { code: 'lrc_mismatch' },
    });
  });

  it('reassembles a jittery swipe', async () => {
    await sim.swipeJittery('unionpayDebit2', 42);
    expect(await events.next()).toMatchObject({
      event: 'swipe',
      payload: { card: { maskedPan: '622202*********0128' } },
    });
  });

  it('drops a partial swipe after the timeout, then reads the next one', async () => {
    await sim.swipePartial('visa');
    expect(await events.next()).toMatchObject({
      event: 'swipe-error',
      payload: { code: 'swipe_incomplete' },
    });
    await sim.swipe('visaDeclined');
    expect(await events.next()).toMatchObject({
      event: 'swipe',
      payload: { card: { maskedPan: '400000******0002' } },
    });
  });

  it('reports an expired card', async () => {
    await sim.swipe({ ...testCards.visa, expiry: '2512' });
    expect(await events.next()).toMatchObject({
      event: 'swipe-error',
      payload: { code: 'card_expired' },
    });
  });
});

describe('serial reader unplugged', () => {
  it('reports unplugged when the port goes away', async () => {
    const sim = await startSerialMagstripeSim({
      link: join(tmpdir(), `ct-msr-unplug-${process.pid}`),
    });
    const reader = await openSerialMagstripeReader({ path: sim.readerPath, now });
    const events = record(reader);
    await sim.close();
    expect(await events.next()).toMatchObject({ event: 'unplugged' });
    await reader.close();
  });

  it('reports unplugged when the device node disappears though reads have not failed', async () => {
    const link = join(tmpdir(), `ct-msr-gone-${process.pid}`);
    const sim = await startSerialMagstripeSim({ link });
    const reader = await openSerialMagstripeReader({ path: sim.readerPath, now });
    const events = record(reader);
    await rm(link); // the pty itself stays open: only the path watch can tell
    expect(await events.next()).toMatchObject({
      event: 'unplugged',
      payload: { reason: `${link} is gone` },
    });
    await reader.close();
    await sim.close();
  });

  it('says which path failed to open', async () => {
    await expect(openSerialMagstripeReader({ path: '/nonexistent/ct-msr' })).rejects.toThrow(
      /Card reader \/nonexistent\/ct-msr/,
    );
  });
});
