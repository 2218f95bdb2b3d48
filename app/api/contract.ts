import { z } from 'zod';
import type { riskRulesInputSchema, riskViewSchema } from './payment-schemas';
import type { Result } from '../result';
import type { CommandName, EventName } from './names';
import type { swipeDiagnosisSchema } from './schemas';
import {
  databaseHealthSchema,
  logLevelSchema,
  logTailSchema,
  serialTrafficSchema,
  storageHealthSchema,
  supportBundleSchema,
  systemInfoSchema,
} from './diagnostics-schemas';
import type {
  catalogSyncViewSchema,
  catalogExportSchema,
  categorySchema,
  importPreviewSchema,
  importResultSchema,
  productInputSchema,
  productPageSchema,
  scaleLabelsSchema,
} from './catalog-schemas';
import { importProgressSchema } from './catalog-schemas';
import {
  appInfoSchema,
  cartViewSchema,
  discountSchema,
  printedPageSchema,
  printerConfigSchema,
  printerStatusSchema,
  printJobSchema,
  productSchema,
  saleRecordSchema,
  saleSummarySchema,
  settingsSchema,
  settlementViewSchema,
  syncStatusSchema,
  deviceConnectionSchema,
  deviceRoleSchema,
  devicesViewSchema,
  deviceTestResultSchema,
  maskedSwipeSchema,
  drawerSettingsSchema,
  monoImageSchema,
} from './schemas';
import { staffCommands, staffEvents } from './staff-contract';
import { paymentCommands, paymentEvents } from './payment-contract';
import { sellingCommands } from './selling-contract';
import { catalogCommands } from './catalog-contract';
import { reportsCommands } from './reports-contract';
import { riskCommands } from './risk-contract';
import { correctionCommands, correctionEvents } from './correction-contract';
import { offlineCommands, offlineEvents } from './offline-contract';
import { backupCommands, backupEvents } from './backup-contract';
import { recoveryCommands } from './recovery-contract';
import type { backupCopySchema, backupStatusSchema, restoreOutcomeSchema } from './backup-schemas';
import type { offlineViewSchema } from './offline-schemas';
import { command } from './command';
import type {
  customerViewSchema,
  heldSaleSchema,
  memberCartSchema,
  pointsRuleSchema,
  stockRowSchema,
} from './selling-schemas';
import type {
  auditRecordSchema,
  sessionViewSchema,
  shiftCloseSchema,
  shiftViewSchema,
  staffPolicySchema,
  staffUserSchema,
} from './staff-schemas';

/**
 * The one API between the renderer and main. Electron's preload and the browser host's
 * WebSocket both carry exactly this contract; main validates every input against it.
 * docs/api.md is generated from it (`npm run docs:api`) and a test keeps them equal.
 */

const none = z.strictObject({});
const logoViewSchema = z.object({ logo: monoImageSchema.nullable() });
const saleId = z.strictObject({ saleId: z.uuid() });
const jobId = z.strictObject({ jobId: z.string().min(1).max(64) });
const lineId = z.string().min(1).max(64);

