import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialPoleDisplay } from '../display/pole-display';
import type { PoleDisplay } from '../display/pole-display';
import {
  lastItemScreen,
  messageScreen,
  thankYouScreen,
  totalScreen,
} from '../display/pole-screens';
import { formatPoleScreen, startPoleDisplaySim } from './pole-display-sim';
import type { PoleDisplaySim } from './pole-display-sim';

describe('pole display over a socat pty pair at 9600 baud', () => {
  const link = join(tmpdir(), `ct-display-test-${process.pid}`);
  let sim: PoleDisplaySim;
  let display: PoleDisplay;

  beforeAll(async () => {
    sim = await startPoleDisplaySim({ link });
    display = await openSerialPoleDisplay({ path: sim.displayPath, baudRate: 9600, brightness: 3 });
  });

  afterAll(async () => {
    await display.close();
    await sim.close();
    expect(existsSync(link)).toBe(false);
  });

  it('shows the last item and the total', async () => {
    await display.show(
      lastItemScreen({
        name: 'Café Crème 250ml',
        quantity: 1,
        lineTotalMinor: 1250,
        totalMinor: 4730,
        currency: 'CNY',
      }),
    );
    await sim.waitForScreen(['Cafe Creme 250 12.50', 'TOTAL      RMB 47.30']);
    expect(sim.state()).toMatchObject({ mode: 'overwrite', brightness: 3, cursorVisible: false });
  });

  it('shows a Chinese name as ? and a quantity', async () => {
    await display.show(
      lastItemScreen({
        name: '可口可乐 330ml',
        quantity: 3,
        lineTotalMinor: 1050,
        totalMinor: 5780,
        currency: 'CNY',
      }),
    );
    await sim.waitForScreen(['3x ???? 330ml  10.50', 'TOTAL      RMB 57.80']);
  });

  it('shows the total to pay', async () => {
    await display.show(totalScreen({ totalMinor: 5780, currency: 'CNY' }));
    await sim.waitForScreen(['TOTAL               ', '           RMB 57.80']);
  });

  it('thanks the customer with the change', async () => {
    await display.show(thankYouScreen({ changeMinor: 4220, currency: 'CNY' }));
    await sim.waitForScreen(['     THANK YOU      ', 'CHANGE     RMB 42.20']);
  });

  it('shows a message, then clears', async () => {
    await display.show(messageScreen('WELCOME', 'Countertop'));
    await sim.waitForScreen(['      WELCOME       ', '     Countertop     ']);
    await display.clear();
    await sim.waitForScreen([' '.repeat(20), ' '.repeat(20)]);
  });

  it('prints the screen in a frame', () => {
    expect(formatPoleScreen(['Coca-Cola 330ml 3.50', 'TOTAL      RMB 12.84'])).toBe(
      [
        '+--------------------+',
        '|Coca-Cola 330ml 3.50|',
        '|TOTAL      RMB 12.84|',
        '+--------------------+',
      ].join('\n'),
    );
  });
});

describe('pole display unplugged', () => {
  it('reports closed with the path, and refuses to show more', async () => {
    const sim = await startPoleDisplaySim({
      link: join(tmpdir(), `ct-display-unplug-${process.pid}`),
    });
    const display = await openSerialPoleDisplay({ path: sim.displayPath });
    const closed = new Promise<{ reason: string }>((done) => display.onClosed(done));
    await sim.unplug();
    expect((await closed).reason).toContain(sim.displayPath);
    await expect(display.show(totalScreen({ totalMinor: 1, currency: 'CNY' }))).rejects.toThrow(
      /is closed/,
    );
    await display.close();
    await sim.close();
  });

  it('says which path failed to open', async () => {
    await expect(openSerialPoleDisplay({ path: '/nonexistent/ct-display' })).rejects.toThrow(
      /Pole display \/nonexistent\/ct-display/,
    );
  });
});
