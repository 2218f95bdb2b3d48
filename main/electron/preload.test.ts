import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, eventNames } from '@app/api/contract';
import { resetFakeElectron } from './testing/fake-electron';
import type { FakeElectron } from './testing/fake-electron';
import { startOnFake } from './testing/start-on-fake';
import type { StartedOnFake } from './testing/start-on-fake';

vi.mock('electron', () => import('./testing/fake-electron'));

interface ExposedApi {
  host: string;
  commands: Record<string, (input: unknown) => Promise<unknown>>;
  onEvent(name: string, listener: (payload: unknown) => void): () => void;
}

let fake: FakeElectron;
let started: StartedOnFake | null = null;

beforeEach(() => {
  fake = resetFakeElectron();
  vi.resetModules();
});
afterEach(async () => {
  await started?.services.close();
  started = null;
});

/** The preload run in the till's page, as Electron runs it, against the real app. */
async function preloadInTill(): Promise<ExposedApi> {
  started = await startOnFake(fake);
  fake.ipcRenderer.connect(fake.till.webContents);
  await import('./preload');
  expect([...fake.contextBridge.exposed.keys()]).toEqual(['countertop']);
  return fake.contextBridge.exposed.get('countertop') as ExposedApi;
}

describe('the preload', () => {
  it("exposes exactly the contract's commands, one function each, and nothing generic", async () => {
    const api = await preloadInTill();
    expect(Object.keys(api).sort()).toEqual(['commands', 'host', 'onEvent']);
    expect(api.host).toBe('electron');
    expect(Object.keys(api.commands).sort()).toEqual(Object.keys(commands).sort());
    for (const command of Object.values(api.commands)) expect(typeof command).toBe('function');
  });

  it('carries a command to the services and back', async () => {
    const api = await preloadInTill();
    const status = api.commands['session.status'];
    await expect(status?.({})).resolves.toMatchObject({ ok: true, value: { state: 'setup' } });
    // The dispatcher still validates what the page sends.
    await expect(api.commands['cart.scan']?.({ wrong: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('delivers events by name, stops on unsubscribe, and refuses names not in the contract', async () => {
    const api = await preloadInTill();
    const seen: unknown[] = [];
    const stop = api.onEvent('devices.scan', (payload) => seen.push(payload));
    started?.services.bus.emit('devices.scan', { code: '6901234567892' });
    started?.services.bus.emit('catalog.changed', {});
    expect(seen).toEqual([{ code: '6901234567892' }]);
    stop();
    started?.services.bus.emit('devices.scan', { code: '4006381333931' });
    expect(seen).toHaveLength(1);
    expect(() => api.onEvent('ipc.anything', () => undefined)).toThrow(
      'Unknown event ipc.anything',
    );
    expect(eventNames).toContain('devices.scan');
  });
});
