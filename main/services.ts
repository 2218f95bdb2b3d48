import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AppInfo } from '@app/api/contract';
import { saleFromEntry } from './sales/sale-entry';
import { openDatabase } from './ledger/database';
import { Ledger } from './kernel/ledger';
import { IdleCheckpointer } from './ledger/idle-checkpointer';
import { CatalogStore } from './catalog/catalog-store';
import { demoCatalog, demoCategories } from './catalog/demo-catalog';
import { keepTaxClassesInUse } from './catalog/tax-class-check';
import { CatalogService } from './catalog/catalog-service';
import { CatalogImportService } from './catalog/catalog-import-service';
import { workerImportRunner } from './catalog/import-runner';
import { SaleRepository } from './sales/sale-repository';
import { SaleService } from './sales/sale-service';
import { CartService } from './cart/cart-service';
import { SettingsStore } from './settings/settings-store';
import { TerminalIdentityStore } from './terminal/terminal-identity';
import { SyncService } from './sync/sync-service';
import { createCatalogDownsync } from './downsync/create-downsync';
import { DeviceService } from './devices/device-service';
import { FileSecretStore } from './sync/secret-store';
import { createPayments } from './payments/create-payments';
import { EventBus } from './kernel/event-bus';
import { createDispatcher } from './api/dispatcher';
import { openLedgerOrExplain } from './recovery/ledger-unreadable';
import type { Dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { customerViewOfCart } from '@app/display/customer-view';
import { poleScreenOf } from './devices/customer-screens';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { StorageHealth } from './diagnostics/storage-health';
import { SerialMonitor } from './diagnostics/serial-monitor';
import { createFileLogger } from './log/logger';
import { AuditLog } from './staff/audit-log';
import { StaffStore } from './staff/staff-store';
import { StaffService } from './staff/staff-service';
import { SessionService } from './staff/session';
import { UserLanguages } from './staff/user-languages';
import { ShiftService } from './staff/shift-service';
import { SaleOverrides } from './staff/sale-overrides';
import { createCommandGuard } from './staff/command-guard';
import { withStaffRules } from './staff/staff-handlers';
import { ReportIndex } from './reports/report-index';
import { ReportService } from './reports/report-service';
import { ReportSettingsStore } from './reports/report-settings';
import { createCorrections } from './corrections/create-corrections';
import { createPrinting } from './printing/create-printing';
import { HeldSales } from './selling/held-sales';
import { CustomerStore } from './members/customer-store';
import { PointsBook } from './members/points-book';
import { MemberService } from './members/member-service';
import { StockService } from './stock/stock-service';
import { createBackup } from './backup/create-backup';

import type { Services, ServicesOptions } from './services-types';

export type { Services, ServicesOptions } from './services-types';

/** The composition root: every service built once, with its dependencies passed in. */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = join(options.dataDir, 'logs', 'countertop.log');
  const storage = new StorageHealth();
  const log = options.log ?? createFileLogger(logFile, storage.reporter('log'));
  const file = join(options.dataDir, 'ledger.sqlite');
  const db = openLedgerOrExplain(file, () =>
    openDatabase(file, {
      checkpoint: 'manual',
      ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
    }),
  );
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
  const catalogDownsync = createCatalogDownsync({ db, catalog, settings, sync, bus, log });
  const saleRepository = new SaleRepository(db);
  const catalogService = new CatalogService({
    catalog,
    settings,
    changed: () => bus.emit('catalog.changed', {}),
    assertEditable: () => catalogDownsync.assertEditable(),
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
    assertEditable: () => catalogDownsync.assertEditable(),
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

  const { printing, logo, receiptFor, printReport } = createPrinting({
    db,
    settings,
    timeZone,
    ledger,
    bus,
    log,
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
        catalogDownsync,
        receiptFor,
        logo,
        reports,
        reportSettings,
        reportIndex,
        printReport,
        ...(options.savePdf ? { savePdf: options.savePdf } : {}),
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
  catalogDownsync.start();
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
      await catalogDownsync.stop();
      await sync.stop();
      checkpointer.stop();
      db.close();
    },
  };
}
