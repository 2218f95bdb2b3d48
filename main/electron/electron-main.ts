import { app, BrowserWindow, screen, session, webContents } from 'electron';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordCrashes } from '../log/crash-log';
import { createServices } from '../services';
import { restartableServices } from '../restartable-services';
import type { Services } from '../services';
import { appVersion } from '../version';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { SafeStorageSecretStore } from './safe-storage-secret-store';

const dataDirFlag = process.argv
  .find((a) => a.startsWith('--data-dir='))
  ?.slice('--data-dir='.length);
// In development the npm-installed better-sqlite3 is built for Node; scripts/setup.sh puts
// an Electron-ABI build here when the Electron binary exists. Packaged apps are rebuilt.
const electronSqlite = join(__dirname, '..', '..', '.electron-native', 'better_sqlite3.node');

registerAppScheme();
let services: Services | null = null;
let window: BrowserWindow | null = null;
/** The customer display window's contents, by id (it closes on its own). */
let customerId: number | null = null;

const isCustomerDisplayUrl = (url: string): boolean => {
  const parsed = new URL(url);
  return (
    parsed.origin === APP_ORIGIN &&
    parsed.pathname === '/index.html' &&
    parsed.searchParams.get('view') === 'customer'
  );
};

/** Every window of ours: the preload bridge only, no Node, sandboxed (Electron checklist). */
const secureWebPreferences = (): WebPreferences => ({
  preload: join(__dirname, 'preload.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
});

/** Full screen on the first display that is not the till's; a window beside it otherwise. */
function customerWindowOptions(): BrowserWindowConstructorOptions {
  const primary = screen.getPrimaryDisplay();
  const other = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const base: BrowserWindowConstructorOptions = {
    title: 'Countertop customer display',
    backgroundColor: '#0b3d3a',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(),
  };
  return other
    ? { ...base, x: other.bounds.x, y: other.bounds.y, fullscreen: true }
    : { ...base, width: 800, height: 480 };
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir =
    dataDirFlag ?? process.env.COUNTERTOP_DATA_DIR ?? join(app.getPath('userData'), 'data');
  // Restartable: a restore closes the services, swaps the ledger and starts them again.
  services = restartableServices((replaceLedger) =>
    createServices({
      dataDir,
      // upstream-sync-v1 "Identities": the terminal secret only in the OS-protected store.
      secrets: new SafeStorageSecretStore(join(dataDir, 'terminal-secret.enc')),
      secretStoreFor: (name) => new SafeStorageSecretStore(join(dataDir, `${name}.enc`)),
      simulateDevices: process.argv.includes('--simulate'),
      host: 'electron',
      version: appVersion,
      replaceLedger,
      ...(app.isPackaged || !existsSync(electronSqlite) ? {} : { sqliteBinding: electronSqlite }),
    }),
  );
  recordCrashes(services.log);
  serveRenderer(join(__dirname, '..', 'renderer'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );

  window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Countertop',
    backgroundColor: '#f4f5f7',
    webPreferences: secureWebPreferences(),
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  // The one window the renderer may open: the customer display, on a second screen if any.
  contents.setWindowOpenHandler(({ url }) =>
    isCustomerDisplayUrl(url)
      ? { action: 'allow', overrideBrowserWindowOptions: customerWindowOptions() }
      : { action: 'deny' },
  );
  contents.on('did-create-window', (child) => {
    const childContents = child.webContents;
    customerId = childContents.id;
    childContents.on('will-navigate', (event) => event.preventDefault());
  });
  bridgeIpc(services, () => {
    const till = window && !window.isDestroyed() ? [window.webContents] : [];
    const shown = customerId === null ? undefined : webContents.fromId(customerId);
    return shown && !shown.isDestroyed() ? [...till, shown] : till;
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.on('window-all-closed', () => {
  void (services?.close() ?? Promise.resolve()).then(() => app.quit());
});

start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
