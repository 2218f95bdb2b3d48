import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { SerialTraffic } from '@app/api/contract';
import { startSocatPtyPair } from '@native/sim/socat-pty-pair';
import { parseHex, SerialMonitor } from './serial-monitor';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('serial monitor over a pty pair', () => {
  it('shows bytes both ways as hex and text, hides card data, and refuses a role port', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'countertop-monitor-')), 'port');
    const pair = await startSocatPtyPair(path, `${path}-far`);
    cleanup.push(() => pair.kill());
    const far = new SerialPort({ path: `${path}-far`, baudRate: 9600 });
    const farGot: Buffer[] = [];
    far.on('data', (chunk: Buffer) => farGot.push(chunk));
    cleanup.push(() => new Promise((resolve) => far.close(() => resolve())));
    const traffic: SerialTraffic[] = [];
    const monitor = new SerialMonitor({
      roleUsing: (p) => (p === '/dev/ttyROLE' ? 'card reader' : null),
      emit: (t) => traffic.push(t),
    });
    cleanup.push(() => monitor.close());

    await expect(monitor.open('/dev/ttyROLE', 9600)).rejects.toMatchObject({
      code: 'serial_in_use',
    });
    await monitor.open(path, 9600);
    far.write('OK\r');
    await until(() => traffic.some((t) => t.direction === 'rx'));
    expect(traffic.find((t) => t.direction === 'rx')).toMatchObject({
      hex: '4f 4b 0d',
      text: 'OK^M',
    });

    await monitor.send(Uint8Array.of(0x1b, 0x40));
    await until(() => farGot.length > 0);
    expect(Buffer.concat(farGot)).toEqual(Buffer.from([0x1b, 0x40]));

    // Split mid-number, as a slow adapter delivers it.
    far.write(';41111111');
    await new Promise((resolve) => setTimeout(resolve, 20));
    far.write('11111111=30121010000000000?\r');
    await until(() => traffic.some((t) => t.text.includes('card data hidden')));
    expect(JSON.stringify(traffic)).not.toContain('4111111111111111');
    expect(JSON.stringify(traffic)).not.toContain('34 31 31 31 31 31');
  });

  it('reads hex with or without spaces, and nothing else', () => {
    expect(parseHex('1b 40 0A')).toEqual(Uint8Array.of(0x1b, 0x40, 0x0a));
    expect(parseHex('1B400a')).toEqual(Uint8Array.of(0x1b, 0x40, 0x0a));
    expect(parseHex('1b4')).toBeNull();
    expect(parseHex('zz')).toBeNull();
    expect(parseHex('')).toBeNull();
  });
});
