/**
 * The part of node-hid's HID.HID this driver uses, so tests and the simulator can stand in
 * for a device. node-hid delivers one whole input report per 'data' event (hidapi reads whole
 * reports), and 'error' when the device goes away.
 */
export interface HidDevice {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

/** The fields of node-hid's HID.devices() entries discovery looks at. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  usagePage?: number | undefined;
}

/** MagTek's USB vendor ID. */
export const MAGTEK_VENDOR_ID = 0x0801;
/** D99875191 §4 "Report Descriptor": HID-mode readers use vendor usage page 0xFF00. */
const MAGTEK_USAGE_PAGE = 0xff00;

/**
 * MagTek readers in HID mode. Readers in keyboard mode show up under the keyboard usage page
 * and are owned by the OS (the renderer's SwipeDetector reads those), so they are skipped.
 * Platforms that do not report a usage page are given the benefit of the doubt.
 */
export function findMagtekReaders(devices: readonly HidDeviceInfo[]): HidDeviceInfo[] {
  return devices.filter(
    (d) =>
      d.vendorId === MAGTEK_VENDOR_ID &&
      d.path !== undefined &&
      (d.usagePage === undefined || d.usagePage === MAGTEK_USAGE_PAGE),
  );
}

/**
 * Lists and opens devices through node-hid, loaded on first use so that merely importing the
 * driver (tests, a machine without libusb) does not load the native module.
 */
export async function nodeHidDevices(): Promise<HidDeviceInfo[]> {
  const hid = await import('node-hid');
  return hid.devices();
}

export async function openNodeHid(path: string): Promise<HidDevice> {
  const hid = await import('node-hid');
  return new hid.HID(path);
}