export const commands = {
  'app.info': command('Version, host kind, terminal ID and batch number.', none, appInfoSchema),
  'settings.get': command('The shop settings.', none, settingsSchema),
  'settings.update': command(
    'Changes some settings; returns all of them.',
    settingsSchema.partial().strict(),
    settingsSchema,
  ),
  'catalog.search': command(
    'Products whose name (English or Chinese), SKU or barcode matches the query.',
    z.strictObject({ query: z.string().max(100), limit: z.number().int().min(1).max(100) }),
    z.array(productSchema),
  ),
  'cart.get': command('The current cart.', none, cartViewSchema),
  'cart.scan': command(
    'Adds the product with this barcode (from a scanner or typed).',
    z.strictObject({ code: z.string().max(64) }),
    cartViewSchema,
  ),
  'cart.addProduct': command(
    'Adds a product chosen from search or the grid; a product sold by weight needs its grams.',
    z.strictObject({
      productId: z.string().min(1).max(64),
      quantity: z.number().int().optional(),
      grams: z.number().int().optional(),
    }),
    cartViewSchema,
  ),
  'cart.setQuantity': command(
    'Sets a line quantity (whole units, 1 to 9999).',
    z.strictObject({ lineId, quantity: z.number() }),
    cartViewSchema,
  ),
  'cart.removeLine': command('Removes a line.', z.strictObject({ lineId }), cartViewSchema),
  'cart.setLineDiscount': command(
    'Sets or clears a line discount (percent in basis points, or an amount).',
    z.strictObject({ lineId, discount: discountSchema.nullable() }),
    cartViewSchema,
  ),
  'cart.setOrderDiscount': command(
    'Sets or clears the order discount.',
    z.strictObject({ discount: discountSchema.nullable() }),
    cartViewSchema,
  ),
  'cart.clear': command('Empties the cart (cancels the sale in progress).', none, cartViewSchema),
  'sale.payCash': command(
    'Pays the cart in cash and commits the sale; the receipt prints after the commit.',
    z.strictObject({ tenderedMinor: z.number() }),
    saleRecordSchema,
  ),
  'sale.list': command(
    'Committed sales, newest first.',
    z.strictObject({
      limit: z.number().int().min(1).max(200),
      beforeSeq: z.number().int().optional(),
    }),
    z.array(saleSummarySchema),
  ),
  'sale.get': command('One committed sale.', saleId, saleRecordSchema),
  'printer.status': command('The receipt printer and its queue.', none, printerStatusSchema),
  'printer.configure': command(
    'Chooses the receipt printer: simulated, raw TCP (port 9100), serial, or USB (/dev/usb/lp0).',
    printerConfigSchema,
    printerStatusSchema,
  ),
  'printer.jobs': command(
    'Print jobs that failed or wait, and the latest printed.',
    none,
    z.array(printJobSchema),
  ),
  'printer.retry': command('Prints a queued or failed job again.', jobId, printJobSchema),
  'printer.skip': command(
    'Gives up on a queued job (the sale stays committed).',
    jobId,
    printJobSchema,
  ),
  'printer.setBackup': command(
    'Sets (or clears) the backup printer a held receipt can be sent to.',
    z.strictObject({ config: printerConfigSchema.nullable() }),
    printerStatusSchema,
  ),
  'printer.sendToBackup': command(
    'Prints a held job on the backup printer instead; the queue behind it moves on.',
    jobId,
    printJobSchema,
  ),
  'printer.logo': command('The shop logo printed on receipts, if any.', none, logoViewSchema),
  'printer.setLogo': command(
    'Sets (or removes) the shop logo: printer dots, at most 384 wide and 240 high.',
    z.strictObject({ logo: monoImageSchema.nullable() }),
    logoViewSchema,
  ),
  'printer.reprint': command('Reprints a sale receipt, marked DUPLICATE.', saleId, printJobSchema),
  'printer.kickDrawer': command(
    'Opens the cash drawer through the printer (ESC p on pin 2 or 5, pulse from settings).',
    z.strictObject({ pin: z.union([z.literal(2), z.literal(5)]) }),
    printerStatusSchema,
  ),
  'printer.drawerSettings': command(
    'Sets the drawer kick pulse and which sensor level means open.',
    drawerSettingsSchema,
    printerStatusSchema,
  ),
  'printer.testPage': command(
    'Prints the test page: width ruler, code page table, Chinese sample, barcodes, QR, cut.',
    none,
    printJobSchema,
  ),
  'printer.pages': command(
    'What the simulated printer decoded from the bytes it received, newest last.',
    none,
    z.array(printedPageSchema),
  ),
  'printer.simulateOffline': command(
    'Takes the simulated printer offline (e.g. "paper out") or back online (null).',
    z.strictObject({ reason: z.string().max(100).nullable() }),
    printerStatusSchema,
  ),
  'sync.status': command(
    'Upload state: binding, unsynced entries, errors, alarm.',
    none,
    syncStatusSchema,
  ),
  'sync.bind': command(
    'Binds the till to an upstream host with the one-time binding code from its operator.',
    z.strictObject({
      hostUrl: z.string().min(1).max(200),
      merchantId: z.string().max(32),
      terminalId: z.string().max(32),
      bindingCode: z.string().max(16),
    }),
    syncStatusSchema,
  ),
  'sync.unbind': command(
    'Forgets the binding and the terminal secret (owner); unsynced entries stay and wait.',
    z.strictObject({ confirmTerminalId: z.string().max(32) }),
    syncStatusSchema,
  ),
  'sync.now': command('Uploads now, without waiting out the back-off.', none, syncStatusSchema),
  'sync.clearAlarm': command(
    'After the cause is fixed: clears the sync alarm and reads the host cursor again.',
    none,
    syncStatusSchema,
  ),
  'sync.closeBatch': command(
    'Closes the business day (the Z, as reports.closeDay) and queues the batch settlement; ' +
      'the batch number advances.',
    none,
    settlementViewSchema,
  ),
  'sync.settlements': command(
    'Closed batches and their settlement answers, newest first.',
    none,
    z.array(settlementViewSchema),
  ),
  'devices.list': command(
    'Devices found on USB and serial ports, and each role with its device and state.',
    none,
    devicesViewSchema,
  ),
  'devices.configure': command(
    'Assigns a device to a role (or none); it connects, and reconnects by itself.',
    z.strictObject({ role: deviceRoleSchema, connection: deviceConnectionSchema.nullable() }),
    devicesViewSchema,
  ),
  'devices.test': command(
    'Asks the device of a role to show it works (a status enquiry, a reader check).',
    z.strictObject({ role: deviceRoleSchema }),
    deviceTestResultSchema,
  ),
  'devices.terminalDiagnosis': command(
    'Runs the payment terminal diagnosis (ZVT 06 70): its line to the host, and its printout.',
    none,
    deviceTestResultSchema,
  ),
  'devices.simulateSwipe': command(
    'Swipes a test card on the simulated card reader.',
    z.strictObject({
      card: z.enum(['visa', 'visaDeclined', 'unionpayDebit', 'unionpayDebit2', 'badLrc']),
    }),
    deviceTestResultSchema,
  ),
  'devices.simulateScan': command(
    'Scans a code on the simulated barcode scanner.',
    z.strictObject({ code: z.string().min(1).max(128) }),
    deviceTestResultSchema,
  ),
  'diagnostics.logTail': command(
    "The newest records of the app's log, at or above a level, secrets redacted.",
    z.strictObject({
      lines: z.number().int().min(1).max(2_000).default(200),
      minLevel: logLevelSchema.default('info'),
    }),
    logTailSchema,
  ),
  'diagnostics.database': command(
    'Checks the ledger database (quick or full integrity check, sizes) and re-verifies its hash chain.',
    z.strictObject({ full: z.boolean().default(false) }),
    databaseHealthSchema,
  ),
  'diagnostics.system': command(
    'Versions, operating system, memory and free disk space of this computer.',
    none,
    systemInfoSchema,
  ),
  'diagnostics.exportBundle': command(
    'Writes a support bundle (settings, devices, sync, database health, log tail; every ' +
      'secret and card number redacted) to the data folder and returns it.',
    none,
    supportBundleSchema,
  ),
  'diagnostics.serialOpen': command(
    'Opens a serial port in the monitor (not one a device role uses); its bytes arrive as events.',
    z.strictObject({
      path: z.string().min(1).max(200),
      baudRate: z.number().int().min(300).max(921_600),
    }),
    z.object({}),
  ),
  'diagnostics.serialSend': command(
    'Sends bytes through the monitor: hex ("1b 40") or text, one of them.',
    z.strictObject({
      hex: z.string().max(2_048).optional(),
      text: z.string().max(1_024).optional(),
    }),
    z.object({}),
  ),
  'diagnostics.serialClose': command('Closes the monitor port.', none, z.object({})),
  'devices.wedgeSwipe': command(
    'A keyboard-wedge reader swiped: the renderer hands the keystroke burst over at once and ' +
      'keeps nothing. Answers with the masked result; track data stays in the main process.',
    // ISO 7813 tracks 1-3 with sentinels and LRCs come to 230 characters.
    z.strictObject({ text: z.string().max(256) }),
    maskedSwipeSchema,
  ),
  ...staffCommands,
  ...catalogCommands,
  ...riskCommands,
  ...offlineCommands,
  ...reportsCommands,
  ...paymentCommands,
  ...sellingCommands,
  ...correctionCommands,
  ...backupCommands,
  ...recoveryCommands,
} as const satisfies Record<CommandName, { summary: string; input: z.ZodType; output: z.ZodType }>;

