import type { DeviceConnection } from '@app/api/contract';
import type { ZvtLink } from '@native/zvt/link';
import { connectTcpTerminal } from '@native/zvt/tcp-link';
import { openSerialTerminal } from '@native/zvt/serial-link';
import { createZvtClient } from '@native/zvt/zvt-client';
import type { ZvtClient } from '@native/zvt/zvt-client';
import { startZvtTerminalSim } from '@native/sim/zvt-terminal-sim';
import type { OpenDevice } from './reconnecting-device';

const ZVT_BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

export interface PaymentTerminalDevice extends OpenDevice {
  client: ZvtClient;
}

/**
 * Opens the ZVT payment terminal a connection names: TCP (port 20007), serial, or the
 * simulator, which runs in this process and is reached over real loopback TCP.
 */
export async function openPaymentTerminal(
  connection: DeviceConnection,
): Promise<PaymentTerminalDevice> {
  let link: ZvtLink;
  let stopSimulator: (() => Promise<void>) | null = null;
  switch (connection.kind) {
    case 'simulated': {
      const sim = await startZvtTerminalSim({ port: 0, host: '127.0.0.1' });
      stopSimulator = () => sim.close();
      link = await connectTcpTerminal({ host: '127.0.0.1', port: sim.port });
      break;
    }
    case 'tcp':
      link = await connectTcpTerminal({ host: connection.host, port: connection.port });
      break;
    case 'serial': {
      const baudRate = ZVT_BAUD_RATES.find((rate) => rate === connection.baudRate);
      if (baudRate === undefined) {
        throw new Error(`ZVT serial runs at ${ZVT_BAUD_RATES.join(', ')} baud`);
      }
      link = await openSerialTerminal({ path: connection.path, baudRate });
      break;
    }
    case 'hid':
      throw new Error('a ZVT payment terminal connects by TCP or serial, not HID');
  }
  const description =
    connection.kind === 'simulated'
      ? `Simulated ZVT terminal (${link.description})`
      : link.description;
  return {
    description,
    client: createZvtClient(link, {
      currency: 156,
      ...('charset' in connection && connection.charset ? { charset: connection.charset } : {}),
    }),
    onLost: (listener) => {
      link.onClose((error) => listener(error.message));
    },
    close: async () => {
      await link.close();
      await stopSimulator?.();
    },
  };
}
