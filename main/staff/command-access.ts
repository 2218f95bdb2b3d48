import type { CommandName } from '@app/api/names';
import type { Permission } from '@app/staff/permissions';

/**
 * What each contract command needs before its handler runs (checked in the dispatcher):
 * - `public`: nobody signed in (the lock screen, the setup wizard, the customer display);
 * - `login`: any signed-in, unlocked person;
 * - a permission: a role that has it, or a one-shot override (session.override) for it.
 * The Record type makes a command added to the contract without an entry here a compile
 * error, and command-access.test.ts checks it again at run time.
 */
export type Access = 'public' | 'login' | Permission;

export const commandAccess: Record<CommandName, Access> = {
  'app.info': 'public',
  'settings.get': 'public',
  'settings.update': 'settings.change',
  'catalog.search': 'login',
  // The cashier's grid and product look-ups; everything that changes the catalog is managed.
  'catalog.get': 'login',
  'catalog.grid': 'sale.sell',
  'catalog.categories': 'login',
  'catalog.scaleLabels': 'login',
  'catalog.list': 'catalog.manage',
  'catalog.save': 'catalog.manage',
  'catalog.setActive': 'catalog.manage',
  'catalog.setFavourite': 'catalog.manage',
  'catalog.saveCategories': 'catalog.manage',
  'catalog.deleteCategory': 'catalog.manage',
  'catalog.importUpload': 'catalog.manage',
  'catalog.importDryRun': 'catalog.manage',
  'catalog.importApply': 'catalog.manage',
  'catalog.export': 'catalog.manage',
  'catalog.setScaleLabels': 'catalog.manage',
  // The customer display shows the cart to anyone standing at the counter.
  'cart.get': 'public',
  'cart.scan': 'sale.sell',
  'cart.addProduct': 'sale.sell',
  'cart.setQuantity': 'sale.sell',
  'cart.removeLine': 'sale.sell',
  // Beyond the owner's limit the handler also asks for discount.overLimit.
  'cart.setLineDiscount': 'sale.sell',
  'cart.setOrderDiscount': 'sale.sell',
  'cart.clear': 'sale.sell',
  'sale.payCash': 'sale.sell',
  'sale.list': 'sale.history',
  'sale.get': 'sale.history',
  'printer.status': 'login',
  'printer.configure': 'devices.manage',
  'printer.jobs': 'login',
  'printer.retry': 'login',
  'printer.skip': 'login',
  'printer.reprint': 'sale.history',
  'printer.kickDrawer': 'drawer.noSale',
  'printer.drawerSettings': 'devices.manage',
  'printer.testPage': 'devices.manage',
  'printer.pages': 'login',
  'printer.simulateOffline': 'devices.manage',
  'printer.logo': 'login',
  // The shop's branding on every receipt: the owner's, like the receipt header.
  'printer.setLogo': 'settings.change',
  'printer.setBackup': 'devices.manage',
  // Like retry and skip: the cashier gets a held receipt out on the backup printer.
  'printer.sendToBackup': 'login',
  'sync.status': 'login',
  'sync.bind': 'sync.bind',
  'sync.unbind': 'sync.bind',
  'sync.now': 'sync.operate',
  'sync.clearAlarm': 'sync.operate',
  'sync.closeBatch': 'day.close',
  'sync.settlements': 'reports.view',
  'devices.list': 'login',
  'devices.configure': 'devices.manage',
  'devices.test': 'devices.manage',
  'devices.terminalDiagnosis': 'devices.manage',
  'devices.simulateSwipe': 'devices.manage',
  'devices.wedgeSwipe': 'login',
  'devices.simulateScan': 'devices.manage',
  'diagnostics.logTail': 'diagnostics.run',
  'diagnostics.database': 'diagnostics.run',
  'diagnostics.system': 'diagnostics.run',
  'diagnostics.exportBundle': 'diagnostics.run',
  'diagnostics.serialOpen': 'diagnostics.run',
  'diagnostics.serialSend': 'diagnostics.run',
  'diagnostics.serialClose': 'diagnostics.run',
  'session.status': 'public',
  'session.users': 'public',
  'session.login': 'public',
  'session.lock': 'login',
  'session.logout': 'login',
  'session.override': 'login',
  // Refused by the handler once an owner exists.
  'setup.complete': 'public',
  'staff.list': 'staff.manage',
  'staff.add': 'staff.manage',
  'staff.update': 'staff.manage',
  'staff.resetPin': 'staff.manage',
  'staff.unlock': 'staff.manage',
  'staff.policy': 'login',
  'staff.setPolicy': 'settings.change',
  'audit.list': 'audit.view',
  'shift.current': 'login',
  'shift.open': 'sale.sell',
  'shift.payIn': 'cash.payInOut',
  'shift.payOut': 'cash.payInOut',
  'shift.drop': 'cash.drop',
  'shift.close': 'sale.sell',
};
