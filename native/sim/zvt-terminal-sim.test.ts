import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENCY_CNY } from '../zvt/ecr-commands';
import type { ZvtLink } from '../zvt/link';
import { ZvtLinkError } from '../zvt/link';
import type { ZvtEvent, ZvtResult } from '../zvt/results';
import { openSerialTerminal } from '../zvt/serial-link';
import { connectTcpTerminal } from '../zvt/tcp-link';
import { createZvtClient } from '../zvt/zvt-client';
import type { ZvtClientOptions } from '../zvt/zvt-client';
import { startSocatPtyPair } from './socat-pty-pair';
import { startZvtTerminalSim } from './zvt-terminal-sim';
import type { ZvtSimBehaviour, ZvtTerminalSim } from './zvt-terminal-sim';

const FULL_PAN = '4761739001010010';
let sim: ZvtTerminalSim | null = null;
let link: ZvtLink | null = null;

afterEach(async () => {
  await link?.close();
  link = null;
  await sim?.close();
  sim = null;
});

async function connect(
  behaviour: ZvtSimBehaviour = 'approve',
  options: ZvtClientOptions = {},
  stepDelayMs = 5,
) {
  sim = await startZvtTerminalSim({ port: 0, behaviour, stepDelayMs });
  link = await connectTcpTerminal({ host: '127.0.0.1', port: sim.port });
  return createZvtClient(link, { answerTimeoutMs: 2000, ...options });
}

const collect = () => {
  const events: ZvtEvent[] = [];
  return { events, onEvent: (event: ZvtEvent) => events.push(event) };
};
const statuses = (events: ZvtEvent[]) =>
  events.flatMap((e) => (e.kind === 'intermediate-status' ? [e.status] : []));
const neverShowsFullPan = (result: ZvtResult<unknown>) =>
  expect(JSON.stringify(result)).not.toContain(FULL_PAN);

