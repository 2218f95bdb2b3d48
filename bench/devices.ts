import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevicesView, MaskedSwipe } from '@app/api/contract';
import { testCards } from '@app/card/test-cards';
import { DeviceService } from '@main/devices/device-service';
import { tempDatabase } from '@main/ledger/temp-database';
import { silentLogger } from '@main/log/logger';
import { SettingsStore } from '@main/settings/settings-store';
import { encodeReceipt } from '@native/printer/receipt-encoder';
import { sampleReceipt } from '@native/printer/sample-receipt';
import { createSerialPrinter } from '@native/printer/serial-printer';
import { startSerialMagstripeSim } from '@native/sim/magstripe-sim';
import { startSerialPrinterSim } from '@native/sim/serial-printer-sim';
import { startSocatPtyPair } from '@native/sim/socat-pty-pair';
import type { BenchRow, BenchSection } from './section';
import { summarize } from './stats';

const BAUD = 115_200;
const RECEIPTS = 10;
const SWIPES = 200;
const REPLUGS = 5;

/**
 * Devices over real serial code and pty pairs: a receipt against the time the wire needs
 * (the simulator takes bytes no faster than 115,200 baud allows), a swipe from the
 * simulated reader to the event the screens receive, and reconnect time after a replug.
 */
export const devicesSection: BenchSection = {
  name: 'devices',
  description: 'Receipt over a 115,200-baud pty, swipe-to-screen latency, reconnect after replug',
  run: async () => [...(await receiptOverPty()), ...(await swipeLatency()), ...(await replug())],
};

async function receiptOverPty(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-bench-printer-'));
  const path = join(dir, 'printer');
  const pair = await startSocatPtyPair(path, `${path}-sim`);
  const sim = await startSerialPrinterSim({
    path: `${path}-sim`,
    baudRate: BAUD,
    paceAtBaud: true,
  });
  const printer = createSerialPrinter({ path, baudRate: BAUD });
  const bytes = encodeReceipt(sampleReceipt(80));
  const wireMs = (bytes.length * 10 * 1000) / BAUD;
  const ratios: number[] = [];
  try {
    for (let i = 0; i < RECEIPTS; i += 1) {
      const printed = new Promise<void>((resolve) => {
        const stop = sim.onPage(() => {
          stop();
          resolve();
        });
      });
      const start = performance.now();
      await printer.write(bytes);
      await printed;
      ratios.push((performance.now() - start) / wireMs);
    }
  } finally {
    await printer.close();
    await sim.close();
    await pair.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  const { p50, max } = summarize(ratios);
  const row = (metric: string, value: number): BenchRow => ({
    section: 'devices',
    metric,
    value: Number(value.toFixed(3)),
    unit: '× wire time',
    target: '≤ 1.1',
    pass: value <= 1.1,
  });
  return [
    {
      section: 'devices',
      metric: `receipt bytes (115,200 baud wire time ${wireMs.toFixed(1)} ms)`,
      value: bytes.length,
      unit: 'bytes',
    },
    row('receipt over pty, p50', p50),
    row('receipt over pty, max', max),
  ];
}

/** A DeviceService as the app builds it, on a temporary settings database. */
function deviceService(onChange: (view: DevicesView) => void, onSwipe: (s: MaskedSwipe) => void) {
  const temp = tempDatabase('countertop-bench-devices-');
  const service = new DeviceService({
    settings: new SettingsStore(temp.db),
    log: silentLogger,
    onChange,
    onSwipe,
    onScan: () => undefined,
  });
  return { service, dispose: () => temp.dispose() };
}

async function swipeLatency(): Promise<BenchRow[]> {
  const link = join(mkdtempSync(join(tmpdir(), 'countertop-bench-msr-')), 'reader');
  const sim = await startSerialMagstripeSim({ link });
  let seen: (() => void) | null = null;
  let connected: (() => void) | null = null;
  const { service, dispose } = deviceService(
    (view) => {
      if (view.devices.find((d) => d.role === 'cardReader')?.state === 'connected') connected?.();
    },
    () => seen?.(),
  );
  const latencies: number[] = [];
  try {
    await service.start();
    const ready = new Promise<void>((resolve) => (connected = resolve));
    await service.configure('cardReader', { kind: 'serial', path: link, baudRate: 9600 });
    await ready;
    for (let i = 0; i < SWIPES; i += 1) {
      const arrived = new Promise<void>((resolve) => (seen = resolve));
      const start = performance.now();
      await sim.swipe(testCards.visa, { track1: true, lrc: true });
      await arrived;
      latencies.push(performance.now() - start);
      service.takeTrack2();
    }
  } finally {
    await service.stop();
    await sim.close();
    dispose();
  }
  const { p50, p99 } = summarize(latencies);
  return [
    {
      section: 'devices',
      metric: 'swipe to screen event (serial pty), p50',
      value: round(p50),
      unit: 'ms',
    },
    {
      section: 'devices',
      metric: 'swipe to screen event (serial pty), p99',
      value: round(p99),
      unit: 'ms',
      target: '≤ 100 ms',
      pass: p99 <= 100,
    },
  ];
}

async function replug(): Promise<BenchRow[]> {
  const link = join(mkdtempSync(join(tmpdir(), 'countertop-bench-replug-')), 'reader');
  let state: string | undefined;
  const changed = new Set<() => void>();
  const { service, dispose } = deviceService(
    (view) => {
      state = view.devices.find((d) => d.role === 'cardReader')?.state;
      for (const listener of changed) listener();
    },
    () => undefined,
  );
  const reach = (wanted: string) =>
    new Promise<void>((resolve) => {
      if (state === wanted) return resolve();
      const check = () => {
        if (state !== wanted) return;
        changed.delete(check);
        resolve();
      };
      changed.add(check);
    });
  const unplugNoticed: number[] = [];
  const reconnected: number[] = [];
  let sim = await startSerialMagstripeSim({ link });
  try {
    await service.start();
    await service.configure('cardReader', { kind: 'serial', path: link, baudRate: 9600 });
    await reach('connected');
    for (let i = 0; i < REPLUGS; i += 1) {
      let start = performance.now();
      await sim.close();
      await reach('disconnected');
      unplugNoticed.push(performance.now() - start);
      start = performance.now();
      sim = await startSerialMagstripeSim({ link });
      await reach('connected');
      reconnected.push(performance.now() - start);
    }
  } finally {
    await service.stop();
    await sim.close();
    dispose();
  }
  const rows = (metric: string, samples: number[]): BenchRow[] => {
    const { p50, max } = summarize(samples);
    return [
      { section: 'devices', metric: `${metric}, p50`, value: round(p50), unit: 'ms' },
      {
        section: 'devices',
        metric: `${metric}, max`,
        value: round(max),
        unit: 'ms',
        target: '≤ 2000 ms',
        pass: max <= 2_000,
      },
    ];
  };
  return [
    ...rows('unplug noticed', unplugNoticed),
    ...rows('reconnected after replug', reconnected),
  ];
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
