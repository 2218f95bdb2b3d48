import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceRole, DevicesView, MaskedSwipe } from '@app/api/contract';
import { testCards } from '@app/card/test-cards';
import { thankYouScreen } from '@native/display/pole-screens';
import { startSerialMagstripeSim } from '@native/sim/magstripe-sim';
import { startPoleDisplaySim } from '@native/sim/pole-display-sim';
import { startSerialScannerSim } from '@native/sim/scanner-sim';
import type { SerialMagstripeSim } from '@native/sim/magstripe-sim';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { silentLogger } from '../log/logger';
import { SettingsStore } from '../settings/settings-store';
import { DeviceService } from './device-service';

let temp: TempDatabase;
let service: DeviceService;
let views: DevicesView[];
let swipes: MaskedSwipe[];
let scans: string[];
const sims: SerialMagstripeSim[] = [];

/** Resolves once an emitted view satisfies `predicate` (bounded by `withinMs`). */
async function until(predicate: (view: DevicesView) => boolean, withinMs = 5_000) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const last = views.at(-1);
    if (last && predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no device view matched within ${withinMs} ms: ${JSON.stringify(views.at(-1))}`);
}
const stateOf = (view: DevicesView, role: DeviceRole) =>
  view.devices.find((d) => d.role === role)?.state;

beforeEach(async () => {
  temp = tempDatabase('countertop-devices-');
  views = [];
  swipes = [];
  scans = [];
  service = new DeviceService({
    settings: new SettingsStore(temp.db),
    log: silentLogger,
    onChange: (view) => views.push(view),
    onSwipe: (swipe) => swipes.push(swipe),
    onScan: (code) => scans.push(code),
  });
  await service.start();
});

afterEach(async () => {
  await service.stop();
  for (const sim of sims.splice(0)) await sim.close();
  temp.dispose();
});

describe('DeviceService', () => {
  it('lists every role, unconfigured at first, and says why a bus could not be listed', async () => {
    const view = await service.view();
    expect(view.devices.map((d) => [d.role, d.state])).toEqual([
      ['cardReader', 'not_configured'],
      ['paymentTerminal', 'not_configured'],
      ['barcodeScanner', 'not_configured'],
      ['customerDisplay', 'not_configured'],
    ]);
    // This machine has serial ports through udev; no HID devices is not an error.
    expect(view.discovered.some((d) => d.transport === 'serial')).toBe(true);
  });

  it('a serial scanner over a pty feeds the sale; the pole display over a pty shows the cart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'countertop-scan-pole-'));
    const scanner = await startSerialScannerSim({ link: join(dir, 'scanner'), suffix: 'cr' });
    const display = await startPoleDisplaySim({ link: join(dir, 'display') });
    try {
      await service.configure('barcodeScanner', {
        kind: 'serial',
        path: scanner.scannerPath,
        baudRate: 9600,
      });
      await service.configure('customerDisplay', {
        kind: 'serial',
        path: display.displayPath,
        baudRate: 9600,
      });
      await until(
        (v) =>
          stateOf(v, 'barcodeScanner') === 'connected' &&
          stateOf(v, 'customerDisplay') === 'connected',
      );
      await scanner.scan('6911001000019');
      await until(() => scans.length === 1);
      expect(scans).toEqual(['6911001000019']);
      const screen = thankYouScreen({ changeMinor: 160, currency: 'CNY' });
      service.showCustomer(screen);
      await display.waitForScreen(screen);
      expect(display.screen()).toEqual(screen);
    } finally {
      await service.configure('barcodeScanner', null);
      await service.configure('customerDisplay', null);
      await scanner.close();
      await display.close();
    }
  });

  it('the simulated display decodes what it is sent, and the view carries its screen', async () => {
    await service.configure('customerDisplay', { kind: 'simulated' });
    await until((v) => stateOf(v, 'customerDisplay') === 'connected');
    service.showCustomer(thankYouScreen({ changeMinor: 160, currency: 'CNY' }));
    const view = await until(
      (v) =>
        v.devices.find((d) => d.role === 'customerDisplay')?.screen?.[0].trim() === 'THANK YOU',
    );
    expect(view.devices.find((d) => d.role === 'customerDisplay')?.screen?.[1]).toBe(
      'CHANGE      RMB 1.60',
    );
  });

  it('a keyboard-wedge swipe is parsed here: the renderer gets the mask and the diagnosis', () => {
    const visa = testCards.visa;
    const text = `%B${visa.pan}^${visa.name}^${visa.expiry}${visa.serviceCode}${visa.discretionary}?;${visa.pan}=${visa.expiry}${visa.serviceCode}${visa.discretionary}?`;
    const answer = service.wedgeSwipe(text);
    expect(answer).toMatchObject({ ok: true, source: 'keyboard', maskedPan: '411111******1111' });
    expect(answer.diagnosis?.quality).toBe('good');
    expect(swipes).toEqual([answer]);
    expect(JSON.stringify(answer)).not.toContain(visa.pan);
    expect(service.takeTrack2()).toBe(
      `${visa.pan}=${visa.expiry}${visa.serviceCode}${visa.discretionary}`,
    );
    expect(service.takeTrack2()).toBeNull();
    const garbled = service.wedgeSwipe(';41111?');
    expect(garbled).toMatchObject({ ok: false, source: 'keyboard', code: 'missing_separator' });
    expect(garbled.diagnosis?.tracks[1]).toMatchObject({
      state: 'failed',
      code: 'missing_separator',
    });
    expect(service.takeTrack2()).toBeNull();
  });

  it('the simulated reader swipes through the real HID driver: masked out, track 2 once', async () => {
    await service.configure('cardReader', { kind: 'simulated' });
    await until((v) => stateOf(v, 'cardReader') === 'connected');
    service.simulateSwipe('visa');
    expect(swipes.at(-1)).toMatchObject({ ok: true, maskedPan: '411111******1111', brand: 'visa' });
    expect(JSON.stringify(views)).not.toContain('4111111111111111');
    expect(service.takeTrack2()).toMatch(/^4111111111111111=/);
    expect(service.takeTrack2()).toBeNull();
    service.simulateSwipe('badLrc');
    expect(swipes.at(-1)).toMatchObject({ ok: false, code: 'lrc_mismatch' });
  });

  it('says what a device last did in both languages, for each screen to show its own', async () => {
    await service.configure('cardReader', { kind: 'simulated' });
    await until((v) => stateOf(v, 'cardReader') === 'connected');
    service.simulateSwipe('visa');
    const reader = (await service.view()).devices.find((d) => d.role === 'cardReader');
    expect(reader?.lastEvent?.en).toMatch(/^\d\d:\d\d:\d\d Swipe 411111\*{6}1111 Visa /);
    expect(reader?.lastEvent?.['zh-CN']).toMatch(/^\d\d:\d\d:\d\d 刷卡 411111\*{6}1111 Visa /);
    const test = await service.test('cardReader');
    expect(test.text?.['zh-CN']).toBe('读卡器已打开：刷一张卡查看读取结果。');
  });

  it('the simulated ZVT terminal answers a status enquiry over loopback TCP', async () => {
    await service.configure('paymentTerminal', { kind: 'simulated' });
    await until((v) => stateOf(v, 'paymentTerminal') === 'connected');
    const result = await service.test('paymentTerminal');
    expect(result.ok).toBe(true);
  });

  it('runs the terminal diagnosis and hands its printout to the technician', async () => {
    expect(await service.diagnoseTerminal()).toMatchObject({ ok: false });
    await service.configure('paymentTerminal', { kind: 'simulated' });
    await until((v) => stateOf(v, 'paymentTerminal') === 'connected');
    const result = await service.diagnoseTerminal();
    expect(result).toMatchObject({ ok: true, printout: ['DIAGNOSIS', 'TID 52001233', 'HOST OK'] });
    expect(result.message).toMatch(/^Diagnosis passed: the terminal reaches its host \(\d+ ms\)$/);
    expect(result.text?.['zh-CN']).toMatch(/^诊断通过：终端能连到主机（\d+ 毫秒）$/);
    const latency = (await service.view()).devices.find((d) => d.role === 'paymentTerminal');
    expect(latency?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('a wrong kind of connection is an error on screen, retried, never a crash', async () => {
    await service.configure('cardReader', { kind: 'tcp', host: '127.0.0.1', port: 1 });
    const view = await until((v) => stateOf(v, 'cardReader') === 'disconnected');
    expect(view.devices[0]?.lastError).toMatch(/HID\) or serial/);
    expect(view.devices[0]?.nextRetryAt).not.toBeNull();
  });

  it('a serial reader unplugged is noticed within 2 s and comes back by itself when replugged', async () => {
    const link = join(mkdtempSync(join(tmpdir(), 'msr-')), 'reader');
    const first = await startSerialMagstripeSim({ link });
    sims.push(first);
    await service.configure('cardReader', { kind: 'serial', path: link, baudRate: 9600 });
    await until((v) => stateOf(v, 'cardReader') === 'connected');
    await first.swipe(testCards.unionpayDebit);
    await until(() => swipes.length === 1);
    expect(swipes[0]).toMatchObject({ ok: true, maskedPan: '622202*********0000' });
    service.takeTrack2();

    await first.close(); // socat gone: the pty and its link disappear
    await until((v) => stateOf(v, 'cardReader') === 'disconnected', 2_000);

    const second = await startSerialMagstripeSim({ link });
    sims.push(second);
    await until((v) => stateOf(v, 'cardReader') === 'connected', 3_000);
    await second.swipe(testCards.visa);
    await until(() => swipes.length === 2);
    expect(swipes[1]).toMatchObject({ ok: true, maskedPan: '411111******1111' });
  });

  it('keeps the assignment across a restart', async () => {
    await service.configure('paymentTerminal', { kind: 'simulated' });
    await service.stop();
    views = [];
    service = new DeviceService({
      settings: new SettingsStore(temp.db),
      log: silentLogger,
      onChange: (view) => views.push(view),
      onSwipe: () => undefined,
      onScan: () => undefined,
    });
    await service.start();
    const view = await until((v) => stateOf(v, 'paymentTerminal') === 'connected');
    expect(view.devices[1]?.connection).toEqual({ kind: 'simulated' });
  });

  it('--simulate gives every role without a saved device its simulator', async () => {
    await service.stop();
    views = [];
    service = new DeviceService({
      settings: new SettingsStore(temp.db),
      log: silentLogger,
      simulateUnassigned: true,
      onChange: (view) => views.push(view),
      onSwipe: () => undefined,
      onScan: () => undefined,
    });
    await service.start();
    await until(
      (v) =>
        stateOf(v, 'cardReader') === 'connected' && stateOf(v, 'paymentTerminal') === 'connected',
    );
  });
});
