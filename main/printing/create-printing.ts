import type Database from 'better-sqlite3';
import type { PrinterConfig } from '@app/api/contract';
import { drawerSettingsSchema, printerConfigSchema } from '@app/api/schemas';
import { buildCorrectionReceipt } from '@app/receipt/correction-receipt';
import { buildReportReceipt } from '@app/receipt/report-receipt';
import { buildSaleReceipt } from '@app/receipt/sale-receipt';
import type { ShiftReport } from '@app/reports/report-schema';
import type { SaleRecord } from '@app/sale/sale';
import { SimulatedPrinter } from '@native/sim/simulated-printer';
import type { EventBus } from '../kernel/event-bus';
import type { Ledger } from '../kernel/ledger';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { PrintJobStore } from './print-job-store';
import { PrintService } from './print-service';
import { followWithReceipts } from './receipt-outbox';
import { ShopLogo } from './shop-logo';

const PRINTER_KEY = 'printer.config';
const DRAWER_KEY = 'printer.drawer';
const BACKUP_PRINTER_KEY = 'printer.backup';

/**
 * The receipt printer and what it prints: the saved printer, drawer and backup printer, the
 * shop's receipts (each sale's and correction's job written in the entry's own transaction
 * through the receipt outbox) and the X and Z on paper.
 */
export function createPrinting(deps: {
  db: Database.Database;
  settings: SettingsStore;
  /** The machine's time zone, read once: asking Intl for it costs more than a receipt. */
  timeZone: string;
  ledger: Ledger;
  bus: EventBus;
  log: Logger;
  saleById: (id: string) => SaleRecord | null;
}) {
  const { settings } = deps;
  const savedPrinter = printerConfigSchema.safeParse(settings.getValue(PRINTER_KEY));
  const savedDrawer = drawerSettingsSchema.safeParse(settings.getValue(DRAWER_KEY));
  const savedBackup = printerConfigSchema.safeParse(settings.getValue(BACKUP_PRINTER_KEY));
  const printing = new PrintService({
    jobs: new PrintJobStore(deps.db),
    simulated: new SimulatedPrinter(),
    bus: deps.bus,
    log: deps.log,
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
      timeZone: deps.timeZone,
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
    ledger: deps.ledger,
    printing,
    saleReceipt: (sale) => receiptFor(sale, false),
    correctionReceipt: (entry, sale) =>
      buildCorrectionReceipt(entry, sale, { ...receiptSettings(), header: '', footer: '' }),
    saleById: deps.saleById,
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
        taxClasses: s.taxClasses,
      }),
    );
  };
  return { printing, logo, receiptFor, printReport };
}
