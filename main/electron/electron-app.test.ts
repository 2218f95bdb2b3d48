import { defaultTaxClasses } from '@app/tax/tax-class';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipcChannel } from '@app/api/names';
import type { CommandName } from '@app/api/names';
import type { Result } from '@app/result';
import { contentSecurityPolicy } from '../host/content-security';
import { LOCK_FILE } from '../host/data-dir-lock';
import { TEST_OWNER } from '../testing/temp-services';
import { ALREADY_RUNNING } from './electron-app';
import { fakeDisplay, FakeBrowserWindow, resetFakeElectron } from './testing/fake-electron';
import type { FakeElectron, FakeWebContents, FakeWebFrame } from './testing/fake-electron';
import { RENDERER_HTML, startOnFake } from './testing/start-on-fake';
import type { StartedOnFake } from './testing/start-on-fake';

vi.mock('electron', () => import('./testing/fake-electron'));

const TILL = 'app://countertop/index.html';
const CUSTOMER = 'app://countertop/index.html?view=customer';
const SETUP = {
  ...TEST_OWNER,
  shopName: 'Corner Shop',
  shopAddress: '',
  currency: 'CNY',
  taxClasses: defaultTaxClasses('en'),
  receiptHeader: '',
  receiptFooter: '',
  locale: 'en',
};

let fake: FakeElectron;
let running: StartedOnFake[] = [];

beforeEach(() => {
  fake = resetFakeElectron();
});
afterEach(async () => {
  for (const app of running) await app.services.close();
  running = [];
});

async function start(options: Parameters<typeof startOnFake>[1] = {}): Promise<StartedOnFake> {
  const started = await startOnFake(fake, options);
  if (!started) throw new Error('the app did not start');
  running.push(started);
  return started;
}

/** A command as the preload sends it, from the given page and frame. */
const send = (
  contents: FakeWebContents,
  name: CommandName,
  input: unknown,
  frame?: FakeWebFrame,
): Promise<Result<unknown>> =>
  contents.invoke(ipcChannel(name), [input], frame) as Promise<Result<unknown>>;

const REFUSED = {
  ok: false,
  error: { code: 'invalid_input', message: 'Refused: not from the Countertop window' },
};

