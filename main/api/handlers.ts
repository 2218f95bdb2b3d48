import type { AppInfo } from '@app/api/contract';
import { DomainError } from '@app/result';
import type { buildSaleReceipt } from '@app/receipt/sale-receipt';
import type { SaleRecord } from '@app/sale/sale';
import { testPage } from '@app/receipt/test-page';
import { formatLocalDateTime } from '@app/time/local-time';
import type { Handlers } from './dispatcher';
import type { CartService } from '../cart/cart-service';
import type { SaleService } from '../sales/sale-service';
import type { SaleRepository } from '../sales/sale-repository';
import type { CatalogStore } from '../catalog/catalog-store';
import type { SettingsStore } from '../settings/settings-store';
import type { PrintService } from '../printing/print-service';
import type { EventBus } from './event-bus';
import type { SyncService } from '../sync/sync-service';
import type { DeviceService } from '../devices/device-service';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service';
import { parseHex } from '../diagnostics/serial-monitor';
import type { SerialMonitor } from '../diagnostics/serial-monitor';
import { reportHandlers } from '../reports/report-handlers';
import type { ReportHandlerDeps } from '../reports/report-handlers';

export interface HandlerDeps extends ReportHandlerDeps {
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
  receiptFor: (sale: SaleRecord, duplicate: boolean) => ReturnType<typeof buildSaleReceipt>;
}

const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The contract's commands, each a thin call into one service. */
export function createHandlers(d: HandlerDeps): Handlers {
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
    'catalog.search': ({ query, limit }) => d.catalog.search(query, limit),
    'cart.get': () => d.cart.view(),
    'cart.scan': ({ code }) => d.cart.scan(code),
    'cart.addProduct': ({ productId, quantity }) => d.cart.addProductById(productId, quantity),
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
    'sync.closeBatch': () => d.sync.closeBatch(),
    'sync.settlements': () => d.sync.settlements(),
    'devices.list': () => d.devices.view(),
    'devices.configure': ({ role, connection }) => d.devices.configure(role, connection),
    'devices.test': ({ role }) => d.devices.test(role),
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
    ...reportHandlers(d),
  };
}
