import { existsSync } from 'node:fs';
import { z } from 'zod';
import type {
  DeviceConnection,
  DeviceRole,
  DevicesView,
  DeviceStatus,
  DeviceTestResult,
  MaskedSwipe,
} from '@app/api/contract';
import { deviceConnectionSchema, deviceRoles } from '@app/api/schemas';
import { formatExpiry, yearMonthOf } from '@app/card/card-fields';
import { cardMessages } from '@app/card/messages';
import { checkSwipeText } from '@app/card/swipe-diagnosis';
import type { TrackSecret } from '@app/card/track-secret';
import { DomainError } from '@app/result';
import { formatLocalDateTime } from '@app/time/local-time';
import { messageScreen } from '@native/display/pole-screens';
import type { PoleScreen } from '@native/display/pole-screens';
import type { MagstripeEvents } from '@native/magstripe/reader';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { openBarcodeScanner } from './barcode-scanner';
import type { BarcodeScannerDevice } from './barcode-scanner';
import { openCardReader } from './card-reader';
import type { CardReaderDevice, SimulatedSwipe } from './card-reader';
import { openCustomerDisplay } from './customer-display';
import type { CustomerDisplayDevice } from './customer-display';
import { discoverDevices } from './discovery';
import type { Discovery } from './discovery';
import { openPaymentTerminal } from './payment-terminal';
import type { PaymentTerminalDevice } from './payment-terminal';
import type { ZvtClient } from '@native/zvt/zvt-client';
import { ReconnectingDevice } from './reconnecting-device';
import { inBothLanguages } from '@app/i18n/both-languages';
import { translate } from '@app/i18n/messages';
import type { LocalizedText } from '@app/i18n/both-languages';

const CONFIG_KEY = 'devices.config';
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Unplug and replug are noticed within 2 s: presence is checked every second. */
const PRESENCE_CHECK_MS = 1_000;
/** Track 2 of an unused swipe is wiped after this long (a payment uses it at once). */
const SWIPE_LIFETIME_MS = 30_000;

const configSchema = z.partialRecord(z.enum(deviceRoles), deviceConnectionSchema);
type DeviceConfig = z.output<typeof configSchema>;

interface Slot {
  connection: DeviceConnection;
  device:
    | ReconnectingDevice<CardReaderDevice>
    | ReconnectingDevice<PaymentTerminalDevice>
    | ReconnectingDevice<BarcodeScannerDevice>
    | ReconnectingDevice<CustomerDisplayDevice>;
  lastEvent: LocalizedText | null;
  /** Round trip of the latest exchange with a device that answers (terminal, display). */
  latencyMs: number | null;
}

/**
 * The technician's devices: which device plays which role, each kept connected (and
 * reconnected) by a ReconnectingDevice, and the masked result of every swipe. Track data
 * stays here, in the driver's wipeable holder, until a payment takes it or it expires.
 */
export class DeviceService {
  private readonly slots = new Map<DeviceRole, Slot>();
  private discovery: Discovery = { devices: [], error: null };
  private presenceTimer: NodeJS.Timeout | null = null;
  private pendingTrack: { secret: TrackSecret; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly deps: {
      settings: SettingsStore;
      log: Logger;
      /** `--simulate`: a role with no saved device runs its simulator (not saved). */
      simulateUnassigned?: boolean;
      onChange: (view: DevicesView) => void;
      onSwipe: (swipe: MaskedSwipe) => void;
      /** A code from the serial scanner: it goes where a keyboard scan goes. */
      onScan: (code: string) => void;
    },
  ) {}

  async start(): Promise<void> {
    const saved = configSchema.safeParse(this.deps.settings.getValue(CONFIG_KEY));
    const config: DeviceConfig = saved.success ? saved.data : {};
    for (const role of deviceRoles) {
      const connection =
        config[role] ?? (this.deps.simulateUnassigned ? { kind: 'simulated' as const } : undefined);
      if (connection) this.connect(role, connection);
    }
    this.presenceTimer = setInterval(() => this.checkPresence(), PRESENCE_CHECK_MS);
    this.presenceTimer.unref();
    await this.refreshDiscovery();
  }

