import type { DeviceConnection } from '@app/api/contract';
import { openSerialScanner } from '@native/scanner/serial-scanner';
import type { ScannerEvents } from '@native/scanner/scanner';
import type { OpenDevice } from './reconnecting-device';

export interface BarcodeScannerDevice extends OpenDevice {
  /** Only the simulated scanner can be "scanned" from the screen. */
  simulate: ((code: string) => void) | null;
}

export interface BarcodeScannerListeners {
  code: (code: ScannerEvents['code']) => void;
  malformed: (frame: ScannerEvents['malformed']) => void;
}

/**
 * A serial barcode scanner (a keyboard-wedge scanner needs no role: the sell screen reads
 * it), or the simulator, which hands codes over as the serial driver would.
 */
export async function openBarcodeScanner(
  connection: DeviceConnection,
  listeners: BarcodeScannerListeners,
): Promise<BarcodeScannerDevice> {
  switch (connection.kind) {
    case 'simulated':
      return {
        description: 'Simulated barcode scanner',
        simulate: (text) => listeners.code({ text, atMs: Date.now() }),
        onLost: () => undefined,
        close: () => Promise.resolve(),
      };
    case 'serial': {
      const scanner = await openSerialScanner({
        path: connection.path,
        baudRate: connection.baudRate,
        ...(connection.suffix ? { suffix: connection.suffix } : {}),
      });
      scanner.on('code', listeners.code);
      scanner.on('malformed', listeners.malformed);
      return {
        description: scanner.description,
        simulate: null,
        onLost: (listener) => scanner.on('closed', ({ reason }) => listener(reason)),
        close: () => scanner.close(),
      };
    }
    case 'hid':
    case 'tcp':
      throw new Error(
        'a barcode scanner connects by serial here; a USB keyboard scanner needs no setup',
      );
  }
}
