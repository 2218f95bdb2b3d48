import { checkSwipe } from '@app/card/swipe-diagnosis';
import type { HidDevice } from './hid-device';
import { decodeMagtekReport } from './magtek-report';
import { localExpiryClock, ReaderEvents } from './reader';
import type { ExpiryClock, MagstripeReader } from './reader';

export interface HidReaderOptions {
  /** For people, e.g. "MagTek HID /dev/hidraw3". */
  description: string;
  now?: ExpiryClock;
}

/**
 * A MagTek HID-mode swipe reader: each input report is one swipe. Reports are zeroed as soon
 * as they are decoded, so card data lives in the driver only as long as parsing takes.
 */
export function createHidMagstripeReader(
  device: HidDevice,
  options: HidReaderOptions,
): MagstripeReader {
  const events = new ReaderEvents();
  const now = options.now ?? localExpiryClock;
  let open = true;

  const shut = (): void => {
    if (!open) return;
    open = false;
    try {
      device.close();
    } catch {
      // Closing a device that is already gone throws; it is closed either way.
    }
  };

  device.on('data', (report) => {
    if (!open) {
      report.fill(0);
      return;
    }
    const tracks = decodeMagtekReport(report);
    report.fill(0);
    events.emitChecked(checkSwipe(tracks, now()));
  });

  device.on('error', (error) => {
    if (!open) return;
    shut();
    events.emit('unplugged', { reason: error.message });
  });

  return {
    description: options.description,
    on: (event, listener) => events.on(event, listener),
    close: () => {
      shut();
      return Promise.resolve();
    },
  };
}