  async stop(): Promise<void> {
    if (this.presenceTimer !== null) clearInterval(this.presenceTimer);
    this.wipePendingTrack();
    await Promise.all([...this.slots.values()].map((slot) => slot.device.stop()));
    this.slots.clear();
  }

  async view(): Promise<DevicesView> {
    await this.refreshDiscovery();
    return this.currentView();
  }

  async configure(role: DeviceRole, connection: DeviceConnection | null): Promise<DevicesView> {
    await this.slots.get(role)?.device.stop();
    this.slots.delete(role);
    const saved = configSchema.safeParse(this.deps.settings.getValue(CONFIG_KEY));
    const config: DeviceConfig = Object.fromEntries(
      Object.entries(saved.success ? saved.data : {}).filter(([key]) => key !== role),
    );
    if (connection !== null) config[role] = connection;
    this.deps.settings.setValue(CONFIG_KEY, config);
    this.deps.log.info('device role configured', { role, kind: connection?.kind ?? 'none' });
    if (connection !== null) this.connect(role, connection);
    return this.view();
  }

  async test(role: DeviceRole): Promise<DeviceTestResult> {
    const slot = this.slots.get(role);
    if (!slot) return said(false, inBothLanguages('devices.test.none'));
    const device = slot.device.device();
    if (device === null) {
      const reason = slot.device.status().lastError;
      return said(
        false,
        reason === null
          ? inBothLanguages('devices.test.connecting')
          : inBothLanguages('devices.test.notConnected', () => ({ reason })),
      );
    }
    if ('client' in device) {
      const { result, ms } = await this.timed(role, device.client.statusEnquiry());
      const text = result.ok
        ? inBothLanguages('devices.event.terminalAnswered', () => ({
            terminalId: result.value.terminalId ?? '?',
            ms,
          }))
        : inBothLanguages('devices.event.terminalSilent', (locale) => ({
            reason: locale === 'en' ? result.error.message.en : result.error.message.zh,
          }));
      this.note(role, text);
      return { ok: result.ok, message: text.en, text };
    }
    if ('show' in device) {
      // Every column lit: a dead segment or a wrong command set shows at once.
      const screen = messageScreen('COUNTERTOP TEST', '0123456789ABCDEFGHIJ');
      const { ms } = await this.timed(role, device.show(screen));
      this.deps.onChange(this.currentView());
      return said(
        true,
        inBothLanguages('devices.test.screenSent', () => ({ ms })),
      );
    }
    return said(
      true,
      inBothLanguages(role === 'barcodeScanner' ? 'devices.test.scanNow' : 'devices.test.swipeNow'),
    );
  }

  /**
   * ZVT Diagnosis (06 70): the payment terminal checks its line to the payment host. The
   * terminal's own printout comes back for the technician to read, whatever the outcome.
   */
  async diagnoseTerminal(): Promise<DeviceTestResult> {
    const device = this.slots.get('paymentTerminal')?.device.device();
    if (!device || !('client' in device)) {
      return { ok: false, message: 'No payment terminal is connected' };
    }
    const { result, ms } = await this.timed('paymentTerminal', device.client.diagnose());
    const text = result.ok
      ? inBothLanguages('devices.event.diagnosisPassed', () => ({ ms }))
      : inBothLanguages('devices.event.diagnosisFailed', (locale) => ({
          reason: locale === 'en' ? result.error.message.en : result.error.message.zh,
          ms,
        }));
    this.note('paymentTerminal', text);
    return {
      ok: result.ok,
      message: text.en,
      text,
      printout: result.receipts.flatMap((r) => r.lines),
    };
  }

  simulateSwipe(card: SimulatedSwipe): DeviceTestResult {
    const device = this.slots.get('cardReader')?.device.device();
    if (!device || !('simulate' in device) || device.simulate === null) {
      throw new DomainError('invalid_input', 'The card reader is not the simulated one');
    }
    device.simulate(card);
    return { ok: true, message: `Swiped ${card}` };
  }

  /**
   * A keyboard-wedge reader's burst, recognised by the renderer: parsed here like a serial
   * reader's line, so track 2 lives in the same wipeable holder and only the mask goes back.
   */
  wedgeSwipe(text: string): MaskedSwipe {
    const { read, diagnosis } = checkSwipeText(text, yearMonthOf(new Date()));
    return read.ok
      ? this.swiped('keyboard', { ...read.value, diagnosis })
      : this.swipeFailed('keyboard', { ...read.error, diagnosis });
  }

