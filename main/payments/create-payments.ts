import type Database from 'better-sqlite3';
import { z } from 'zod';
import { saleRecordSchema } from '@app/api/schemas';
import type { EventBus } from '../kernel/event-bus';
import type { Ledger } from '../kernel/ledger';
import type { CartService } from '../cart/cart-service';
import type { DeviceService } from '../devices/device-service';
import type { Logger } from '../log/logger';
import type { ReportSettingsStore } from '../reports/report-settings';
import type { SaleService } from '../sales/sale-service';
import type { SettingsStore } from '../settings/settings-store';
import type { SecretStore } from '../sync/secret-store';
import type { SyncService } from '../sync/sync-service';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import { AuthorizationStore } from './authorization-store';
import { CardAuthorizer } from './card-authorizer';
import { CardKeyer } from './card-keyer';
import { OfflineAcceptance } from './offline-acceptance';
import { OfflineForwarder } from './offline-forwarder';
import { OfflineSealer } from './offline-sealer';
import { OfflineStore } from './offline-store';
import { PaymentSession } from './payment-session';
import { RiskGuard } from './risk-guard';
import { RiskSettingsStore } from './risk-settings';

const PAYMENT_KEY = 'payments.session';
const savedPaymentSchema = z.object({
  total: z.number().int(),
  /** The sale the legs pay for (the cart's sale id); absent in sessions saved before it. */
  saleId: z.string().optional(),
  legs: saleRecordSchema.shape.tenders,
});

export interface PaymentWiring {
  db: Database.Database;
  ledger: Ledger;
  settings: SettingsStore;
  secretStoreFor: (name: string) => SecretStore;
  sync: SyncService;
  devices: DeviceService;
  identity: TerminalIdentityStore;
  cart: CartService;
  sales: SaleService;
  reportSettings: ReportSettingsStore;
  bus: EventBus;
  log: Logger;
  /** Test timings (shorter authorization and swipe waits, a quicker abandon). */
  options: {
    authorizationTimeoutMs?: number;
    swipeWaitMs?: number;
    abandonPaymentAfterMs?: number;
  };
}

/**
 * Card and QR payments (issue #6) wired to the till: the risk rules, the host authorizer with
 * its reversals, bounded offline acceptance and its forwarder, and the cart's split tender.
 */
export function createPayments(w: PaymentWiring) {
  const { db, ledger, settings, secretStoreFor, sync, devices, identity, cart, sales } = w;
  const { reportSettings, bus, log, options } = w;
  const authorizations = new AuthorizationStore(db);
  const riskSettings = new RiskSettingsStore(settings);
  const cardKeyer = new CardKeyer(secretStoreFor('card-key'));
  const risk = new RiskGuard({
    db,
    authorizations,
    settings: () => riskSettings.get(),
    keyer: cardKeyer,
    log,
  });
  const payments = new CardAuthorizer({
    store: authorizations,
    host: { connect: (timeoutMs) => sync.hostAccess(timeoutMs) },
    risk,
    log,
    ...(options.authorizationTimeoutMs === undefined
      ? {}
      : { timeoutMs: options.authorizationTimeoutMs }),
  });
  // Bounded offline card acceptance (issue #6 "Offline"): swipes the host did not answer,
  // approved within the owner's caps, sealed under a key in the OS store until forwarded.
  const offlineStore = new OfflineStore(db);
  const offlineSealer = new OfflineSealer(secretStoreFor('offline-key'));
  // The owner's offline panel follows what waits for the host: a swipe taken offline or
  // cancelled by a void (acceptance), a forward answered or expired (forwarder).
  const offlineChanged = () =>
    bus.emit('offline.changed', offline.view(riskSettings.get().offline));
  const forwarder = new OfflineForwarder({
    store: offlineStore,
    sealer: offlineSealer,
    host: { connect: (timeoutMs) => sync.hostAccess(timeoutMs) },
    log,
    onChange: offlineChanged,
    ...(options.authorizationTimeoutMs === undefined
      ? {}
      : { timeoutMs: options.authorizationTimeoutMs }),
  });
  const offline = new OfflineAcceptance({
    card: payments,
    store: offlineStore,
    sealer: offlineSealer,
    settings: () => riskSettings.get().offline,
    forwarder,
    log,
    onChange: offlineChanged,
  });
  // The host took an upload: it answers again, so what waits is forwarded now.
  bus.on('sync.status', (status) => status.state === 'synced' && forwarder.kick(0));
  // Split tender (issue #6): the cart's payment, one tender at a time.
  const payment = new PaymentSession({
    cart,
    sales,
    authorizer: offline,
    risk,
    terminal: () => devices.terminalClient(),
    takeTrack2: () => devices.takeTrack2(),
    batchNo: () => identity.current().batchNo,
    merchant: () => sync.status().binding ?? null,
    fees: () => reportSettings.get().fees,
    onChange: (view) => bus.emit('payment.changed', view),
    log,
    ...(options.swipeWaitMs === undefined ? {} : { swipeWaitMs: options.swipeWaitMs }),
    store: {
      load: () => {
        const saved = savedPaymentSchema.safeParse(settings.getValue(PAYMENT_KEY));
        return saved.success ? saved.data : null;
      },
      save: (saved, durable) =>
        durable ? settings.setValue(PAYMENT_KEY, saved) : settings.setWorkValue(PAYMENT_KEY, saved),
    },
    saleId: () => cart.saleId(),
    isCommitted: (saleId) => ledger.entryById(saleId) !== null,
    ...(options.abandonPaymentAfterMs === undefined
      ? {}
      : { abandonAfterMs: options.abandonPaymentAfterMs }),
  });
  // The session's legs are consumed by the sale they paid, in its own transaction.
  ledger.follow(['sale'], () => settings.setValue(PAYMENT_KEY, null));
  payment.recover();
  bus.on('cart.changed', (view) => payment.cartChanged(view));
  bus.on('devices.swipe', (swipe) => swipe.ok && payment.swiped());
  return { authorizations, riskSettings, cardKeyer, risk, payments, forwarder, offline, payment };
}
