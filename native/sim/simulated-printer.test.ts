import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../printer/receipt-encoder';
import { sampleReceipt } from '../printer/sample-receipt';
import type { DecodedPage } from '../printer/decoded-printout';
import { drawerKickCommand } from '../printer/cash-drawer';
import { summarizeStatus } from '../printer/printer-status';
import { SimulatedPrinter } from './simulated-printer';
import { formatPage } from './format-page';

const receipt = encodeReceipt(sampleReceipt(58));

describe('SimulatedPrinter', () => {
  it('shows each page it receives, with the bytes that made it', async () => {
    const printer = new SimulatedPrinter();
    const seen: { page: DecodedPage; raw: Uint8Array }[] = [];
    printer.onPage((page, raw) => seen.push({ page, raw }));
    // Split like a slow link: the page appears once its cut has arrived.
    await printer.write(receipt.subarray(0, 100));
    expect(seen).toHaveLength(0);
    await printer.write(receipt.subarray(100));
    expect(seen).toHaveLength(1);
    expect(Buffer.from(seen[0]!.raw).equals(Buffer.from(receipt))).toBe(true);
    expect(formatPage(seen[0]!.page, 32)).toContain('合计');
    expect(printer.pages()).toEqual([seen[0]!.page]);
  });

  it('keeps the last 20 pages', async () => {
    const printer = new SimulatedPrinter();
    for (let k = 0; k < 25; k++) {
      await printer.write(
        encodeReceipt({
          paperWidth: 58,
          blocks: [{ kind: 'text', text: `#${String(k)}` }, { kind: 'cut' }],
        }),
      );
    }
    const pages = printer.pages();
    expect(pages).toHaveLength(20);
    expect(pages[0]!.lines[0]).toMatchObject({ text: '#5' });
    expect(pages[19]!.lines[0]).toMatchObject({ text: '#24' });
  });

  it('rejects jobs without paper, says so when asked, and prints again once refilled', async () => {
    const printer = new SimulatedPrinter();
    printer.setPaper('out');
    await expect(printer.write(receipt)).rejects.toThrow('printer offline: paper out');
    expect(printer.pages()).toEqual([]);
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('paper-out');
    printer.setPaper('ok');
    await printer.write(receipt);
    expect(printer.pages()).toHaveLength(1);
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('ready');
  });

  it('refuses to print with the cover open, and says so by status', async () => {
    const printer = new SimulatedPrinter();
    printer.state.setCover(true);
    await expect(printer.write(receipt)).rejects.toThrow('printer offline: cover open');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('cover-open');
    printer.state.setCover(false);
    await printer.write(receipt);
    expect(printer.pages()).toHaveLength(1);
  });

  it('opens its drawer on ESC p, tells listeners, reports it by the sensor, closes when told', async () => {
    const printer = new SimulatedPrinter({ drawerCloseMs: null });
    const kicks: number[] = [];
    printer.state.onDrawerKick((kick) => kicks.push(kick.pin));
    await printer.write(drawerKickCommand({ pin: 5, onMs: 120, offMs: 240 }));
    expect(printer.state.drawerKicks()).toMatchObject([{ pin: 5, onMs: 120, offMs: 240 }]);
    expect(kicks).toEqual([5]);
    expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(true);
    expect(printer.pages()).toEqual([]);
    printer.state.closeDrawer();
    expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(false);
  });

  it('closes the drawer by itself after the configured time', async () => {
    const printer = new SimulatedPrinter({ drawerCloseMs: 50 });
    await printer.write(drawerKickCommand({ pin: 2, onMs: 100, offMs: 200 }));
    expect(printer.state.drawerOpen()).toBe(true);
    await new Promise<void>((done) => {
      const stop = printer.state.onChange(() => {
        stop();
        done();
      });
    });
    expect(printer.state.drawerOpen()).toBe(false);
  });

  it('still opens the drawer while out of paper (a job with no page is not refused)', async () => {
    const printer = new SimulatedPrinter();
    printer.setPaper('out');
    await printer.write(drawerKickCommand({ pin: 2, onMs: 100, offMs: 200 }));
    expect(printer.state.drawerOpen()).toBe(true);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const printer = new SimulatedPrinter();
    let count = 0;
    const off = printer.onPage(() => count++);
    await printer.write(receipt);
    off();
    await printer.write(receipt);
    expect(count).toBe(1);
  });
});