  /** A code typed into the simulated scanner, as if scanned. */
  simulateScan(code: string): DeviceTestResult {
    const device = this.slots.get('barcodeScanner')?.device.device();
    if (!device || !('simulate' in device) || device.simulate === null) {
      throw new DomainError('invalid_input', 'The barcode scanner is not the simulated one');
    }
    (device.simulate as (code: string) => void)(code);
    return { ok: true, message: `Scanned ${code}` };
  }

  /** Shows a screen on the customer display, if one is connected; never fails a sale. */
  showCustomer(screen: PoleScreen): void {
    const device = this.slots.get('customerDisplay')?.device.device();
    if (!device || !('show' in device)) return;
    device.show(screen).then(
      () => {
        if (device.simulatedScreen) this.deps.onChange(this.currentView());
      },
      (error: unknown) =>
        this.note(
          'customerDisplay',
          inBothLanguages('devices.event.displayFailed', () => ({ reason: String(error) })),
        ),
    );
  }

  /** The role whose device is on this serial path, or null. */
  roleUsingPath(path: string): DeviceRole | null {
    for (const [role, slot] of this.slots) {
      if (slot.connection.kind === 'serial' && slot.connection.path === path) return role;
    }
    return null;
  }

  /** The connected payment terminal's ZVT client, for chip and tap payments; null if none. */
  terminalClient(): ZvtClient | null {
    const device = this.slots.get('paymentTerminal')?.device.device();
    return device && 'client' in device ? device.client : null;
  }

  /** Hands track 2 of the latest swipe to a payment, once. */
  takeTrack2(): string | null {
    const pending = this.pendingTrack;
    if (pending === null) return null;
    clearTimeout(pending.timer);
    this.pendingTrack = null;
    return pending.secret.take();
  }

  private connect(role: DeviceRole, connection: DeviceConnection): void {
    const publish = (): void => this.deps.onChange(this.currentView());
    const describe = describeConnection(connection);
    const device = this.open(role, connection, describe, publish);
    this.slots.set(role, { connection, device, lastEvent: null, latencyMs: null });
    device.start();
  }

  private swiped(source: MaskedSwipe['source'], read: MagstripeEvents['swipe']): MaskedSwipe {
    this.keepTrack(read.track2);
    const { card } = read;
    this.note(
      'cardReader',
      inBothLanguages('devices.event.swipe', (locale) => ({
        card: card.maskedPan,
        brand: translate(locale, `card.brand.${card.brand}`),
        kind: translate(locale, `card.kind.${card.kind}`),
      })),
    );
    const swipe: MaskedSwipe = {
      ok: true,
      source,
      maskedPan: card.maskedPan,
      brand: card.brand,
      kind: card.kind,
      expiry: formatExpiry(card.expiry),
      diagnosis: read.diagnosis,
    };
    this.deps.onSwipe(swipe);
    return swipe;
  }

  private swipeFailed(
    source: MaskedSwipe['source'],
    error: MagstripeEvents['swipe-error'],
  ): MaskedSwipe {
    const message = cardMessages.en[error.code];
    this.note(
      'cardReader',
      inBothLanguages('devices.event.swipeFailed', (locale) => ({
        reason: cardMessages[locale][error.code],
      })),
    );
    const swipe: MaskedSwipe = {
      ok: false,
      source,
      code: error.code,
      message,
      diagnosis: error.diagnosis,
    };
    this.deps.onSwipe(swipe);
    return swipe;
  }

  private open(
    role: DeviceRole,
    connection: DeviceConnection,
    describe: string,
    publish: () => void,
  ): Slot['device'] {
    switch (role) {
      case 'cardReader':
        return new ReconnectingDevice<CardReaderDevice>(
          () =>
            openCardReader(connection, {
              swipe: (read) => this.swiped('reader', read),
              swipeError: (error) => this.swipeFailed('reader', error),
            }),
          describe,
          publish,
        );
      case 'paymentTerminal':
        return new ReconnectingDevice<PaymentTerminalDevice>(
          () => openPaymentTerminal(connection),
          describe,
          publish,
        );
      case 'barcodeScanner':
        return new ReconnectingDevice<BarcodeScannerDevice>(
          () =>
            openBarcodeScanner(connection, {
              code: ({ text }) => {
                this.note(
                  role,
                  inBothLanguages('devices.event.scan', () => ({ code: text })),
                );
                this.deps.onScan(text);
              },
              malformed: ({ reason, length }) =>
                this.note(
                  role,
                  inBothLanguages('devices.event.notACode', () => ({ reason, bytes: length })),
                ),
            }),
          describe,
          publish,
        );
      case 'customerDisplay':
        return new ReconnectingDevice<CustomerDisplayDevice>(
          () => openCustomerDisplay(connection),
          describe,
          publish,
        );
    }
  }

