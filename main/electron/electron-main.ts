import { app, BrowserWindow, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordCrashes } from '../log/crash-log';
import { createServices } from '../services';
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

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir =
    dataDirFlag ?? process.env.COUNTERTOP_DATA_DIR ?? join(app.getPath('userData'), 'data');
  services = createServices({
    dataDir,
    // upstream-sync-v1 "Identities": the terminal secret only in the OS-protected store.
    secrets: new SafeStorageSecretStore(join(dataDir, 'terminal-secret.enc')),
    simulateDevices: process.argv.includes('--simulate'),
    host: 'electron',
    version: appVersion,
    ...(app.isPackaged || !existsSync(electronSqlite) ? {} : { sqliteBinding: electronSqlite }),
  });
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
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  bridgeIpc(services, () => window?.webContents ?? null);
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
