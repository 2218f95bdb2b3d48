import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  App,
  BaseWindow,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  ContextBridge,
  Dialog,
  CustomScheme,
  Display,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  Menu,
  PowerSaveBlocker,
  PrintToPDFOptions,
  Protocol,
  SafeStorage,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Screen,
  Session,
  Settings,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';

/**
 * A fake of the Electron main-process API (and the preload's contextBridge and ipcRenderer)
 * that the real main/electron code runs on under Vitest, where Electron's binary is absent.
 * Each fake `implements Pick<>` of the interface in node_modules/electron/electron.d.ts, or
 * takes its parameters from it, so a signature Electron changes fails `tsc`. It also keeps
 * Electron's rules of order (no window, session, screen or safeStorage before `ready`; no
 * scheme registration after it), so code that breaks them fails here as it would there.
 *
 * Use: `vi.mock('electron', () => import('./testing/fake-electron'))`; before each test,
 * `resetFakeElectron()` gives a fresh fake to drive (make it ready, navigate, invoke, ...).
 */

/*
 * The product code's callbacks expect Electron's full objects; the fakes have the part it
 * uses. These are the only places a fake is handed over as the real type.
 */
const asWebContents = (contents: FakeWebContents): WebContents =>
  contents as unknown as WebContents;
const asWebFrame = (frame: FakeWebFrame): WebFrameMain => frame as unknown as WebFrameMain;