  /** Serial paths that vanish or return (a pty, a /dev/ttyUSB) are noticed here. */
  private checkPresence(): void {
    for (const slot of this.slots.values()) {
      if (slot.connection.kind !== 'serial') continue;
      if (existsSync(slot.connection.path)) slot.device.noticePresent();
      else slot.device.noticeAbsent();
    }
  }

  private keepTrack(secret: TrackSecret): void {
    this.wipePendingTrack();
    const timer = setTimeout(() => this.wipePendingTrack(), SWIPE_LIFETIME_MS);
    timer.unref();
    this.pendingTrack = { secret, timer };
  }

  private wipePendingTrack(): void {
    if (this.pendingTrack === null) return;
    clearTimeout(this.pendingTrack.timer);
    this.pendingTrack.secret.wipe();
    this.pendingTrack = null;
  }

  /** Waits for a device's answer and keeps how long it took as the role's latency. */
  private async timed<T>(role: DeviceRole, answer: Promise<T>): Promise<{ result: T; ms: string }> {
    const started = performance.now();
    const result = await answer;
    const latencyMs = Math.round(performance.now() - started);
    const slot = this.slots.get(role);
    if (slot) slot.latencyMs = latencyMs;
    return { result, ms: String(latencyMs) };
  }

  private note(role: DeviceRole, event: LocalizedText): void {
    const slot = this.slots.get(role);
    const time = formatLocalDateTime(new Date().toISOString(), LOCAL_ZONE).slice(11);
    if (slot) slot.lastEvent = { en: `${time} ${event.en}`, 'zh-CN': `${time} ${event['zh-CN']}` };
    this.deps.onChange(this.currentView());
  }

  private async refreshDiscovery(): Promise<void> {
    this.discovery = await discoverDevices();
  }

  private currentView(): DevicesView {
    return {
      devices: deviceRoles.map((role): DeviceStatus => {
        const slot = this.slots.get(role);
        if (!slot) {
          return {
            role,
            connection: null,
            state: 'not_configured',
            description: '',
            since: new Date(0).toISOString(),
            lastError: null,
            lastEvent: null,
            nextRetryAt: null,
            screen: null,
            latencyMs: null,
          };
        }
        const status = slot.device.status();
        return {
          role,
          connection: slot.connection,
          state: status.state,
          description: status.description,
          since: status.since.toISOString(),
          lastError: status.lastError,
          lastEvent: slot.lastEvent,
          nextRetryAt: status.nextRetryAt?.toISOString() ?? null,
          screen: simulatedScreenOf(slot),
          latencyMs: slot.latencyMs,
        };
      }),
      discovered: this.discovery.devices,
      discoveryError: this.discovery.error,
    };
  }
}

function simulatedScreenOf(slot: Slot): [string, string] | null {
  const device = slot.device.device();
  if (!device || !('simulatedScreen' in device) || device.simulatedScreen === null) return null;
  const [top, bottom] = device.simulatedScreen();
  return [top, bottom];
}

function describeConnection(connection: DeviceConnection): string {
  switch (connection.kind) {
    case 'simulated':
      return 'Simulated';
    case 'serial':
      return `Serial ${connection.path} ${connection.baudRate}`;
    case 'hid':
      return `HID ${connection.vendorId.toString(16)}:${connection.productId.toString(16)}`;
    case 'tcp':
      return `TCP ${connection.host}:${connection.port}`;
  }
}

/** A test's outcome: English for logs, both languages for the screen. */
const said = (ok: boolean, text: LocalizedText): DeviceTestResult => ({
  ok,
  message: text.en,
  text,
});
