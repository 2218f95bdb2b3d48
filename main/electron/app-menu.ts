import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuChoice {
  /** A packaged build: no reload or developer tools for whoever stands at the till. */
  packaged: boolean;
  /** Kiosk mode: no menu at all. */
  kiosk: boolean;
  platform: NodeJS.Platform;
}

/** The application menu's template: editing keys always, reload and dev tools only in development. */
export function appMenuTemplate(choice: Omit<MenuChoice, 'kiosk'>): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    // macOS puts Quit in the menu named after the app; elsewhere it sits under File.
    choice.platform === 'darwin'
      ? { role: 'appMenu' }
      : { label: 'File', submenu: [{ role: 'quit' }] },
    // Copy and paste shortcuts (product names, a binding code) work through these roles.
    { role: 'editMenu' },
  ];
  if (!choice.packaged) {
    template.push({
      label: 'Develop',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  return template;
}

export function installAppMenu(choice: MenuChoice): void {
  Menu.setApplicationMenu(choice.kiosk ? null : Menu.buildFromTemplate(appMenuTemplate(choice)));
}
