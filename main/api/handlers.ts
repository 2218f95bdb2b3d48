import type { AppInfo } from '@app/api/contract';
import { DomainError } from '@app/result';
import type { buildSaleReceipt } from '@app/receipt/sale-receipt';
import type { SaleRecord } from '@app/sale/sale';
import { testPage } from '@app/receipt/test-page';
import { formatLocalDateTime } from '@app/time/local-time';
import type { Handlers } from './dispatcher';
import type { StaffCommandName } from '@app/api/staff-contract';
import type { CartService } from '../cart/cart-service';
import type { SaleService } from '../sales/sale-service';
import type { SaleRepository } from '../sales/sale-repository';
import type { CatalogStore } from '../catalog/catalog-store';
import type { SettingsStore } from '../settings/settings-store';
import type { PrintService } from '../printing/print-service';
import type { EventBus } from '../kernel/event-bus';
import type { SyncService } from '../sync/sync-service';
import type { DeviceService } from '../devices/device-service';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { parseHex } from '../diagnostics/serial-monitor';
import type { SerialMonitor } from '../diagnostics/serial-monitor';
import type { ShopLogo } from '../printing/shop-logo';
import type { CatalogService } from '../catalog/catalog-service';
import type { CatalogImportService } from '../catalog/catalog-import-service';
import { reportHandlers } from '../reports/report-handlers';
import { riskHandlers } from '../payments/risk-handlers';
import type { RiskHandlerDeps } from '../payments/risk-handlers';
import type { ReportHandlerDeps } from '../reports/report-handlers';
import { paymentHandlers } from '../payments/payment-handlers';
import type { PaymentSession } from '../payments/payment-session';
import { correctionHandlers } from '../corrections/correction-handlers';
import type { CorrectionService } from '../corrections/correction-service';

import { sellingHandlers } from '../selling/selling-handlers';
import { offlineHandlers } from '../payments/offline-handlers';
import type { OfflineHandlerDeps } from '../payments/offline-handlers';
import type { SellingHandlerDeps } from '../selling/selling-handlers';
import { backupHandlers } from '../backup/backup-handlers';
import { recoveryRefusals } from '../recovery/recovery-handlers';
import type { BackupHandlerDeps } from '../backup/backup-handlers';

export interface HandlerDeps
  extends
    ReportHandlerDeps,
    RiskHandlerDeps,
    SellingHandlerDeps,
    OfflineHandlerDeps,
    BackupHandlerDeps {
  info: () => AppInfo;
  settings: SettingsStore;
  catalog: CatalogStore;
  cart: CartService;
  sales: SaleService;
  saleRepository: SaleRepository;
  printing: PrintService;
  sync: SyncService;
  devices: DeviceService;
  diagnostics: DiagnosticsService;
  serialMonitor: SerialMonitor;
  bus: EventBus;
  logo: ShopLogo;
  catalogService: CatalogService;
  catalogImport: CatalogImportService;
  receiptFor: (sale: SaleRecord, duplicate: boolean) => ReturnType<typeof buildSaleReceipt>;
  payment: PaymentSession;
  corrections: CorrectionService;
}

