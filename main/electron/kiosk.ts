import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KIOSK_FLAG = '--kiosk';
export const NO_KIOSK_FLAG = '--no-kiosk';

/**
 * Kiosk mode is chosen at launch: `--kiosk` runs full screen with no menu and makes the
 * till start at login (with `--kiosk` again); `--no-kiosk` undoes the start at login.
 */
export function kioskLaunch(argv: readonly string[]): {
  kiosk: boolean;
  startAtLogin: boolean | null;
} {
  if (argv.includes(NO_KIOSK_FLAG)) return { kiosk: false, startAtLogin: false };
  if (argv.includes(KIOSK_FLAG)) return { kiosk: true, startAtLogin: true };
  return { kiosk: false, startAtLogin: null };
}

export interface LoginStart {
  platform: NodeJS.Platform;
  /** What the login session runs: the AppImage file, or the installed executable. */
  executable: string;
  /** Linux: the XDG autostart folder (~/.config/autostart). */
  autostartDir: string;
}

/** Quotes an Exec= argument as the Desktop Entry Specification asks. */
const desktopExecArg = (arg: string): string => `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;

/**
 * Starts the till in kiosk mode at login, or stops doing so. Electron's login items are
 * macOS and Windows only; on Linux the XDG autostart folder does the same.
 */
export function setStartAtLogin(enabled: boolean, where: LoginStart): void {
  if (where.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [KIOSK_FLAG] });
    return;
  }
  const file = join(where.autostartDir, 'countertop.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(where.autostartDir, { recursive: true });
  writeFileSync(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Countertop',
      `Exec=${desktopExecArg(where.executable)} ${KIOSK_FLAG}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  );
}
