import type { Permission } from '@app/staff/permissions';

export type Screen =
  | 'sell'
  | 'shift'
  | 'history'
  | 'printer'
  | 'catalog'
  | 'stock'
  | 'reports'
  | 'staff'
  | 'audit'
  | 'risk'
  | 'settings'
  | 'devices'
  | 'diagnostics'
  | 'sync'
  | 'backup';

/**
 * The screens in three groups: the till's own are tabs in sight; the back office and the
 * devices open as menus, so a 1024 px counter screen holds every one in one row.
 */
export const navGroups = [
  { id: 'till', screens: ['sell', 'shift', 'history', 'printer'] },
  {
    id: 'backOffice',
    screens: ['catalog', 'stock', 'reports', 'staff', 'audit', 'risk', 'settings', 'backup'],
  },
  { id: 'devices', screens: ['devices', 'diagnostics', 'sync'] },
] as const satisfies readonly { id: string; screens: readonly Screen[] }[];

export type NavGroupId = (typeof navGroups)[number]['id'];

/** Screens a role may not use are hidden; main refuses their commands anyway. */
export const screenNeeds: Record<Screen, readonly Permission[]> = {
  sell: ['sale.sell'],
  shift: ['sale.sell'],
  history: ['sale.history'],
  catalog: ['catalog.manage'],
  reports: ['reports.view'],
  risk: ['settings.change'],
  // Cashiers retry, skip or reroute held receipts; setting the printer up stays guarded in main.
  printer: ['sale.sell', 'devices.manage'],
  devices: ['devices.manage'],
  diagnostics: ['diagnostics.run'],
  sync: ['sync.operate', 'sync.bind'],
  settings: ['settings.change'],
  staff: ['staff.manage'],
  audit: ['audit.view'],
  stock: ['catalog.manage'],
  backup: ['data.backup'],
};

/** The screens `permissions` open, in navigation order. */
export function screensFor(permissions: readonly Permission[]): Screen[] {
  return navGroups.flatMap((group) =>
    group.screens.filter((s) => screenNeeds[s].some((p) => permissions.includes(p))),
  );
}