export const events = {
  'cart.changed': { summary: 'The cart changed.', payload: cartViewSchema },
  'sale.committed': { summary: 'A sale was committed to the ledger.', payload: saleSummarySchema },
  'printer.status': { summary: 'The printer or its queue changed.', payload: printerStatusSchema },
  'printer.page': { summary: 'The simulated printer finished a page.', payload: printedPageSchema },
  'sync.status': { summary: 'The upload state changed.', payload: syncStatusSchema },
  'devices.changed': {
    summary: 'A device connected, went away or changed role.',
    payload: devicesViewSchema,
  },
  'diagnostics.serial': {
    summary: 'Bytes in or out of the serial monitor, as hex and text.',
    payload: serialTrafficSchema,
  },
  'diagnostics.storage': {
    summary: 'Writing the log or checkpointing the ledger started or stopped failing.',
    payload: storageHealthSchema,
  },
  'devices.scan': {
    summary: 'The serial barcode scanner read a code: the sell screen takes it as a scan.',
    payload: z.object({ code: z.string() }),
  },
  'devices.swipe': {
    summary: 'A card was swiped (masked) or the swipe failed.',
    payload: maskedSwipeSchema,
  },
  ...staffEvents,
  'catalog.changed': {
    summary: 'Products or categories changed (an edit or an import): grids and lists reload.',
    payload: z.object({}),
  },
  'catalog.importProgress': {
    summary: 'How far an import being applied has got.',
    payload: importProgressSchema,
  },
  ...paymentEvents,
  ...correctionEvents,
  ...offlineEvents,
  ...backupEvents,
} as const satisfies Record<EventName, { summary: string; payload: z.ZodType }>;

