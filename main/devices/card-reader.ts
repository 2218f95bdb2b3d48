import type { DeviceConnection } from '@app/api/contract';
import { testCards } from '@app/card/test-cards';
import type { TestCardName } from '@app/card/test-cards';
import { createHidMagstripeReader } from '@native/magstripe/hid-reader';
import { nodeHidDevices, openNodeHid } from '@native/magstripe/hid-device';
import type { MagstripeEvents, MagstripeReader } from '@native/magstripe/reader';
import { openSerialMagstripeReader } from '@native/magstripe/serial-reader';
import { FakeHidDevice } from '@native/sim/magstripe-sim';
import type { OpenDevice } from './reconnecting-device';

export type SimulatedSwipe = TestCardName | 'badLrc';

export interface CardReaderDevice extends OpenDevice {
  /** Only the simulated reader can be swiped from the screen. */
  simulate: ((card: SimulatedSwipe) => void) | null;
}

export interface CardReaderListeners {
  swipe: (read: MagstripeEvents['swipe']) => void;
  swipeError: (error: MagstripeEvents['swipe-error']) => void;
}

/** Opens the card reader a connection names: HID vendor mode, serial, or the simulator. */
export async function openCardReader(
  connection: DeviceConnection,
  listeners: CardReaderListeners,
): Promise<CardReaderDevice> {
  let simulate: CardReaderDevice['simulate'] = null;
  let reader: MagstripeReader;
  switch (connection.kind) {
    case 'simulated': {
      // The real HID driver, fed MagTek reports by a stand-in device.
      const fake = new FakeHidDevice();
      reader = createHidMagstripeReader(fake, { description: 'Simulated MagTek HID reader' });
      simulate = (card) => {
        if (card === 'badLrc') fake.swipeFixture('badLrc');
        else fake.swipeCard(testCards[card]);
      };
      break;
    }
    case 'serial':
      reader = await openSerialMagstripeReader({
        path: connection.path,
        baudRate: connection.baudRate,
      });
      break;
    case 'hid': {
      const found = (await nodeHidDevices()).find(
        (d) =>
          d.vendorId === connection.vendorId &&
          d.productId === connection.productId &&
          (connection.path === undefined || d.path === connection.path),
      );
      if (found?.path === undefined) {
        throw new Error(
          `no HID device ${hex(connection.vendorId)}:${hex(connection.productId)} is plugged in`,
        );
      }
      reader = createHidMagstripeReader(await openNodeHid(found.path), {
        description: `HID ${hex(connection.vendorId)}:${hex(connection.productId)} ${found.path}`,
      });
      break;
    }
    case 'tcp':
      throw new Error('a card reader connects by USB (HID) or serial, not TCP');
  }
  reader.on('swipe', listeners.swipe);
  reader.on('swipe-error', listeners.swipeError);
  return {
    description: reader.description,
    simulate,
    onLost: (listener) => reader.on('unplugged', ({ reason }) => listener(reason)),
    close: () => reader.close(),
  };
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');
