/**
 * The contract's command and event names and their IPC channels, with no schema library:
 * the sandboxed preload imports only this file, so it stays small. contract.ts defines a
 * schema for exactly these names (the compiler checks both ways).
 */
export const commandNames = [
  'app.info',
  'settings.get',
  'settings.update',
  'catalog.search',
  'cart.get',
  'cart.scan',
  'cart.addProduct',
  'cart.setQuantity',
  'cart.removeLine',
  'cart.setLineDiscount',
  'cart.setOrderDiscount',
  'cart.clear',
  'sale.payCash',
  'sale.list',
  'sale.get',
  'printer.status',
  'printer.configure',
  'printer.jobs',
  'printer.retry',
  'printer.skip',
  'printer.reprint',
  'printer.kickDrawer',
  'printer.drawerSettings',
  'printer.testPage',
  'printer.pages',
  'printer.simulateOffline',
  'sync.status',
  'sync.bind',
  'sync.unbind',
  'sync.now',
  'sync.clearAlarm',
  'sync.closeBatch',
  'sync.settlements',
  'devices.list',
  'devices.configure',
  'devices.test',
  'devices.simulateSwipe',
  'devices.wedgeSwipe',
  'devices.simulateScan',
  'diagnostics.logTail',
  'diagnostics.database',
  'diagnostics.system',
  'diagnostics.exportBundle',
  'diagnostics.serialOpen',
  'diagnostics.serialSend',
  'diagnostics.serialClose',
  'reports.x',
  'reports.closeDay',
  'reports.z',
  'reports.zList',
  'reports.printX',
  'reports.reprintZ',
  'reports.dashboard',
  'reports.settings',
  'reports.updateSettings',
] as const;

export const eventNames = [
  'cart.changed',
  'sale.committed',
  'printer.status',
  'printer.page',
  'sync.status',
  'devices.changed',
  'devices.scan',
  'devices.swipe',
  'diagnostics.serial',
] as const;

export type CommandName = (typeof commandNames)[number];
export type EventName = (typeof eventNames)[number];

export const isCommandName = (name: string): name is CommandName =>
  (commandNames as readonly string[]).includes(name);
export const isEventName = (name: string): name is EventName =>
  (eventNames as readonly string[]).includes(name);

/** Electron IPC channel of a command: one fixed channel per operation, never a generic send. */
export const ipcChannel = (command: CommandName): string => `countertop:${command}`;
export const IPC_EVENT_CHANNEL = 'countertop:event';
