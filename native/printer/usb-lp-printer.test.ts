import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEscPos } from './escpos-decoder';
import { encodeReceipt } from './receipt-encoder';
import { sampleReceipt } from './sample-receipt';
import { createUsbLpPrinter } from './usb-lp-printer';

// This machine has no /dev/usb/lp*: a regular file stands in for the device node. The
// transport's code path (open, write, close; status read back) is the same.
describe('USB printer class device', () => {
  const dir = mkdtempSync(join(tmpdir(), 'countertop-usb-lp-'));

  it('writes the job to the device node whole', async () => {
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    const bytes = encodeReceipt(sampleReceipt(80));
    await createUsbLpPrinter({ path: device }).write(bytes);
    const written = readFileSync(device);
    expect(written.equals(Buffer.from(bytes))).toBe(true);
    expect(decodeEscPos(written).pages[0]?.cut).toBe(true);
  });

  it('says "no status" for a device that answers nothing, and names a missing device', async () => {
    const device = join(dir, 'lp1');
    writeFileSync(device, '');
    await expect(createUsbLpPrinter({ path: device }).queryStatus()).rejects.toThrow(
      /no status \(the printer does not answer\)/,
    );
    const missing = createUsbLpPrinter({ path: join(dir, 'lp9') });
    await expect(missing.write(Uint8Array.of(0x0a))).rejects.toThrow(
      /lp9: no such device \(is it plugged in and switched on\?\)/,
    );
  });
});