describe('ZVT over TCP against the simulated terminal', () => {
  it('registers and learns the terminal ID', async () => {
    const client = await connect();
    const result = await client.register();
    expect(result).toMatchObject({ ok: true, value: { terminalId: '52001233', currency: 978 } });
    expect(sim?.commands()[0]).toMatchObject({ kind: 'registration', configByte: 0xbe });
  });

  it('approves a payment, reports progress, collects both receipts and masks the card', async () => {
    const client = await connect();
    const { events, onEvent } = collect();
    const result = await client.authorize(1234, { onEvent });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.terminalPrinted).toBe(true);
    expect(result.value.info).toMatchObject({
      resultCode: 0,
      amountMinor: 1234,
      receiptNo: 1,
      maskedPan: '476173******0010',
      cardName: 'VISA',
      terminalId: '52001233',
    });
    expect(statuses(events)).toEqual(['insert-card', 'please-wait', 'waiting-for-host']);
    expect(result.receipts.map((r) => r.kind)).toEqual(['merchant', 'customer']);
    expect(result.receipts[1]?.lines).toContain('EUR 12.34');
    neverShowsFullPan(result);
    expect(JSON.stringify(events)).not.toContain(FULL_PAN);
  });

  it('sends the currency when it is not EUR', async () => {
    const client = await connect('approve', { currency: CURRENCY_CNY });
    expect((await client.authorize(500)).ok).toBe(true);
    expect(sim?.commands()).toEqual([{ kind: 'authorization', amountMinor: 500, currency: 156 }]);
  });

  it('reports a decline with its reason in both languages', async () => {
    const client = await connect('decline');
    const result = await client.authorize(1000);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'declined', reason: 'declined-by-bank', resultCode: 5 },
    });
    if (!result.ok && result.error.code === 'declined') {
      expect(result.error.message.zh).toContain('银行拒绝');
    }
    neverShowsFullPan(result);
  });

  it('times out when the terminal goes silent, so the caller can reverse', async () => {
    const client = await connect('timeout', { answerTimeoutMs: 150 });
    const result = await client.authorize(1000);
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', phase: 'answer' } });
    expect(client.busy).toBe(false);
  });

  it('approves when the terminal printer is out of paper, and says so', async () => {
    const client = await connect('paper-out');
    const result = await client.authorize(1000);
    expect(result).toMatchObject({
      ok: true,
      value: { terminalPrinted: false, info: { resultCode: 0 } },
    });
  });

  it('reports a card pulled mid-payment as a decline', async () => {
    const client = await connect('card-removed');
    const { events, onEvent } = collect();
    const result = await client.authorize(1000, { onEvent });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'declined', reason: 'processing-error', resultCode: 0x66 },
    });
    expect(statuses(events)).toEqual(['insert-card', 'remove-card']);
  });

  it('cancels a running payment when the cashier aborts', async () => {
    const client = await connect('approve', {}, 200);
    const result = await client.authorize(1000, {
      onEvent: (event) => {
        if (event.kind === 'intermediate-status') void client.abort();
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(sim?.commands().map((c) => c.kind)).toEqual(['authorization', 'abort']);
  });

  it('reverses a payment by its receipt number, once', async () => {
    const client = await connect();
    const paid = await client.authorize(1000);
    const receiptNo = paid.ok ? (paid.value.info.receiptNo ?? -1) : -1;
    const reversed = await client.reverse(receiptNo);
    expect(reversed).toMatchObject({ ok: true, value: { info: { amountMinor: 1000, receiptNo } } });
    expect(reversed.receipts).toEqual([{ kind: 'unknown', lines: ['REVERSAL', 'BNr 0001'] }]);
    expect(await client.reverse(receiptNo)).toMatchObject({
      ok: false,
      error: { code: 'declined', reason: 'reversal-not-possible' },
    });
  });

  it('refunds, closes the day with totals, answers a status enquiry and logs off', async () => {
    const client = await connect();
    expect(await client.refund(250)).toMatchObject({ ok: true });
    await client.authorize(1000);
    const day = await client.endOfDay();
    expect(day).toMatchObject({
      ok: true,
      value: { info: { amountMinor: 1250, totals: '0002000000001250' } },
    });
    expect(day.receipts[0]?.lines[0]).toBe('END OF DAY');
    expect(await client.statusEnquiry()).toMatchObject({
      ok: true,
      value: { softwareVersion: 'CT-SIM 1.0', terminalStatus: 0, terminalId: '52001233' },
    });
    expect(await client.logOff()).toMatchObject({ ok: true, value: null });
  });

  it('runs a diagnosis: the line to the host is checked and printed, or reported down', async () => {
    const client = await connect();
    const ok = await client.diagnose();
    expect(ok).toMatchObject({ ok: true, value: { info: { terminalId: '52001233' } } });
    expect(ok.receipts[0]?.lines).toEqual(['DIAGNOSIS', 'TID 52001233', 'HOST OK']);
    sim?.setBehaviour('decline');
    const down = await client.diagnose();
    expect(down).toMatchObject({
      ok: false,
      error: { code: 'declined', reason: 'no-connection-to-bank' },
    });
    expect(down.receipts[0]?.lines).toEqual(['DIAGNOSIS', 'HOST NOT REACHABLE']);
  });

  it('runs one command at a time', async () => {
    const client = await connect('approve', {}, 50);
    const [first, second] = await Promise.all([client.authorize(100), client.authorize(200)]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
  });

  it('refuses amounts that are not whole minor units', async () => {
    const client = await connect();
    expect(await client.authorize(12.5)).toMatchObject({ ok: false, error: { code: 'protocol' } });
    expect(await client.authorize(0)).toMatchObject({ ok: false, error: { code: 'protocol' } });
    expect(sim?.commands()).toEqual([]);
  });

  it('reports a disconnect during a payment as such, after the command was sent', async () => {
    const client = await connect('timeout', { answerTimeoutMs: 5000 });
    const pending = client.authorize(1000);
    await new Promise((done) => setTimeout(done, 50));
    await sim?.close();
    sim = null;
    expect(await pending).toMatchObject({ ok: false, error: { code: 'disconnected', sent: true } });
  });
});

describe('ZVT over TCP against a broken terminal', () => {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    server = null;
  });

  it('times out when the command is never acknowledged', async () => {
    server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    link = await connectTcpTerminal({ host: '127.0.0.1', port });
    const client = createZvtClient(link, { ackTimeoutMs: 100 });
    expect(await client.authorize(1000)).toMatchObject({
      ok: false,
      error: { code: 'timeout', phase: 'acknowledgement' },
    });
  });

  it('rejects with a typed error when nothing listens', async () => {
    server = createServer();
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((done) => server?.close(() => done()));
    server = null;
    const failed = connectTcpTerminal({ host: '127.0.0.1', port });
    await expect(failed).rejects.toBeInstanceOf(ZvtLinkError);
    await expect(failed).rejects.toMatchObject({ code: 'connect-failed' });
  });
});

describe('ZVT over a serial line (socat pty pair) against the simulated terminal', () => {
  const base = join(tmpdir(), `ct-zvt-${String(process.pid)}`);
  let pair: { kill(): Promise<void> } | null = null;
  beforeAll(async () => {
    pair = await startSocatPtyPair(`${base}-ecr`, `${base}-pt`);
  });
  afterAll(async () => {
    await pair?.kill();
  });

  it('registers, pays, declines and aborts through DLE framing with CRC and ACKs', async () => {
    sim = await startZvtTerminalSim({ port: 0, serialPath: `${base}-pt`, stepDelayMs: 5 });
    link = await openSerialTerminal({ path: `${base}-ecr` });
    expect(link.description).toBe(`Serial ${base}-ecr 9600 8N2`);
    const client = createZvtClient(link, { answerTimeoutMs: 3000 });
    expect(await client.register()).toMatchObject({ ok: true, value: { terminalId: '52001233' } });
    const paid = await client.authorize(4711);
    expect(paid).toMatchObject({ ok: true, value: { info: { amountMinor: 4711 } } });
    expect(paid.receipts).toHaveLength(2);
    neverShowsFullPan(paid);
    sim.setBehaviour('decline');
    expect(await client.authorize(100)).toMatchObject({ ok: false, error: { code: 'declined' } });
    sim.setBehaviour('approve');
    const cancelled = await client.authorize(100, {
      onEvent: (event) => {
        if (event.kind === 'intermediate-status') void client.abort();
      },
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