const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The contract's commands, each a thin call into one service (staff ones: main/staff). */
export function createHandlers(d: HandlerDeps): Omit<Handlers, StaffCommandName> {
  const sale = (id: string): SaleRecord => {
    const found = d.saleRepository.get(id);
    if (!found) throw new DomainError('sale_not_found', `No sale ${id}`);
    return found;
  };
  return {
    'app.info': () => d.info(),
    'settings.get': () => d.settings.get(),
    'settings.update': (patch) => {
      const next = d.settings.update(patch);
      d.bus.emit('cart.changed', d.cart.view());
      return next;
    },
    'catalog.search': ({ query, limit }) => d.catalog.search(query, limit, { activeOnly: true }),
    'cart.get': () => d.cart.view(),
    // A member card's barcode attaches its member (issue #7); any other code is a product.
    'cart.scan': ({ code }) => (d.members.attachByCard(code) ? d.cart.view() : d.cart.scan(code)),
    'cart.addProduct': ({ productId, quantity, grams }) =>
      d.cart.addProductById(productId, quantity, grams),
    'cart.setQuantity': ({ lineId, quantity }) => d.cart.setQuantity(lineId, quantity),
    'cart.removeLine': ({ lineId }) => d.cart.removeLine(lineId),
    'cart.setLineDiscount': ({ lineId, discount }) => d.cart.setLineDiscount(lineId, discount),
    'cart.setOrderDiscount': ({ discount }) => d.cart.setOrderDiscount(discount),
    'cart.clear': () => d.cart.clear(),
    'sale.payCash': ({ tenderedMinor }) => d.sales.payCash(tenderedMinor),
    'sale.list': ({ limit, beforeSeq }) =>
      d.saleRepository.list(beforeSeq === undefined ? { limit } : { limit, beforeSeq }),
    'sale.get': ({ saleId }) => sale(saleId),
    'printer.status': () => d.printing.status(),
    'printer.configure': (config) => d.printing.configure(config),
    'printer.jobs': () => d.printing.jobs(),
    'printer.retry': ({ jobId }) => d.printing.retry(jobId),
    'printer.skip': ({ jobId }) => d.printing.skip(jobId),
    'printer.logo': () => ({ logo: d.logo.get() }),
    'printer.setLogo': ({ logo }) => ({ logo: d.logo.set(logo) }),
    'printer.setBackup': ({ config }) => d.printing.setBackup(config),
    'printer.sendToBackup': ({ jobId }) => d.printing.sendToBackup(jobId),
    'printer.reprint': ({ saleId }) =>
      d.printing.enqueue('reprint', saleId, d.receiptFor(sale(saleId), true)),
    'printer.kickDrawer': ({ pin }) => d.printing.kickDrawer(pin),
    'printer.drawerSettings': (drawer) => d.printing.setDrawer(drawer),
    'printer.testPage': () => {
      const { paperWidth } = d.settings.get();
      const info = d.info();
      return d.printing.enqueue(
        'test',
        null,
        testPage({
          paperWidth,
          printer: d.printing.status().description,
          printedAt: formatLocalDateTime(new Date().toISOString(), localZone()),
          appVersion: info.version,
          logo: d.logo.get(),
        }),
      );
    },
    'printer.pages': () => d.printing.pages(),
    'printer.simulateOffline': ({ reason }) => d.printing.setSimulatedOffline(reason),
    'sync.status': () => d.sync.status(),
    'sync.bind': (input) => d.sync.bind(input),
    'sync.unbind': ({ confirmTerminalId }) => d.sync.unbind(confirmTerminalId),
    'sync.now': () => d.sync.syncNow(),
    'sync.clearAlarm': () => d.sync.clearAlarm(),
    // One way to close: the Z (numbered, refused with an open shift) closes the batch too.
    'sync.closeBatch': () => {
      const closed = d.reports.closeDay();
      const view = d.sync.settlements().find((s) => s.batchNo === closed.z?.batchNo);
      if (!view) throw new Error(`settlement of Z ${String(closed.z?.zNo)} not stored`);
      return view;
    },
    'sync.settlements': () => d.sync.settlements(),
    'devices.list': () => d.devices.view(),
    'devices.configure': ({ role, connection }) => d.devices.configure(role, connection),
    'devices.test': ({ role }) => d.devices.test(role),
    'devices.terminalDiagnosis': () => d.devices.diagnoseTerminal(),
    'devices.simulateSwipe': ({ card }) => d.devices.simulateSwipe(card),
    'devices.wedgeSwipe': ({ text }) => d.devices.wedgeSwipe(text),
    'devices.simulateScan': ({ code }) => d.devices.simulateScan(code),
    'diagnostics.logTail': ({ lines, minLevel }) => d.diagnostics.logTail(lines, minLevel),
    'diagnostics.database': ({ full }) => d.diagnostics.database(full),
    'diagnostics.system': () => d.diagnostics.system(),
    'diagnostics.exportBundle': () => d.diagnostics.exportBundle(),
    'diagnostics.serialOpen': async ({ path, baudRate }) => {
      await d.serialMonitor.open(path, baudRate);
      return {};
    },
    'diagnostics.serialSend': async ({ hex, text }) => {
      const bytes = hex !== undefined ? parseHex(hex) : new TextEncoder().encode(text ?? '');
      if (bytes === null) throw new DomainError('invalid_input', `Not hex bytes: ${hex ?? ''}`);
      await d.serialMonitor.send(bytes);
      return {};
    },
    'diagnostics.serialClose': async () => {
      await d.serialMonitor.close();
      return {};
    },
    'catalog.get': ({ productId }) => d.catalogService.get(productId),
    'catalog.list': (options) => d.catalogService.list(options),
    'catalog.grid': ({ categoryId, offset, limit }) =>
      d.catalogService.grid(categoryId, offset, limit),
    'catalog.save': ({ product }) => d.catalogService.save(product),
    'catalog.setActive': ({ productId, active }) => d.catalogService.setActive(productId, active),
    'catalog.setFavourite': ({ productId, favourite }) =>
      d.catalogService.setFavourite(productId, favourite),
    'catalog.categories': () => d.catalogService.categories(),
    'catalog.saveCategories': ({ categories }) => d.catalogService.saveCategories(categories),
    'catalog.deleteCategory': ({ categoryId }) => d.catalogService.deleteCategory(categoryId),
    'catalog.importUpload': ({ uploadId, offset, dataBase64 }) =>
      d.catalogImport.upload(uploadId, offset, Buffer.from(dataBase64, 'base64')),
    'catalog.importDryRun': ({ uploadId, fileName }) => d.catalogImport.dryRun(uploadId, fileName),
    'catalog.importApply': ({ importId }) => d.catalogImport.apply(importId),
    'catalog.export': ({ encoding }) => d.catalogImport.exportCsv(encoding),
    'catalog.scaleLabels': () => d.catalogService.scaleLabels(),
    'catalog.setScaleLabels': ({ layouts }) => d.catalogService.setScaleLabels(layouts),
    ...reportHandlers(d),
    ...paymentHandlers(d.payment),
    ...riskHandlers(d),
    ...sellingHandlers(d),
    ...correctionHandlers(d.corrections),
    ...offlineHandlers(d),
    ...backupHandlers(d),
    ...recoveryRefusals,
  };
}
