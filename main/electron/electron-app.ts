import { app, BrowserWindow, dialog, screen, session, webContents } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeHeldLock, lockDataDir } from '../host/data-dir-lock';
import { createServices } from '../services';
import { restartableServices } from '../restartable-services';
import { servicesOrRecovery } from '../recovery/services-or-recovery';
import type { Services, ServicesOptions } from '../services';
import { appVersion } from '../version';
import { installAppMenu } from './app-menu';
import { serveRenderer } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { keepAwakeDuringShift } from './keep-awake';
import { kioskLaunch, setStartAtLogin } from './kiosk';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import {
  keepTillInApp,
  pinCustomerDisplay,
  secureWebPreferences,
  TILL_URL,
  tillWindowOpenHandler,
} from './window-rules';

export interface ElectronAppOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The built renderer (dist/renderer) and preload (dist/main/preload.cjs). */
  rendererDir: string;
  preload: string;
  /**
   * better-sqlite3 built for Electron's ABI: a resource of the packaged app, or in development
   * what scripts/build-electron-sqlite.sh made (node_modules keeps Node's build for the tests).
   */
  sqliteBinding: string;
  /** Tests pass a cheaper PIN hash and a silent log. */
  makeServices?: (options: ServicesOptions) => Services;
  /** Where a second launch says it handed over to the first. */
  say?: (line: string) => void;
}

export interface ElectronApp {
  services: Services;
  window: BrowserWindow;
}

/** Where a packaged app finds better-sqlite3 built for Electron, under its resources folder. */
export const PACKAGED_SQLITE = 'native/better_sqlite3.node';

export const ALREADY_RUNNING =
  'Countertop is already running: its window was brought to the front. / Countertop 已在运行：已切换到它的窗口。';

const DATA_FOLDER_IN_USE_ZH =
  'Countertop 已在使用此数据文件夹：请使用已打开的窗口，或先停止该进程。若要运行第二台收银机，请用 --data-dir 指定另一个文件夹。';

/**
 * The Electron app: one instance, one till window on app://countertop, the customer display
 * it may open, the IPC bridge to the services. Resolves to null in a second instance.
 */
export async function startElectronApp(options: ElectronAppOptions): Promise<ElectronApp | null> {
  const { argv, env } = options;
  const chosenDataDir =
    argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length) ??
    env.COUNTERTOP_DATA_DIR;
  // Electron's lock is per profile folder: a till on its own data folder (a training till,
  // a test) gets its own profile beside its data, so only a second app on one ledger is refused.
  if (chosenDataDir !== undefined) {
    app.setPath('userData', join(chosenDataDir, 'electron-profile'));
  }
  if (!app.requestSingleInstanceLock()) {
    (options.say ?? console.log)(ALREADY_RUNNING);
    app.quit();
    return null;
  }
  let window: BrowserWindow | null = null;
  let services: Services | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    services?.log.info('a second launch brought the window to the front');
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  await app.whenReady();
  const dataDir = chosenDataDir ?? join(app.getPath('userData'), 'data');
  // Electron's lock covers Electron only: a browser host (npm start -- --browser) on the same
  // ledger takes the data folder's lock file, so both take that one too.
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) {
    const message = describeHeldLock(dataDir, lock);
    (options.say ?? console.log)(message);
    dialog.showErrorBox('Countertop', `${message}\n\n${DATA_FOLDER_IN_USE_ZH}`);
    app.quit();
    return null;
  }
  app.on('will-quit', () => lock.release());
  // Restartable: a restore closes the services, swaps the ledger and starts them again.
  const sqliteBinding = existsSync(options.sqliteBinding) ? options.sqliteBinding : undefined;
  const recovery = {
    dataDir,
    ...(sqliteBinding === undefined ? {} : { nativeBinding: sqliteBinding }),
  };
  services = restartableServices(
    servicesOrRecovery(
      (replaceLedger) =>
        (options.makeServices ?? createServices)({
          dataDir,
          // upstream-sync-v1 "Identities": the terminal secret only in the OS-protected store.
          secrets: new SafeStorageSecretStore(
            join(dataDir, 'terminal-secret.enc'),
            options.platform,
          ),
          secretStoreFor: (name) =>
            new SafeStorageSecretStore(join(dataDir, `${name}.enc`), options.platform),
          simulateDevices: argv.includes('--simulate'),
          host: 'electron',
          version: appVersion,
          replaceLedger,
          ...(sqliteBinding === undefined ? {} : { sqliteBinding }),
        }),
      recovery,
    ),
  );
  const running = services;
  serveRenderer(options.rendererDir);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  const kiosk = kioskLaunch(argv);
  installAppMenu({ packaged: app.isPackaged, kiosk: kiosk.kiosk, platform: options.platform });
  if (kiosk.startAtLogin !== null && app.isPackaged) {
    setStartAtLogin(kiosk.startAtLogin, {
      platform: options.platform,
      executable: env.APPIMAGE ?? process.execPath,
      autostartDir: join(app.getPath('appData'), 'autostart'),
    });
  }

  const till = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Countertop',
    backgroundColor: '#f4f5f7',
    kiosk: kiosk.kiosk,
    webPreferences: secureWebPreferences(options.preload),
  });
  window = till;
  keepTillInApp(till.webContents);
  // The one window the renderer may open: the customer display, on a second screen if any.
  till.webContents.setWindowOpenHandler(
    tillWindowOpenHandler(
      () => ({ primary: screen.getPrimaryDisplay(), all: screen.getAllDisplays() }),
      options.preload,
    ),
  );
  let customerId: number | null = null;
  till.webContents.on('did-create-window', (child) => {
    customerId = child.webContents.id;
    pinCustomerDisplay(child.webContents);
  });
  bridgeIpc(running, () => {
    const tillContents = till.isDestroyed() ? [] : [till.webContents];
    const shown = customerId === null ? undefined : webContents.fromId(customerId);
    return shown && !shown.isDestroyed() ? [...tillContents, shown] : tillContents;
  });
  const stopKeepingAwake = keepAwakeDuringShift(running.bus, () => running.shiftOpen());
  app.on('window-all-closed', () => {
    stopKeepingAwake();
    void running.close().then(() => app.quit());
  });
  await till.loadURL(TILL_URL);
  return { services: running, window: till };
}
