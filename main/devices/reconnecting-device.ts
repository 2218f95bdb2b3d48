/** A device that is open: how to close it, and a way to hear that it went away. */
export interface OpenDevice {
  description: string;
  onLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export type DeviceState = 'connecting' | 'connected' | 'disconnected';

export interface DeviceChange {
  state: DeviceState;
  description: string;
  since: Date;
  lastError: string | null;
  nextRetryAt: Date | null;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Keeps one device open: opens it, notices when it goes away (the driver's own event, or
 * the presence check the device service runs every second), and opens it again with
 * back-off from 0.5 s to 10 s. Whatever the cashier is doing meanwhile is not touched:
 * this only ever changes the device's state.
 */
export class ReconnectingDevice<D extends OpenDevice> {
  private current: D | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private opening = false;
  private change: DeviceChange;

  constructor(
    private readonly open: () => Promise<D>,
    private readonly describe: string,
    private readonly onChange: (change: DeviceChange) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.change = {
      state: 'connecting',
      description: describe,
      since: now(),
      lastError: null,
      nextRetryAt: null,
    };
  }

  start(): void {
    void this.tryOpen();
  }

  /** The device while it is connected. */
  device(): D | null {
    return this.current;
  }

  status(): DeviceChange {
    return this.change;
  }

  /** The presence check saw the device again (replugged): retry now, not after back-off. */
  noticePresent(): void {
    if (this.current !== null || this.opening || this.stopped) return;
    this.failures = 0;
    void this.tryOpen();
  }

  /** The presence check no longer sees the device: treat it as lost at once. */
  noticeAbsent(): void {
    if (this.current !== null) this.lose('device not present');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    const device = this.current;
    this.current = null;
    await device?.close();
  }

  private async tryOpen(): Promise<void> {
    if (this.stopped || this.opening) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.opening = true;
    this.set({ state: 'connecting', nextRetryAt: null });
    try {
      const device = await this.open();
      this.opening = false;
      if (this.isStopped()) {
        await device.close();
        return;
      }
      this.current = device;
      this.failures = 0;
      device.onLost((reason) => {
        if (this.current === device) this.lose(reason);
      });
      this.set({ state: 'connected', description: device.description, lastError: null });
    } catch (error) {
      this.opening = false;
      this.retryLater(error instanceof Error ? error.message : String(error));
    }
  }

  /** Read through a method: stop() may have run while the device was opening. */
  private isStopped(): boolean {
    return this.stopped;
  }

  private lose(reason: string): void {
    const device = this.current;
    this.current = null;
    void device?.close().catch(() => undefined);
    this.retryLater(reason);
  }

  private retryLater(reason: string): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    this.timer = setTimeout(() => void this.tryOpen(), delay);
    this.timer.unref();
    this.set({
      state: 'disconnected',
      lastError: reason,
      nextRetryAt: new Date(this.now().getTime() + delay),
    });
  }

  private set(patch: Partial<DeviceChange>): void {
    const stateChanged = patch.state !== undefined && patch.state !== this.change.state;
    this.change = { ...this.change, ...patch, ...(stateChanged ? { since: this.now() } : {}) };
    this.onChange(this.change);
  }
}
