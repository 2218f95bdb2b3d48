import type { z } from 'zod';
import type { discoveredDeviceSchema } from '@app/api/schemas';

interface PortInfo {
  path: string;
  manufacturer?: string | undefined;
  pnpId?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export type DiscoveredDevice = z.output<typeof discoveredDeviceSchema>;

export interface Discovery {
  devices: DiscoveredDevice[];
  /** Why a bus could not be listed, in words a technician can act on. */
  error: string | null;
}

const hex = (text: string | undefined): number | null =>
  text !== undefined && /^[0-9a-f]{1,4}$/i.test(text) ? parseInt(text, 16) : null;

/**
 * Serial ports (through udev: SerialPort.list needs udevadm) and HID devices (node-hid,
 * through libusb/hidraw). Each bus fails on its own: a missing udev still lists HID.
 * The native modules load on first use, so a till without them still starts.
 */
export async function discoverDevices(): Promise<Discovery> {
  const devices: DiscoveredDevice[] = [];
  const errors: string[] = [];
  try {
    const { SerialPort } = await import('serialport');
    // serialport's PortInfo type sits behind package exports our resolver cannot follow;
    // these are the fields it documents.
    const lister: { list(): Promise<PortInfo[]> } = SerialPort;
    for (const port of await lister.list()) {
      devices.push({
        transport: 'serial',
        path: port.path,
        vendorId: hex(port.vendorId),
        productId: hex(port.productId),
        manufacturer: port.manufacturer ?? null,
        product: port.pnpId ?? null,
      });
    }
  } catch (error) {
    errors.push(`serial ports could not be listed (is udev installed?): ${describe(error)}`);
  }
  try {
    const hid = await import('node-hid');
    for (const device of await hid.devicesAsync()) {
      if (device.path === undefined) continue;
      devices.push({
        transport: 'hid',
        path: device.path,
        vendorId: device.vendorId,
        productId: device.productId,
        manufacturer: device.manufacturer ?? null,
        product: device.product ?? null,
      });
    }
  } catch (error) {
    errors.push(`HID devices could not be listed (is libusb-1.0-0 installed?): ${describe(error)}`);
  }
  return { devices, error: errors.length > 0 ? errors.join('; ') : null };
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
