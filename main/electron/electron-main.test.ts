import { expect, it, vi } from 'vitest';
import { recordCrashes } from '../log/crash-log';
import { resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));
// The crash handlers end the process: in a test worker they are only counted.
vi.mock('../log/crash-log', () => ({ recordCrashes: vi.fn() }));

it('registers app:// before ready, opens the till on it once ready, and quits after it closes', async () => {
  const fake = resetFakeElectron();
  vi.stubEnv('COUNTERTOP_DATA_DIR', fake.app.getPath('temp'));
  await import('./electron-main');
  expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
  expect(fake.windows).toHaveLength(0);

  fake.app.becomeReady();
  await vi.waitFor(() => expect(recordCrashes).toHaveBeenCalledOnce());
  expect(fake.till.webContents.getURL()).toBe('app://countertop/index.html');
  expect(fake.till.options.webPreferences?.preload).toMatch(/[/\\]preload\.cjs$/);

  fake.till.close();
  await vi.waitFor(() => expect(fake.app.quitCalls).toBe(1));
  expect(fake.app.exitCode).toBeNull();
});
