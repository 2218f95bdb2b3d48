import type { DeviceConnection } from '@app/api/contract';
import { epsonPoleCommands } from '@native/display/epson-display-commands';
import { openSerialPoleDisplay } from '@native/display/pole-display';
import { PoleDisplayDecoder } from '@native/display/pole-display-decoder';
import type { PoleScreen } from '@native/display/pole-screens';
import type { OpenDevice } from './reconnecting-device';

export interface CustomerDisplayDevice extends OpenDevice {
  show(screen: PoleScreen): Promise<void>;
  /** What the simulated display shows (decoded from the bytes sent); null for real ones. */
  simulatedScreen: (() => PoleScreen) | null;
}

/** A 2x20 pole display on a serial port, or the simulator fed the same command bytes. */
export async function openCustomerDisplay(
  connection: DeviceConnection,
): Promise<CustomerDisplayDevice> {
  switch (connection.kind) {
    case 'simulated': {
      const decoder = new PoleDisplayDecoder();
      decoder.push(epsonPoleCommands.init());
      return {
        description: 'Simulated 2x20 pole display',
        show: (screen) => {
          decoder.push(epsonPoleCommands.screen(screen));
          return Promise.resolve();
        },
        simulatedScreen: () => decoder.screen,
        onLost: () => undefined,
        close: () => Promise.resolve(),
      };
    }
    case 'serial': {
      const display = await openSerialPoleDisplay({
        path: connection.path,
        baudRate: connection.baudRate,
      });
      return {
        description: display.description,
        show: (screen) => display.show(screen),
        simulatedScreen: null,
        onLost: (listener) => display.onClosed(({ reason }) => listener(reason)),
        close: () => display.close(),
      };
    }
    case 'hid':
    case 'tcp':
      throw new Error('a pole display connects by serial');
  }
}