describe('the till window', () => {
  it('opens on app://countertop, sandboxed, with only the preload bridge', async () => {
    const { window } = await start();
    expect(fake.windows).toHaveLength(1);
    expect(window.webContents.getURL()).toBe(TILL);
    expect(fake.till.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('sets the shop up through IPC from its top frame', async () => {
    await start();
    const till = fake.till.webContents;
    expect(await send(till, 'session.status', {})).toMatchObject({
      ok: true,
      value: { state: 'setup' },
    });
    const done = await send(till, 'setup.complete', SETUP);
    expect(done).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(await send(till, 'shift.current', {})).toMatchObject({
      ok: true,
      value: { open: null },
    });
  });

  it('refuses a sub-frame, another window and a page off app://countertop, changing nothing', async () => {
    const { services } = await start();
    const till = fake.till.webContents;
    // An iframe on our own origin is still not the till's top frame.
    expect(await send(till, 'setup.complete', SETUP, till.mainFrame.child(TILL))).toEqual(REFUSED);
    // A window the app did not open for itself, even showing our page.
    const stranger = new FakeBrowserWindow({});
    await stranger.loadURL(TILL);
    expect(await send(stranger.webContents, 'setup.complete', SETUP)).toEqual(REFUSED);
    // The till's own top frame, had it been taken elsewhere (navigation is stopped, but the
    // bridge does not rely on that).
    for (const url of [
      'https://countertop.example/index.html',
      'app://evil/index.html',
      'app://countertop:8080/index.html',
      'app://countertop@evil/index.html',
      'file:///opt/Countertop/resources/app.asar/dist/renderer/index.html',
    ]) {
      const frame = till.mainFrame.child(url);
      const top = Object.assign(frame, { parent: null });
      expect(await send(till, 'setup.complete', SETUP, top), url).toEqual(REFUSED);
    }
    const status = await services.dispatch('session.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'setup' } });
  });

  it('forwards service events to its page', async () => {
    await start();
    const till = fake.till.webContents;
    await send(till, 'setup.complete', SETUP);
    expect(till.sent).toContainEqual(['countertop:event', 'session.changed', expect.anything()]);
  });

  it('stays on app://countertop: navigations and redirects elsewhere are stopped', async () => {
    await start();
    const till = fake.till.webContents;
    expect(till.navigate('https://example.com/')).toBe(false);
    expect(till.navigate('file:///etc/passwd')).toBe(false);
    expect(till.navigate('app://evil/index.html')).toBe(false);
    expect(till.redirect('https://example.com/')).toBe(false);
    expect(till.getURL()).toBe(TILL);
    expect(till.navigate('app://countertop/index.html?view=settings')).toBe(true);
    expect(till.redirect(TILL)).toBe(true);
  });

  it('refuses webviews and every permission', async () => {
    await start();
    const till = fake.till.webContents;
    expect(till.attachWebview()).toBe(false);
    const session = fake.session.defaultSession;
    expect(await session.requestPermission(till, 'media')).toBe(false);
    expect(await session.requestPermission(till, 'notifications')).toBe(false);
    expect(session.checkPermission(till, 'hid')).toBe(false);
    expect(session.checkPermission(till, 'serial')).toBe(false);
  });
});

describe('the customer display', () => {
  it('is the one window the till may open, full screen on the second display', async () => {
    fake.screen.displays = [fakeDisplay(1, 0, 0), fakeDisplay(2, 1920, 0, 800, 480)];
    await start();
    const till = fake.till.webContents;
    for (const url of [
      'https://example.com/',
      TILL,
      'app://countertop/other.html?view=customer',
      'app://evil/index.html?view=customer',
      'app://countertop:1/index.html?view=customer',
    ]) {
      expect(till.openWindow(url), url).toBeNull();
    }
    const customer = till.openWindow(CUSTOMER);
    expect(customer?.options).toMatchObject({ x: 1920, y: 0, fullscreen: true });
    expect(customer?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
    });
    expect(fake.windows).toHaveLength(2);
  });

  it('opens beside the till on a single display', async () => {
    await start();
    const customer = fake.till.webContents.openWindow(CUSTOMER);
    expect(customer?.options).toMatchObject({ width: 800, height: 480 });
    expect(customer?.options.fullscreen).toBeUndefined();
  });

  it('talks to the services, gets events, and navigates or opens nothing', async () => {
    await start();
    const till = fake.till.webContents;
    const customer = till.openWindow(CUSTOMER);
    if (!customer) throw new Error('customer display refused');
    const shown = customer.webContents;
    expect(await send(shown, 'session.status', {})).toMatchObject({ ok: true });
    await send(till, 'setup.complete', SETUP);
    expect(shown.sent).toContainEqual(['countertop:event', 'session.changed', expect.anything()]);
    expect(shown.navigate(TILL)).toBe(false);
    expect(shown.redirect('https://example.com/')).toBe(false);
    expect(shown.openWindow(CUSTOMER)).toBeNull();
    // Closed, it is no longer sent to or trusted.
    customer.close();
    expect(await send(till, 'cart.get', {})).toMatchObject({ ok: true });
    expect(await send(shown, 'session.status', {})).toEqual(REFUSED);
  });
});

describe('app://countertop', () => {
  it('serves the renderer with the strict CSP', async () => {
    await start();
    const page = await fake.protocol.request(TILL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy("'self'"));
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe(RENDERER_HTML);
    const svg = await fake.protocol.request('app://countertop/assets/logo.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('refuses paths out of the renderer folder, other hosts and missing files', async () => {
    await start();
    for (const url of [
      'app://countertop/..%2fsecret.txt',
      'app://countertop/%2e%2e/secret.txt',
      'app://countertop/assets/..%2f..%2fsecret.txt',
      'app://countertop/..%5csecret.txt',
      'app://evil/index.html',
      'app://countertop/missing.js',
    ]) {
      const response = await fake.protocol.request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('not for the renderer');
    }
  });
});

/** Every role anywhere in a menu template. */
interface MenuEntry {
  role?: string;
  submenu?: unknown;
}
const roles = (items: readonly MenuEntry[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuEntry[]) : []),
  ]);
const menuRoles = (): string[] => roles(fake.applicationMenu?.template ?? []);

describe('the application menu', () => {
  it('has reload and developer tools in development', async () => {
    await start();
    expect(menuRoles()).toEqual(
      expect.arrayContaining(['quit', 'editMenu', 'reload', 'toggleDevTools']),
    );
  });

  it('has neither in a packaged build', async () => {
    fake.app.isPackaged = true;
    await start();
    const found = menuRoles();
    expect(found).toEqual(expect.arrayContaining(['quit', 'editMenu']));
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    expect(found).not.toContain('toggleDevTools');
  });
});

describe('kiosk mode', () => {
  it('runs full screen with no menu and starts at login on Linux through XDG autostart', async () => {
    fake.app.isPackaged = true;
    await start({ args: ['--kiosk'] });
    expect(fake.till.options.kiosk).toBe(true);
    expect(fake.applicationMenu).toBeNull();
    const autostart = join(fake.app.getPath('appData'), 'autostart', 'countertop.desktop');
    const entry = readFileSync(autostart, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toMatch(/^Exec=".+" --kiosk$/m);
    expect(fake.app.loginItem).toBeNull();

    // The same user starts it again with --no-kiosk: the autostart entry goes.
    await running.pop()?.services.close();
    fake = resetFakeElectron(fake.app.root);
    fake.app.isPackaged = true;
    await start({ args: ['--no-kiosk'] });
    expect(existsSync(autostart)).toBe(false);
    expect(fake.till.options.kiosk).toBe(false);
  });

  it("uses Electron's login item on Windows and macOS", async () => {
    fake.app.isPackaged = true;
    await start({ args: ['--kiosk'], platform: 'win32' });
    expect(fake.app.loginItem).toEqual({ openAtLogin: true, args: ['--kiosk'] });
  });

  it('registers nothing at login from a development checkout', async () => {
    await start({ args: ['--kiosk'] });
    expect(fake.till.options.kiosk).toBe(true);
    expect(existsSync(join(fake.app.getPath('appData'), 'autostart'))).toBe(false);
  });

  it('is off unless asked for', async () => {
    await start();
    expect(fake.till.options.kiosk).toBe(false);
    expect(fake.applicationMenu).not.toBeNull();
  });
});

describe('one instance', () => {
  it('a second launch on the same data folder hands over to the first and says so', async () => {
    const said: string[] = [];
    const dataDir = join(fake.app.root, 'till-data');
    fake.app.lockedProfiles.add(join(dataDir, 'electron-profile'));
    const second = await startOnFake(fake, { dataDir, said });
    expect(second).toBeNull();
    expect(said).toEqual([ALREADY_RUNNING]);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('a till on another data folder runs beside it', async () => {
    fake.app.lockedProfiles.add(fake.app.getPath('userData'));
    const other = await start({ dataDir: join(fake.app.root, 'training-till') });
    expect(fake.app.getPath('userData')).toBe(join(other.dataDir, 'electron-profile'));
    expect(fake.windows).toHaveLength(1);
  });

  it('a browser host on the same data folder keeps Electron out, and Electron says who holds it', async () => {
    const said: string[] = [];
    const dataDir = join(fake.app.root, 'shared-data');
    mkdirSync(dataDir, { recursive: true });
    // The browser host's lock file, held by a live process (this test's parent).
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, startedAt: '2026-12-07T08:00:00.000Z' }),
    );
    const second = await startOnFake(fake, { dataDir, said });
    expect(second).toBeNull();
    expect(said[0]).toContain(`process ${String(process.ppid)}`);
    expect(fake.dialog.errorBoxes[0]?.content).toMatch(
      /already running[\s\S]*已在使用此数据文件夹/,
    );
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toHaveLength(0);
  });

  it('holds the data folder while it runs and lets go when it quits', async () => {
    const first = await start();
    const lockFile = join(first.dataDir, LOCK_FILE);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    fake.app.emit('will-quit');
    expect(existsSync(lockFile)).toBe(false);
  });

  it('the first brings its window to the front', async () => {
    await start();
    fake.till.minimize();
    fake.app.launchAgain(['/opt/Countertop/countertop']);
    expect(fake.till.isMinimized()).toBe(false);
    expect(fake.till.focusCalls).toBe(1);
  });

  it('the message is in both languages', () => {
    expect(ALREADY_RUNNING).toMatch(/already running/);
    expect(ALREADY_RUNNING).toMatch(/已在运行/);
  });
});

describe('the screen during a shift', () => {
  const blockers = (): string[] => [...fake.powerSaveBlocker.active.values()];

  it('stays on while a shift is open, and may sleep after it closes', async () => {
    await start();
    const till = fake.till.webContents;
    await send(till, 'setup.complete', SETUP);
    expect(blockers()).toEqual([]);
    await send(till, 'shift.open', { floatMinor: 0 });
    expect(blockers()).toEqual(['prevent-display-sleep']);
    expect(await send(till, 'shift.close', { denominations: {} })).toMatchObject({ ok: true });
    expect(blockers()).toEqual([]);
  });

  it('stays on from the start when a shift was left open', async () => {
    const first = await start();
    await send(fake.till.webContents, 'setup.complete', SETUP);
    await send(fake.till.webContents, 'shift.open', { floatMinor: 0 });
    await running.pop()?.services.close();
    fake = resetFakeElectron();
    await start({ dataDir: first.dataDir });
    expect(blockers()).toEqual(['prevent-display-sleep']);
  });
});

describe('closing', () => {
  it('closes the services, then quits', async () => {
    const { services } = await start();
    running = [];
    const closing = vi.spyOn(services, 'close');
    fake.till.close();
    expect(closing).toHaveBeenCalledOnce();
    await closing.mock.results[0]?.value;
    expect(fake.app.quitCalls).toBe(1);
  });
});