export type Commands = typeof commands;
export type { CommandName, EventName } from './names';
export { commandNames, eventNames, isCommandName, isEventName } from './names';
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;
export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** What the renderer holds: the same object whether Electron or the browser host carries it. */
export interface CountertopApi {
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export type Settings = z.output<typeof settingsSchema>;
export type CartView = z.output<typeof cartViewSchema>;
export type PrinterConfig = z.output<typeof printerConfigSchema>;
export type DrawerSettings = z.output<typeof drawerSettingsSchema>;
export type PrinterStatus = z.output<typeof printerStatusSchema>;
export type PrintJob = z.output<typeof printJobSchema>;
export type PrintedPage = z.output<typeof printedPageSchema>;
export type AppInfo = z.output<typeof appInfoSchema>;
export type SyncStatus = z.output<typeof syncStatusSchema>;
export type SettlementView = z.output<typeof settlementViewSchema>;
export type DeviceRole = z.output<typeof deviceRoleSchema>;
export type DeviceConnection = z.output<typeof deviceConnectionSchema>;
export type DevicesView = z.output<typeof devicesViewSchema>;
export type DeviceStatus = z.output<typeof devicesViewSchema>['devices'][number];
export type DeviceTestResult = z.output<typeof deviceTestResultSchema>;
export type MaskedSwipe = z.output<typeof maskedSwipeSchema>;
export type SwipeDiagnosisView = z.output<typeof swipeDiagnosisSchema>;
export type LogTailView = z.output<typeof logTailSchema>;
export type DatabaseHealthView = z.output<typeof databaseHealthSchema>;
export type SystemInfoView = z.output<typeof systemInfoSchema>;
export type StorageHealthView = z.output<typeof storageHealthSchema>;
export type SupportBundleView = z.output<typeof supportBundleSchema>;
export type SerialTraffic = z.output<typeof serialTrafficSchema>;
export type SessionView = z.output<typeof sessionViewSchema>;
export type StaffUserView = z.output<typeof staffUserSchema>;
export type StaffPolicyView = z.output<typeof staffPolicySchema>;
export type AuditRecordView = z.output<typeof auditRecordSchema>;
export type ShiftView = z.output<typeof shiftViewSchema>;
export type ShiftCloseView = z.output<typeof shiftCloseSchema>;
export type ProductInput = z.output<typeof productInputSchema>;
export type CategoryView = z.output<typeof categorySchema>;
export type ProductPage = z.output<typeof productPageSchema>;
export type ImportPreview = z.output<typeof importPreviewSchema>;
export type ImportResult = z.output<typeof importResultSchema>;
export type ImportProgress = z.output<typeof importProgressSchema>;
export type CatalogExport = z.output<typeof catalogExportSchema>;
export type ScaleLabels = z.output<typeof scaleLabelsSchema>;
export type CatalogSyncView = z.output<typeof catalogSyncViewSchema>;
export type { PaymentView, TenderDetail } from './payment-schemas';
export type {
  Dashboard,
  ReportFigures,
  ReportSettings,
  ShiftReport,
  ZSummary,
} from '../reports/report-schema';
export type RiskView = z.output<typeof riskViewSchema>;
export type RiskRulesInput = z.output<typeof riskRulesInputSchema>;
export type OfflineView = z.output<typeof offlineViewSchema>;
// Hold and recall, customers and member points, stock (issue #7).
export type HeldSaleView = z.output<typeof heldSaleSchema>;
export type CustomerView = z.output<typeof customerViewSchema>;
export type MemberCartView = z.output<typeof memberCartSchema>;
export type PointsRuleView = z.output<typeof pointsRuleSchema>;
export type StockRow = z.output<typeof stockRowSchema>;
// Backup and restore (issue #14).
export type BackupStatus = z.output<typeof backupStatusSchema>;
export type BackupCopy = z.output<typeof backupCopySchema>;
export type RestoreOutcome = z.output<typeof restoreOutcomeSchema>;
