import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import type { AppInfo, PrinterConfig } from '@app/api/contract';
import { drawerSettingsSchema, printerConfigSchema } from '@app/api/schemas';
import { buildSaleReceipt } from '@app/receipt/sale-receipt';
import type { SaleRecord } from '@app/sale/sale';
import { SimulatedPrinter } from '@native/sim/simulated-printer';
import { openDatabase } from './ledger/database';
import type { LedgerStore } from './ledger/ledger-store';
import { IdleCheckpointer } from './ledger/idle-checkpointer';
import { CatalogStore } from './catalog/catalog-store';
import { demoCatalog } from './catalog/demo-catalog';
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
import { EventBus } from './api/event-bus';
import { createDispatcher } from './api/dispatcher';
import type { Dispatch } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { customerViewOfCart } from '@app/display/customer-view';
import { poleScreenOf } from './devices/customer-screens';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { SerialMonitor } from './diagnostics/serial-monitor';
import { createFileLogger } from './log/logger';
import type { Logger } from './log/logger';
import { ReportIndex } from './reports/report-index';
import { ReportingLedger } from './reports/reporting-ledger';
import { ReportService } from './reports/report-service';
import { ReportSettingsStore } from './reports/report-settings';
import { buildReportReceipt } from '@app/receipt/report-receipt';
import type { ShiftReport } from '@app/reports/report-schema';

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
  /** `--simulate`: roles with no saved device use their simulators. */
  simulateDevices?: boolean;
  /** Upload request timeout and back-off limits (tests shorten them). */
  syncTimeoutMs?: number;
  syncRetryLimits?: RetryLimits;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  log: Logger;
  /** Waits for queued print jobs to be tried and any upload step in flight (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const PRINTER_KEY = 'printer.config';
const DRAWER_KEY = 'printer.drawer';

/** The composition root: every service built once, with its dependencies passed in. */
export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = join(options.dataDir, 'logs', 'countertop.log');
  const log = options.log ?? createFileLogger(logFile);
  const file = join(options.dataDir, 'ledger.sqlite');
  const db = openDatabase(file, {
    checkpoint: 'manual',
    ...(options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {}),
  });
  const checkpointer = new IdleCheckpointer(db, `${file}-wal`);
  checkpointer.start();
  options.onDatabase?.(db);
  const bus = new EventBus();
  const settings = new SettingsStore(db);
  const catalog = new CatalogStore(db);
  // A newcomer can sell within a minute: the demo catalog is there on first start.
  if (catalog.count() === 0) catalog.upsertMany(demoCatalog());
  const identity = new TerminalIdentityStore(db);
  // Reports: every appended entry also lands in the daily sums, in the same transaction.
  const reportSettings = new ReportSettingsStore(
    settings,
    Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const reportIndex = new ReportIndex(db, {
    clock: () => {
      const { timeZone, cutoffHour } = reportSettings.get();
      return { timeZone, cutoffHour };
    },
    fees: () => reportSettings.get().fees,
    log,
  });
  const ledger: LedgerStore = new ReportingLedger(db, reportIndex);
  const secrets = options.secrets ?? new FileSecretStore(join(options.dataDir, 'terminal-secret'));
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
  const saleRepository = new SaleRepository(db);
  const cart = new CartService(catalog, settings, bus);
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
  const printing = new PrintService({
    jobs: new PrintJobStore(db),
    simulated: new SimulatedPrinter(),
    bus,
    log,
    config: savedPrinter.success ? savedPrinter.data : { kind: 'simulated' },
    saveConfig: (config: PrinterConfig) => settings.setValue(PRINTER_KEY, config),
    drawer: savedDrawer.success ? savedDrawer.data : { pulseMs: 100, openWhen: 'high' },
    saveDrawer: (drawer) => settings.setValue(DRAWER_KEY, drawer),
  });
  const receiptFor = (sale: SaleRecord, duplicate: boolean) => {
    const s = settings.get();
    return buildSaleReceipt(sale, {
      shopName: s.shopName,
      header: s.receiptHeader,
      footer: s.receiptFooter,
      paperWidth: s.paperWidth,
      locale: s.locale,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      duplicate,
    });
  };
  const sales = new SaleService({
    db,
    ledger,
    sales: saleRepository,
    cart,
    bus,
    identity: () => identity.current(),
    log,
    afterCommit: (sale) => {
      const change = sale.tenders.find((tender) => tender.method === 'cash')?.changeMinor ?? 0;
      devices.showCustomer(
        poleScreenOf({
          kind: 'thanks',
          paidMinor: sale.paidMinor,
          changeMinor: change,
          currency: sale.currency,
        }),
      );
      sync.noteNewEntry();
      printing.enqueue('receipt', sale.id, receiptFor(sale, false));
    },
  });

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
    afterClose: (report) => {
      sync.noteNewEntry();
      printReport(report, false);
    },
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
  const info = (): AppInfo => ({
    version: options.version,
    host: options.host,
    ...identity.current(),
    dataDir: options.dataDir,
  });
  const handle = createDispatcher(
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
      receiptFor,
      reports,
      reportSettings,
      reportIndex,
      printReport,
    }),
    log,
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
  void devices.start();
  log.info('services started', { host: options.host, ...identity.current() });
  return {
    dispatch,
    bus,
    log,
    idle: async () => {
      await printing.idle();
      await sync.settled();
    },
    close: async () => {
      printing.stop();
      await serialMonitor.close();
      await devices.stop();
      await sync.stop();
      checkpointer.stop();
      db.close();
    },
  };
}
