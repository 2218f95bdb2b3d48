import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { AppInfo, PrinterConfig } from '@app/api/contract';
import { drawerSettingsSchema, printerConfigSchema } from '@app/api/schemas';
import { buildSaleReceipt } from '@app/receipt/sale-receipt';
import type { SaleRecord } from '@app/sale/sale';
import { saleFromEntry } from './sales/sale-entry';
import { SimulatedPrinter } from '@native/sim/simulated-printer';
import { openDatabase } from './ledger/database';
import { Ledger } from './kernel/ledger';
import { IdleCheckpointer } from './ledger/idle-checkpointer';
import { CatalogStore } from './catalog/catalog-store';
import { demoCatalog, demoCategories } from './catalog/demo-catalog';
import { keepTaxClassesInUse } from './catalog/tax-class-check';
import { CatalogService } from './catalog/catalog-service';
import { CatalogImportService } from './catalog/catalog-import-service';
import { workerImportRunner } from './catalog/import-runner';
import type { ImportRunner } from './catalog/import-runner';
import { SaleRepository } from './sales/sale-repository';
import { SaleService } from './sales/sale-service';
import { CartService } from './cart/cart-service';
import { SettingsStore } from './settings/settings-store';
import { TerminalIdentityStore } from './terminal/terminal-identity';
import { SyncService } from './sync/sync-service';
import { DeviceService } from './devices/device-service';
import { FileSecretStore } from './sync/secret-store';
import type { SecretStore } from './sync/secret-store';
import type { RetryLimits } from './sync/retry-delay';
import { PrintJobStore } from './printing/print-job-store';
import { PrintService } from './printing/print-service';
import { ShopLogo } from './printing/shop-logo';
import { createPayments } from './payments/create-payments';
import { EventBus } from './kernel/event-bus';
import { createDispatcher } from './api/dispatcher';
import type { Dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { customerViewOfCart } from '@app/display/customer-view';
import { poleScreenOf } from './devices/customer-screens';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { StorageHealth } from './diagnostics/storage-health';
import { SerialMonitor } from './diagnostics/serial-monitor';
import { createFileLogger } from './log/logger';
import type { Logger } from './log/logger';
import { AuditLog } from './staff/audit-log';
import { StaffStore } from './staff/staff-store';
import { StaffService } from './staff/staff-service';
import { SessionService } from './staff/session';
import { UserLanguages } from './staff/user-languages';
import { ShiftService } from './staff/shift-service';
import { SaleOverrides } from './staff/sale-overrides';
import { createCommandGuard } from './staff/command-guard';
import { withStaffRules } from './staff/staff-handlers';
import type { ScryptCost } from './staff/pin-hash';
import { ReportIndex } from './reports/report-index';
import { ReportService } from './reports/report-service';
import { ReportSettingsStore } from './reports/report-settings';
import { buildReportReceipt } from '@app/receipt/report-receipt';
import type { ShiftReport } from '@app/reports/report-schema';
import { createCorrections } from './corrections/create-corrections';
import { buildCorrectionReceipt } from '@app/receipt/correction-receipt';
import { followWithReceipts } from './printing/receipt-outbox';
import { HeldSales } from './selling/held-sales';
import { CustomerStore } from './members/customer-store';
import { PointsBook } from './members/points-book';
import { MemberService } from './members/member-service';
import { StockService } from './stock/stock-service';
import { createBackup } from './backup/create-backup';
import type { LedgerSwap } from './backup/ledger-swap';

export interface ServicesOptions {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** Path of a better-sqlite3 binary built for Electron's ABI, when running in Electron. */
  sqliteBinding?: string;
  log?: Logger;
  /** Fault injection for tests (e.g. a capped file size standing in for a full disk). */
  onDatabase?: (db: Database.Database) => void;
  /** Where the terminal secret is kept; by default a file only this user may read. */
  secrets?: SecretStore;
  /** Where other keys are kept (the card-hash key), by name; by default such files too. */
  secretStoreFor?: (name: string) => SecretStore;
  /** `--simulate`: roles with no saved device use their simulators. */
  simulateDevices?: boolean;
  /** Upload request timeout and back-off limits (tests shorten them). */
  syncTimeoutMs?: number;
  syncRetryLimits?: RetryLimits;
  /** Staff: the clock sessions and lockouts read (tests move it), a cheaper scrypt for tests. */
  now?: () => Date;
  scryptCost?: ScryptCost;
  /** Where a CSV import is applied; by default a worker thread with its own connection. */
  importRunner?: ImportRunner;
  /** Payments (issue #6): the host's authorization timeout (30 s) and the swipe wait; tests shorten them. */
  authorizationTimeoutMs?: number;
  swipeWaitMs?: number;
  abandonPaymentAfterMs?: number;
  /** Restore (issue #14): close these services, swap the ledger, start anew (restartable-services.ts). */
  replaceLedger?: (swap: LedgerSwap) => void;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  log: Logger;
  /** Whether a shift is open now (then `shift.changed` tells of each change). */
  shiftOpen(): boolean;
  /** Waits for queued print jobs to be tried and any upload step in flight (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const PRINTER_KEY = 'printer.config';
const DRAWER_KEY = 'printer.drawer';
const BACKUP_PRINTER_KEY = 'printer.backup';

/** The composition root: every service built once, with its dependencies passed in. */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = join(options.dataDir, 'logs', 'countertop.log');
  const storage = new StorageHealth();
  const log = options.log ?? createFileLogger(logFile, storage.reporter('log'));
  const file = join(options.dataDir, 'ledger.sqlite');
  const db = openDatabase(file, {
    checkpoint: 'manual',
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
  });
  const checkpointer = new IdleCheckpointer(db, `${file}-wal`, storage.reporter('checkpoint', log));
  checkpointer.start();
  options.onDatabase?.(db);
  const bus = new EventBus();
  storage.onChange((view) => bus.emit('diagnostics.storage', view));
  const settings = new SettingsStore(db);
  const catalog = new CatalogStore(db, () => settings.get().taxClasses.map((c) => c.id));
  settings.addCheck(keepTaxClassesInUse(catalog));
  // A newcomer can sell within a minute: the demo catalog is there on first start.
  if (catalog.count() === 0) {
    catalog.saveCategories(demoCategories());
    catalog.upsertMany(demoCatalog());
  }
  const identity = new TerminalIdentityStore(db);
  // Reports: every appended entry also lands in the daily sums, in the same transaction.
  // Read once: asking Intl for it costs more than building a whole receipt.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const reportSettings = new ReportSettingsStore(settings, timeZone);
  const reportIndex = new ReportIndex(db, {
    clock: () => {
      const { timeZone, cutoffHour } = reportSettings.get();
      return { timeZone, cutoffHour };
    },
    fees: () => reportSettings.get().fees,
    log,
  });
  // The commit protocol: what an entry owes follows it inside its transaction (report sums,
  // member points and stock here; the sale's rows, cart, payment session, overrides and
  // receipt below); what reacts to it subscribes to the committed-entry stream.
  const ledger = new Ledger(db, log);
  ledger.follow('all', (entry) => reportIndex.apply(entry));
  const points = new PointsBook(db);
  ledger.follow('all', (entry) => points.apply(entry));
  const secretStoreFor =
    options.secretStoreFor ?? ((name: string) => new FileSecretStore(join(options.dataDir, name)));
  const secrets = options.secrets ?? secretStoreFor('terminal-secret');
  const sync = new SyncService({
    db,
    ledger,
    identity,
    secrets,
    log,
    currency: () => settings.get().currency,
    onStatus: (status) => bus.emit('sync.status', status),
    ...(options.syncTimeoutMs === undefined ? {} : { timeoutMs: options.syncTimeoutMs }),
    ...(options.syncRetryLimits ? { retryLimits: options.syncRetryLimits } : {}),
  });
  ledger.onCommitted(() => sync.noteNewEntry());
  const saleRepository = new SaleRepository(db);
  const catalogService = new CatalogService({
    catalog,
    settings,
    changed: () => bus.emit('catalog.changed', {}),
  });
  const catalogImport = new CatalogImportService({
    catalog,
    currency: () => settings.get().currency,
    taxClasses: () => settings.get().taxClasses,
    runner: options.importRunner ?? workerImportRunner,
    job: { file, ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}) },
    newId: () => randomUUID(),
    emit: (progress) => bus.emit('catalog.importProgress', progress),
    onImported: () => bus.emit('catalog.changed', {}),
  });
  const cart = new CartService(catalog, settings, bus, () => catalogService.scaleLabels());
  ledger.follow(['sale'], (entry) => cart.consume(entry));
  ledger.onCommitted((entry) => entry.type === 'sale' && cart.committed(entry));
  const devices = new DeviceService({
    settings,
    log,
    simulateUnassigned: options.simulateDevices ?? false,
    onChange: (view) => bus.emit('devices.changed', view),
    onSwipe: (swipe) => bus.emit('devices.swipe', swipe),
    onScan: (code) => bus.emit('devices.scan', { code }),
  });
  // The pole display follows the cart; the thank-you screen comes from the sale itself.
  bus.on('cart.changed', (cart) => devices.showCustomer(poleScreenOf(customerViewOfCart(cart))));

  const savedPrinter = printerConfigSchema.safeParse(settings.getValue(PRINTER_KEY));
  const savedDrawer = drawerSettingsSchema.safeParse(settings.getValue(DRAWER_KEY));
  const savedBackup = printerConfigSchema.safeParse(settings.getValue(BACKUP_PRINTER_KEY));
  const printing = new PrintService({
    jobs: new PrintJobStore(db),
    simulated: new SimulatedPrinter(),
    bus,
    log,
    config: savedPrinter.success ? savedPrinter.data : { kind: 'simulated' },
    saveConfig: (config: PrinterConfig) => settings.setValue(PRINTER_KEY, config),
    drawer: savedDrawer.success ? savedDrawer.data : { pulseMs: 100, openWhen: 'high' },
    saveDrawer: (drawer) => settings.setValue(DRAWER_KEY, drawer),
    backup: savedBackup.success ? savedBackup.data : null,
    saveBackup: (config) => settings.setValue(BACKUP_PRINTER_KEY, config),
  });
  const logo = new ShopLogo(settings);
  const receiptSettings = () => {
    const s = settings.get();
    return {
      shopName: s.shopName,
      paperWidth: s.paperWidth,
      locale: s.locale,
      timeZone,
    };
  };
  const receiptFor = (sale: SaleRecord, duplicate: boolean) => {
    const s = settings.get();
    return buildSaleReceipt(sale, {
      ...receiptSettings(),
      header: [s.shopAddress, s.receiptHeader].filter((line) => line.trim() !== '').join('\n'),
      footer: s.receiptFooter,
      duplicate,
      logo: logo.get(),
      taxClasses: s.taxClasses,
    });
  };
  followWithReceipts({
    ledger,
    printing,
    saleReceipt: (sale) => receiptFor(sale, false),
    correctionReceipt: (entry, sale) =>
      buildCorrectionReceipt(entry, sale, { ...receiptSettings(), header: '', footer: '' }),
    saleById: (id) => saleRepository.get(id),
  });
  // The customer's thank-you and the screens' sale.committed follow the committed sale.
  ledger.onCommitted((entry) => {
    if (entry.type !== 'sale') return;
    const sale = saleFromEntry(entry);
    const change = sale.tenders.find((tender) => tender.method === 'cash')?.changeMinor ?? 0;
    devices.showCustomer(
      poleScreenOf({
        kind: 'thanks',
        paidMinor: sale.paidMinor,
        changeMinor: change,
        currency: sale.currency,
      }),
    );
    bus.emit('sale.committed', {
      id: sale.id,
      seq: sale.seq,
      at: sale.at,
      currency: sale.currency,
      paidMinor: sale.paidMinor,
      itemCount: sale.totals.itemCount,
      tenderMethods: sale.tenders.map((t) => t.method),
    });
  });
  // Staff, sessions, the audit log and shifts (issue #5).
  const now = options.now ?? (() => new Date());
  const audit = new AuditLog(db, () => `${options.host}:${identity.current().terminalId}`, now);
  const staffStore = new StaffStore(db);
  const staff = new StaffService({
    staff: staffStore,
    settings,
    audit,
    now,
    ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
  });
  const session = new SessionService({
    staff: staffStore,
    audit,
    policy: () => staff.policy(),
    now: () => now().getTime(),
    onChange: (view) => bus.emit('session.changed', view),
    languages: new UserLanguages(settings),
  });
  const shifts = new ShiftService({
    db,
    ledger,
    audit,
    batchNo: () => identity.current().batchNo,
    currency: () => settings.get().currency,
    policy: () => staff.policy(),
    now,
  });
  // The screen stays on while a shift is open (Electron's power-save blocker listens).
  ledger.onCommitted((entry) => {
    if (entry.type === 'shift_open' || entry.type === 'shift_close') {
      bus.emit('shift.changed', { open: entry.type === 'shift_open' });
    }
  });
  const saleOverrides = new SaleOverrides(settings);
  // An emptied cart takes its overrides with it: a sold one in the sale's own transaction.
  ledger.follow(['sale'], () => saleOverrides.clear());
  bus.on('cart.changed', (view) => view.lines.length === 0 && saleOverrides.clear());
  // Hold and recall, customers and member points, stock (issue #7).
  const held = new HeldSales({
    db,
    cart,
    overrides: saleOverrides,
    audit,
    now,
    newId: () => randomUUID(),
  });
  const members = new MemberService({
    customers: new CustomerStore(db),
    points,
    cart,
    settings,
    newId: () => randomUUID(),
    now,
    isProductCode: (code) => catalog.byBarcode(code) !== null,
  });
  const stock = new StockService({ db, settings, audit, now });
  ledger.follow(['sale', 'void', 'refund'], (entry) => stock.apply(entry));
  const idleTimer = setInterval(() => session.checkIdle(), 10_000);
  idleTimer.unref();

  const sales = new SaleService({
    ledger,
    sales: saleRepository,
    cart,
    identity: () => identity.current(),
    log,
    staffDetail: () => {
      const operator = session.requireUser();
      const shift = shifts.requireOwn(operator);
      return { operator, shiftId: shift.id, overrides: saleOverrides.list() };
    },
    memberOf: (current, totalMinor) => members.memberOf(current, totalMinor),
  });
  sales.reconcileAtStart();

  const printReport = (report: ShiftReport, duplicate: boolean) => {
    const s = settings.get();
    return printing.enqueue(
      duplicate ? 'reprint' : 'receipt',
      null,
      buildReportReceipt(report, {
        shopName: s.shopName,
        paperWidth: s.paperWidth,
        locale: s.locale,
        printedAt: new Date().toISOString(),
        duplicate,
        taxClasses: s.taxClasses,
      }),
    );
  };
  const reports = new ReportService({
    db,
    ledger,
    index: reportIndex,
    identity,
    settings: reportSettings,
    currency: () => settings.get().currency,
    log,
    heldSales: () => held.list(),
    afterClose: (report) => printReport(report, false),
  });
  reports.catchUp();

  const diagnostics = new DiagnosticsService({
    db,
    databaseFile: file,
    dataDir: options.dataDir,
    logFile,
    appVersion: options.version,
    devices: () => devices.view(),
    syncStatus: () => sync.status(),
    storage: () => storage.view(),
    knownSecrets: () => {
      const secret = secrets.get();
      return secret === null ? [] : [secret.toString('base64'), secret.toString('hex')];
    },
  });
  const serialMonitor = new SerialMonitor({
    roleUsing: (path) => {
      const printer = printing.status().config;
      if ((printer.kind === 'serial' || printer.kind === 'usb-lp') && printer.path === path) {
        return 'receipt printer';
      }
      const role = devices.roleUsingPath(path);
      return role === null ? null : role === 'cardReader' ? 'card reader' : 'payment terminal';
    },
    emit: (traffic) => bus.emit('diagnostics.serial', traffic),
  });
  const { authorizations, riskSettings, cardKeyer, risk, payments, forwarder, offline, payment } =
    createPayments({
      db,
      ledger,
      settings,
      secretStoreFor,
      sync,
      devices,
      identity,
      cart,
      sales,
      reportSettings,
      bus,
      log,
      options,
    });
  const corrections = createCorrections({
    db,
    ledger,
    saleRepository,
    identity,
    session,
    shifts,
    staff,
    authorizer: offline,
    authorizations,
    devices,
    risk,
    riskSettings,
    reportSettings,
    settings,
    bus,
    log,
    now,
  });
  const backup = createBackup({ ...options, db, ledgerFile: file, settings, identity, bus, log });
  const info = (): AppInfo => ({
    version: options.version,
    host: options.host,
    ...identity.current(),
    dataDir: options.dataDir,
  });
  const handle = createDispatcher(
    withStaffRules(
      createHandlers({
        info,
        settings,
        catalog,
        cart,
        sales,
        saleRepository,
        printing,
        sync,
        devices,
        diagnostics,
        serialMonitor,
        bus,
        catalogService,
        catalogImport,
        receiptFor,
        logo,
        reports,
        reportSettings,
        reportIndex,
        printReport,
        risk,
        riskSettings,
        cardKeyer,
        takeTrack2: () => devices.takeTrack2(),
        payment,
        offline,
        audit,
        held,
        members,
        stock,
        corrections,
        backup,
      }),
      { session, staff, shifts, audit, cart, overrides: saleOverrides },
    ),
    log,
    createCommandGuard(session, audit),
  );
  // Every command is the till being used: checkpoints wait until it is quiet.
  const dispatch: Dispatch = (command, input) => {
    checkpointer.noteActivity();
    return handle(command, input);
  };
  // Receipts left in the queue by a crash or a shutdown print now.
  printing.resume();
  printing.startPolling();
  sync.start();
  // Authorizations a crash or a lost answer left unresolved are reversed now.
  payments.start();
  forwarder.start();
  void devices.start();
  log.info('services started', { host: options.host, ...identity.current() });
  return {
    dispatch,
    bus,
    log,
    shiftOpen: () => shifts.current() !== null,
    idle: async () => {
      await printing.idle();
      await sync.settled();
    },
    close: async () => {
      clearInterval(idleTimer);
      await backup.stop();
      printing.stop();
      await serialMonitor.close();
      await devices.stop();
      payment.stop();
      payments.stop();
      forwarder.stop();
      await sync.stop();
      checkpointer.stop();
      db.close();
    },
  };
}