function electronEvent<P extends object>(params: P): P & Electron.Event {
  let prevented = false;
  return {
    ...params,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

const notReady = (what: string): Error =>
  new Error(`${what} cannot be used before the app is ready (fake Electron)`);

// ---------------------------------------------------------------------------------------
// app

export class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'isPackaged'
      | 'whenReady'
      | 'isReady'
      | 'getPath'
      | 'setPath'
      | 'quit'
      | 'exit'
      | 'requestSingleInstanceLock'
      | 'setLoginItemSettings'
    >
{
  isPackaged = false;
  ready = false;
  quitCalls = 0;
  exitCode: number | null = null;
  /** Profile folders (userData) another running instance holds the single-instance lock of. */
  readonly lockedProfiles = new Set<string>();
  private readonly paths = new Map<string, string>();
  loginItem: Settings | null = null;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  /** `root` holds the user's folders (appData, userData, ...): the same root, the same user. */
  constructor(readonly root: string) {
    super();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Electron's `ready`: the app may now open windows and use the session. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    return this.paths.get(name) ?? join(this.root, name);
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  quit(): void {
    this.quitCalls += 1;
  }

  exit(exitCode?: number): void {
    this.exitCode = exitCode ?? 0;
  }

  /** Electron locks the profile folder: one instance per userData. */
  requestSingleInstanceLock(): boolean {
    return !this.lockedProfiles.has(this.getPath('userData'));
  }

  setLoginItemSettings(settings: Settings): void {
    this.loginItem = settings;
  }

  /** Someone starts Countertop again: Electron tells the first instance. */
  launchAgain(argv: string[]): void {
    this.emit('second-instance', electronEvent({}), argv, process.cwd(), {});
  }
}

// ---------------------------------------------------------------------------------------
// web frames, web contents, windows

export class FakeWebFrame implements Pick<WebFrameMain, 'url' | 'isDestroyed'> {
  constructor(
    public url: string,
    /** Null for a top frame, as in Electron. */
    readonly parent: FakeWebFrame | null = null,
  ) {}

  isDestroyed(): boolean {
    return false;
  }

  /** An iframe inside this frame. */
  child(url: string): FakeWebFrame {
    return new FakeWebFrame(url, this);
  }
}

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents
  extends EventEmitter
  implements Pick<WebContents, 'id' | 'isDestroyed' | 'send' | 'loadURL' | 'getURL' | 'printToPDF'>
{
  /** The options of each printToPDF call. */
  readonly pdfs: PrintToPDFOptions[] = [];
  readonly id: number;
  readonly mainFrame = new FakeWebFrame('');
  /** What main sent to this page: [channel, ...args]. */
  readonly sent: unknown[][] = [];
  destroyed = false;
  private openHandler: WindowOpenHandler | null = null;

  constructor(private readonly electron: FakeElectron) {
    super();
    this.id = electron.nextContentsId++;
    electron.allContents.set(this.id, this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  /** A stand-in PDF naming the page, so a test can tell which page was saved. */
  printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.pdfs.push(options);
    return Promise.resolve(Buffer.from(`%PDF-1.7 fake print of ${this.mainFrame.url}\n`));
  }

  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
    this.electron.ipcRenderer.deliver(this, channel, args);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.openHandler = handler;
  }

  /** The page navigates (a link, `location = ...`): false when main stopped it. */
  navigate(url: string): boolean {
    return this.tryMove('will-navigate', url);
  }

  /** The server answered a navigation with a redirect: false when main stopped it. */
  redirect(url: string): boolean {
    return this.tryMove('will-redirect', url);
  }

  /** `window.open(url)`: the new window, or null when main denied it. */
  openWindow(url: string, frameName = ''): FakeBrowserWindow | null {
    const details: HandlerDetails = {
      url,
      frameName,
      features: '',
      disposition: 'new-window',
      referrer: { url: this.mainFrame.url, policy: 'strict-origin-when-cross-origin' },
    };
    // Without a handler Electron allows every window.
    const response: WindowOpenHandlerResponse = this.openHandler?.(details) ?? { action: 'allow' };
    if (response.action === 'deny') return null;
    const options = response.overrideBrowserWindowOptions ?? {};
    const child = new FakeBrowserWindow(options);
    child.webContents.mainFrame.url = url;
    this.emit('did-create-window', child, { ...details, options });
    return child;
  }

  /** A `<webview>` in the page: false when main stopped it. */
  attachWebview(): boolean {
    const event = electronEvent({});
    this.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    return !event.defaultPrevented;
  }

  /** `ipcRenderer.invoke` from a frame of this page (the top frame unless told). */
  invoke(channel: string, args: unknown[], frame: FakeWebFrame = this.mainFrame): Promise<unknown> {
    return this.electron.ipcMain.receive(channel, this, frame, args);
  }

  private tryMove(name: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit(name, event, url, false, true);
    if (event.defaultPrevented) return false;
    this.mainFrame.url = url;
    return true;
  }
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      BrowserWindow,
      'id' | 'isDestroyed' | 'isMinimized' | 'minimize' | 'restore' | 'show' | 'focus' | 'close'
    >
{
  static electron: FakeElectron;
  readonly id: number;
  readonly webContents: FakeWebContents;
  minimized = false;
  focusCalls = 0;
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    const electron = FakeBrowserWindow.electron;
    if (!electron.app.ready) throw notReady('BrowserWindow');
    this.id = electron.windows.length + 1;
    this.webContents = new FakeWebContents(electron);
    electron.windows.push(this);
    electron.app.emit('web-contents-created', electronEvent({}), this.webContents);
    electron.app.emit('browser-window-created', electronEvent({}), this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.electron.windows.filter((w) => !w.isDestroyed());
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focusCalls += 1;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) {
      FakeBrowserWindow.electron.app.emit('window-all-closed');
    }
  }
}

/** The `webContents` module. */
export class FakeWebContentsModule {
  constructor(private readonly electron: FakeElectron) {}

  fromId(id: number): FakeWebContents | undefined {
    return this.electron.allContents.get(id);
  }

  getAllWebContents(): FakeWebContents[] {
    return [...this.electron.allContents.values()];
  }
}

// ---------------------------------------------------------------------------------------
// IPC

type InvokeHandler = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    // Electron refuses a second handler on one channel.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What Electron does with an `invoke` from a renderer frame. */
  async receive(
    channel: string,
    sender: FakeWebContents,
    frame: FakeWebFrame,
    args: unknown[],
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = electronEvent({
      sender: asWebContents(sender),
      senderFrame: asWebFrame(frame),
      frameId: 1,
      processId: sender.id,
      type: 'frame' as const,
    }) satisfies IpcMainInvokeEvent;
    // Electron sends the answer through the structured clone algorithm.
    return structuredClone(await handler(event, ...args));
  }
}

/** The preload's ipcRenderer, wired to one page (`connect`) as a real preload is. */
export class FakeIpcRenderer extends EventEmitter implements Pick<IpcRenderer, 'invoke'> {
  private page: { contents: FakeWebContents; frame: FakeWebFrame } | null = null;

  constructor(private readonly electron: FakeElectron) {
    super();
  }

  connect(contents: FakeWebContents, frame: FakeWebFrame = contents.mainFrame): void {
    this.page = { contents, frame };
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!this.page) return Promise.reject(new Error('fake ipcRenderer: connect() it to a page'));
    return this.electron.ipcMain.receive(channel, this.page.contents, this.page.frame, args);
  }

  deliver(from: FakeWebContents, channel: string, args: unknown[]): void {
    if (this.page?.contents === from) this.emit(channel, electronEvent({}), ...args);
  }
}

export class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of '${apiKey}'`);
    this.exposed.set(apiKey, api);
  }
}

// ---------------------------------------------------------------------------------------
// protocol, session

type ProtocolHandler = Parameters<Protocol['handle']>[1];

export class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = [];
  private readonly handlers = new Map<string, ProtocolHandler>();

  constructor(private readonly electron: FakeElectron) {}

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.electron.app.ready) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    this.privileged.push(...customSchemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.electron.app.ready) throw notReady('protocol.handle');
    this.handlers.set(scheme, handler);
  }

  /** A request the page makes to a URL of a handled scheme. */
  async request(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url));
  }
}

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type RequestedPermission = Parameters<NonNullable<PermissionRequestHandler>>[1];
type CheckedPermission = Parameters<NonNullable<PermissionCheckHandler>>[1];

export class FakeSession implements Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  private requestHandler: PermissionRequestHandler = null;
  private checkHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }

  /** A page asks for a permission; with no handler Electron grants it. */
  requestPermission(contents: FakeWebContents, permission: RequestedPermission): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(asWebContents(contents), permission, resolve, {
        isMainFrame: true,
        requestingUrl: contents.getURL(),
      }),
    );
  }

  /** A page checks a permission (e.g. `navigator.permissions.query`); with no handler, granted. */
  checkPermission(contents: FakeWebContents, permission: CheckedPermission): boolean {
    const handler = this.checkHandler;
    if (!handler) return true;
    const origin = contents.getURL();
    return handler(asWebContents(contents), permission, origin, {
      isMainFrame: true,
      requestingUrl: origin,
      embeddingOrigin: origin,
    });
  }
}

export class FakeSessionModule {
  private readonly session = new FakeSession();

  constructor(private readonly electron: FakeElectron) {}

  get defaultSession(): FakeSession {
    if (!this.electron.app.ready) throw notReady('session.defaultSession');
    return this.session;
  }
}

// ---------------------------------------------------------------------------------------
// screen, safeStorage, Menu, powerSaveBlocker

/** A display as Electron describes one, at `x`, `y` of the virtual desktop. */
export function fakeDisplay(
  id: number,
  x: number,
  y: number,
  width = 1920,
  height = 1080,
): Display {
  const bounds = { x, y, width, height };
  const size = { width, height };
  return {
    id,
    label: `Display ${id}`,
    bounds,
    workArea: bounds,
    size,
    workAreaSize: size,
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    internal: id === 1,
    maximumCursorSize: { width: 64, height: 64 },
    monochrome: false,
    nativeOrigin: { x, y },
    rotation: 0,
    scaleFactor: 1,
    touchSupport: 'unknown',
  };
}

export class FakeScreen
  extends EventEmitter
  implements Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>
{
  displays: Display[] = [fakeDisplay(1, 0, 0)];

  constructor(private readonly electron: FakeElectron) {
    super();
  }

  getPrimaryDisplay(): Display {
    const primary = this.getAllDisplays()[0];
    if (!primary) throw new Error('no display');
    return primary;
  }

  getAllDisplays(): Display[] {
    if (!this.electron.app.ready) throw notReady('screen');
    return this.displays;
  }
}

type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Real encryption under a key of this fake, so ciphertext on disk never shows the secret. */
export class FakeSafeStorage implements Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
> {
  available = true;
  backend: StorageBackend = 'gnome_libsecret';
  private readonly key = randomBytes(32);

  constructor(private readonly electron: FakeElectron) {}

  isEncryptionAvailable(): boolean {
    return this.electron.app.ready && this.available;
  }

  getSelectedStorageBackend(): StorageBackend {
    if (!this.electron.app.ready) throw notReady('safeStorage');
    return this.backend;
  }

  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) throw new Error('Decryption is not available.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
  }
}

type MenuTemplate = Parameters<typeof Menu.buildFromTemplate>[0];

export class FakeMenu {
  static electron: FakeElectron;

  constructor(readonly template: MenuTemplate) {}

  static buildFromTemplate(template: MenuTemplate): FakeMenu {
    return new FakeMenu(template);
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.electron.applicationMenu = menu;
  }

  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.electron.applicationMenu ?? null;
  }
}

type BlockerType = Parameters<PowerSaveBlocker['start']>[0];

export class FakePowerSaveBlocker implements Pick<
  PowerSaveBlocker,
  'start' | 'stop' | 'isStarted'
> {
  readonly active = new Map<number, BlockerType>();
  private nextId = 1;

  start(type: BlockerType): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }

  stop(id: number): boolean {
    return this.active.delete(id);
  }

  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

// ---------------------------------------------------------------------------------------
// dialog

export class FakeDialog implements Pick<Dialog, 'showErrorBox' | 'showSaveDialog'> {
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly saveDialogs: SaveDialogOptions[] = [];
  /** What the person picks in the next save dialog: a path, or cancel. */
  nextSave: SaveDialogReturnValue = { canceled: true, filePath: '' };

  showSaveDialog(
    windowOrOptions: BaseWindow | SaveDialogOptions,
    options?: SaveDialogOptions,
  ): Promise<SaveDialogReturnValue> {
    this.saveDialogs.push(options ?? windowOrOptions);
    return Promise.resolve(this.nextSave);
  }

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

// ---------------------------------------------------------------------------------------

/** One fake Electron: the state every module above shares. */
export class FakeElectron {
  nextContentsId = 1;
  readonly allContents = new Map<number, FakeWebContents>();
  readonly windows: FakeBrowserWindow[] = [];
  /** Unset until the code under test sets one: Electron's default menu. */
  applicationMenu: FakeMenu | null | undefined = undefined;
  readonly app: FakeApp;
  readonly ipcMain = new FakeIpcMain();
  readonly ipcRenderer = new FakeIpcRenderer(this);
  readonly contextBridge = new FakeContextBridge();
  readonly protocol = new FakeProtocol(this);
  readonly session = new FakeSessionModule(this);
  readonly screen = new FakeScreen(this);
  readonly safeStorage = new FakeSafeStorage(this);
  readonly powerSaveBlocker = new FakePowerSaveBlocker();
  readonly webContents = new FakeWebContentsModule(this);
  readonly dialog = new FakeDialog();

  constructor(home = mkdtempSync(join(tmpdir(), 'fake-electron-'))) {
    this.app = new FakeApp(home);
    FakeBrowserWindow.electron = this;
    FakeMenu.electron = this;
  }

  /** The window of the till (the first one opened). */
  get till(): FakeBrowserWindow {
    const first = this.windows[0];
    if (!first) throw new Error('no window was opened');
    return first;
  }
}

/*
 * The module `electron` as the code under test imports it: live bindings, so after a reset
 * the code under test reaches the new fake.
 */
export let fake = new FakeElectron();
export let app = fake.app;
export let ipcMain = fake.ipcMain;
export let ipcRenderer = fake.ipcRenderer;
export let contextBridge = fake.contextBridge;
export let protocol = fake.protocol;
export let session = fake.session;
export let screen = fake.screen;
export let safeStorage = fake.safeStorage;
export let powerSaveBlocker = fake.powerSaveBlocker;
export let webContents = fake.webContents;
export let dialog = fake.dialog;
export { FakeBrowserWindow as BrowserWindow, FakeMenu as Menu };

/** A fresh fake for the next test (or a restart: pass the same `home` for the same user). */
export function resetFakeElectron(home?: string): FakeElectron {
  fake = new FakeElectron(home);
  ({
    app,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    session,
    screen,
    safeStorage,
    powerSaveBlocker,
    webContents,
    dialog,
  } = fake);
  return fake;
}
