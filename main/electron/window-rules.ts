import type {
  BrowserWindowConstructorOptions,
  Display,
  HandlerDetails,
  WebContents,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-protocol';

export const TILL_URL = `${APP_ORIGIN}/index.html`;

/** The one page a window may be opened on: the customer display. */
export function isCustomerDisplayUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const parsed = new URL(url);
  return parsed.pathname === '/index.html' && parsed.searchParams.get('view') === 'customer';
}

/** Every window of ours: the preload bridge only, no Node, sandboxed (Electron checklist). */
export const secureWebPreferences = (preload: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
});

/**
 * The till stays on app://countertop: a navigation or a server redirect anywhere else is
 * stopped (Electron checklist: limit navigation).
 */
export function keepTillInApp(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/** The customer display shows one page: it navigates nowhere and opens nothing. */
export function pinCustomerDisplay(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface Displays {
  primary: Display;
  all: Display[];
}

/** Full screen on the first display that is not the till's; a window beside it otherwise. */
export function customerWindowOptions(
  displays: Displays,
  preload: string,
): BrowserWindowConstructorOptions {
  const other = displays.all.find((d) => d.id !== displays.primary.id);
  const base: BrowserWindowConstructorOptions = {
    title: 'Countertop customer display',
    backgroundColor: '#0b3d3a',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  };
  return other
    ? { ...base, x: other.bounds.x, y: other.bounds.y, fullscreen: true }
    : { ...base, width: 800, height: 480 };
}

/** The till may open the customer display and nothing else (Electron checklist). */
export const tillWindowOpenHandler =
  (displays: () => Displays, preload: string) =>
  ({ url }: HandlerDetails): WindowOpenHandlerResponse =>
    isCustomerDisplayUrl(url)
      ? {
          action: 'allow',
          overrideBrowserWindowOptions: customerWindowOptions(displays(), preload),
        }
      : { action: 'deny' };
