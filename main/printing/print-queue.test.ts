import { afterEach, describe, expect, it } from 'vitest';
import { startTcpPrinterSim } from '@native/sim/tcp-printer-sim';
import type { TcpPrinterSim } from '@native/sim/tcp-printer-sim';
import { CHINESE_SAMPLE } from '@app/receipt/test-page';
import { demoCatalog } from '../catalog/demo-catalog';
import { silentLogger } from '../log/logger';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';

const product = demoCatalog()[0]!;
let services: Services;
let sim: TcpPrinterSim | null = null;
afterEach(async () => {
  await services.close();
  await sim?.close();
  sim = null;
});

const sell = async () => {
  await call(services, 'cart.scan', { code: product.barcode });
  return call(services, 'sale.payCash', { tenderedMinor: product.priceMinor });
};
/** Polls a condition the 2 s status poll will make true. */
const until = async (condition: () => boolean | Promise<boolean>, withinMs = 6_000) => {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const pageText = (lines: { kind: string; text?: string; data?: string }[]) =>
  lines.map((l) => l.text ?? l.data ?? '').join('\n');

describe('the print queue', () => {
  it('prints the test page: ruler, code page, Chinese sample, both barcodes, QR and a cut', async () => {
    services = tempServices().services;
    await signInOwner(services);
    const job = await call(services, 'printer.testPage', {});
    expect(job).toMatchObject({ kind: 'test', saleId: null });
    await services.idle();
    const page = (await call(services, 'printer.pages', {})).at(-1);
    const text = pageText(page?.lines ?? []);
    expect(text).toContain(CHINESE_SAMPLE);
    expect(text).toContain('123456789012345678901234567890123456789012345678');
    expect(text).toContain('40 @ABCDEFGHIJKLMNO');
    expect(page?.lines.filter((l) => l.kind === 'barcode').map((l) => l.data)).toEqual([
      '6901234567892',
      'CT-TEST-0001',
    ]);
    expect(page?.lines.some((l) => l.kind === 'qr')).toBe(true);
    expect(page?.cut).toBe(true);
  });

  it('keeps receipts that could not print, in order, and prints them when paper is back', async () => {
    services = tempServices().services;
    await signInOwner(services);
    expect(await call(services, 'printer.simulateOffline', { reason: 'paper out' })).toMatchObject({
      state: 'error',
      lastError: 'printer offline: paper out',
    });
    const first = await sell();
    const second = await sell();
    await services.idle();

    // Both sales are committed whatever the printer did.
    expect((await call(services, 'sale.list', { limit: 5 })).map((s) => s.id)).toEqual([
      second.id,
      first.id,
    ]);
    const status = await call(services, 'printer.status', {});
    expect(status).toMatchObject({ state: 'error', queued: 2 });
    expect(status.lastError).toContain('paper out');
    const jobs = await call(services, 'printer.jobs', {});
    expect(jobs.map((j) => [j.saleId, j.status])).toEqual([
      [first.id, 'failed'],
      [second.id, 'queued'],
    ]);

    await call(services, 'printer.simulateOffline', { reason: null });
    await services.idle();
    const pages = await call(services, 'printer.pages', {});
    const qrs = pages.map((p) => p.lines.find((l) => l.kind === 'qr'));
    expect(qrs).toEqual([
      expect.objectContaining({ kind: 'qr', data: first.id }),
      expect.objectContaining({ kind: 'qr', data: second.id }),
    ]);
    expect(await call(services, 'printer.status', {})).toMatchObject({ state: 'ready', queued: 0 });
  });

  it('lets the cashier skip a failed receipt and reprints any sale marked as a duplicate', async () => {
    services = tempServices().services;
    await signInOwner(services);
    await call(services, 'printer.simulateOffline', { reason: 'cover open' });
    const sale = await sell();
    await services.idle();
    const [failed] = await call(services, 'printer.jobs', {});
    expect(await call(services, 'printer.skip', { jobId: failed!.id })).toMatchObject({
      status: 'skipped',
    });

    await call(services, 'printer.simulateOffline', { reason: null });
    await call(services, 'printer.reprint', { saleId: sale.id });
    await services.idle();
    const pages = await call(services, 'printer.pages', {});
    expect(pages).toHaveLength(1);
    expect(pageText(pages[0]!.lines)).toContain('*** 重印 ***');
    expect(await services.dispatch('printer.retry', { jobId: 'no-such-job' })).toMatchObject({
      ok: false,
      error: { code: 'print_job_not_found' },
    });
  });

  it('prints to a raw TCP printer once configured, and queues when it is unreachable', async () => {
    services = tempServices().services;
    await signInOwner(services);
    sim = await startTcpPrinterSim();
    const printed = new Promise<{ lines: { kind: string; text?: string; data?: string }[] }>(
      (resolve) => sim!.onPage(resolve),
    );
    await call(services, 'printer.configure', { kind: 'tcp', host: '127.0.0.1', port: sim.port });
    const sale = await sell();
    expect(pageText((await printed).lines)).toContain(sale.id);

    const port = sim.port;
    await sim.close();
    sim = null;
    await sell();
    await services.idle();
    const status = await call(services, 'printer.status', {});
    expect(status).toMatchObject({
      state: 'error',
      queued: 1,
      description: `TCP 127.0.0.1:${String(port)}`,
    });
    expect(status.lastError).toContain('refused');
  });

  it('opens the drawer through the printer and reads the sensor back', async () => {
    services = tempServices().services;
    await signInOwner(services);
    const status = await call(services, 'printer.kickDrawer', { pin: 5 });
    expect(status).toMatchObject({ condition: 'ready', drawerOpen: true });
  });

  it('opens the drawer by itself when cash changes hands: a cash sale, then cash given back', async () => {
    const kicks: string[] = [];
    const log = { ...silentLogger, info: (message: string) => void kicks.push(message) };
    services = tempServices(undefined, undefined, { log }).services;
    await signInOwner(services);
    const sale = await sell();
    await until(() => kicks.filter((m) => m === 'drawer kicked').length === 1);
    const line = sale.lines[0];
    if (!line) throw new Error('the sale has no line');
    await call(services, 'sale.refund', {
      saleId: sale.id,
      lines: [{ lineId: line.lineId, quantity: 1 }],
      reason: 'damaged',
      restock: true,
    });
    await until(() => kicks.filter((m) => m === 'drawer kicked').length === 2);
    expect((await call(services, 'printer.status', {})).drawerOpen).toBe(true);
  });

  it('kicks with the pulse set, and reads the sensor the way the drawer is wired', async () => {
    services = tempServices().services;
    await signInOwner(services);
    const set = await call(services, 'printer.drawerSettings', { pulseMs: 60, openWhen: 'low' });
    expect(set.drawer).toEqual({ pulseMs: 60, openWhen: 'low' });
    // The simulated drawer pulls pin 3 high when open: wired "open when low", that reads closed.
    const status = await call(services, 'printer.kickDrawer', { pin: 2 });
    expect(status.drawerOpen).toBe(false);
    const pages = await call(services, 'printer.pages', {});
    expect(pages).toHaveLength(0);
    const invalid = await services.dispatch('printer.drawerSettings', {
      pulseMs: 0,
      openWhen: 'high',
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('holds receipts while a TCP printer reports paper out, and prints them once refilled', async () => {
    services = tempServices().services;
    await signInOwner(services);
    sim = await startTcpPrinterSim();
    const tcp = sim;
    await call(services, 'printer.configure', { kind: 'tcp', host: '127.0.0.1', port: tcp.port });
    tcp.state.setPaper('out');
    await until(async () => (await call(services, 'printer.status', {})).condition === 'paper-out');
    const sale = await sell();
    await services.idle();
    const [job] = await call(services, 'printer.jobs', {});
    expect(job).toMatchObject({
      saleId: sale.id,
      status: 'failed',
      lastError: 'printer paper out',
    });
    expect(tcp.pages()).toHaveLength(0);

    tcp.state.setPaper('ok');
    await until(() => tcp.pages().length === 1);
    expect(tcp.pages()[0]?.lines.find((l) => l.kind === 'qr')).toMatchObject({ data: sale.id });
    expect(await call(services, 'printer.status', {})).toMatchObject({ queued: 0, state: 'ready' });
  });

  it('sends a held receipt to the backup printer, and prints it only once', async () => {
    services = tempServices().services;
    await signInOwner(services);
    sim = await startTcpPrinterSim();
    const backup = sim;
    await call(services, 'printer.simulateOffline', { reason: 'paper out' });
    const first = await sell();
    await services.idle();
    const [held] = await call(services, 'printer.jobs', {});
    expect(await services.dispatch('printer.sendToBackup', { jobId: held!.id })).toMatchObject({
      ok: false,
      error: { code: 'no_backup_printer' },
    });

    const config = { kind: 'tcp', host: '127.0.0.1', port: backup.port } as const;
    const set = await call(services, 'printer.setBackup', { config });
    expect(set.backup).toEqual({ config, description: `TCP 127.0.0.1:${String(backup.port)}` });
    expect(await call(services, 'printer.sendToBackup', { jobId: held!.id })).toMatchObject({
      status: 'printed',
    });
    await until(() => backup.pages().length > 0);
    expect(backup.pages().map((p) => p.lines.find((l) => l.kind === 'qr'))).toEqual([
      expect.objectContaining({ kind: 'qr', data: first.id }),
    ]);
    // Printed once: neither a second send nor paper coming back prints it again.
    expect(await services.dispatch('printer.sendToBackup', { jobId: held!.id })).toMatchObject({
      ok: false,
      error: { code: 'print_job_not_held' },
    });
    await call(services, 'printer.simulateOffline', { reason: null });
    await services.idle();
    expect(await call(services, 'printer.pages', {})).toHaveLength(0);
    expect(await call(services, 'printer.status', {})).toMatchObject({ queued: 0 });
  });

  it('keeps the receipt held when the backup printer fails too, and remembers the backup', async () => {
    const temp = tempServices();
    services = temp.services;
    await signInOwner(services);
    sim = await startTcpPrinterSim();
    const port = sim.port;
    await sim.close();
    sim = null;
    await call(services, 'printer.setBackup', { config: { kind: 'tcp', host: '127.0.0.1', port } });
    await call(services, 'printer.simulateOffline', { reason: 'paper out' });
    await sell();
    await services.idle();
    const [held] = await call(services, 'printer.jobs', {});
    const failed = await services.dispatch('printer.sendToBackup', { jobId: held!.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'backup_print_failed' } });
    expect(await call(services, 'printer.jobs', {})).toMatchObject([
      { id: held!.id, status: 'failed' },
    ]);
    await services.close();
    services = tempServices(temp.dataDir).services;
    await signInOwner(services);
    expect((await call(services, 'printer.status', {})).backup?.config).toEqual({
      kind: 'tcp',
      host: '127.0.0.1',
      port,
    });
  });

  it('prints the shop logo on every receipt once set, and refuses a picture it cannot print', async () => {
    services = tempServices().services;
    await signInOwner(services);
    const logo = { widthDots: 8, heightDots: 3, bitsHex: '3c7e3c' };
    expect(await call(services, 'printer.setLogo', { logo })).toEqual({ logo });
    expect(await call(services, 'printer.logo', {})).toEqual({ logo });
    const bad = await services.dispatch('printer.setLogo', {
      logo: { widthDots: 8, heightDots: 3, bitsHex: '3c7e' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_logo' } });

    await sell();
    await services.idle();
    const [page] = await call(services, 'printer.pages', {});
    expect(page?.lines[0]).toEqual({ kind: 'image', ...logo });
    await call(services, 'printer.setLogo', { logo: null });
    await sell();
    await services.idle();
    const second = (await call(services, 'printer.pages', {}))[1];
    expect(second?.lines.some((l) => l.kind === 'image')).toBe(false);
  });
});
