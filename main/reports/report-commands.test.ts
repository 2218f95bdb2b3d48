import { printedText } from '../testing/printed-text';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { call, closeShift, signInOwner, tempServices } from '../testing/temp-services';

const cola = demoCatalog().find((p) => p.taxClass === 'standard');
if (!cola) throw new Error('demo catalog lacks a standard-rate product');

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

const lastPrinted = async (services: Services): Promise<string> => {
  await services.idle();
  return printedText((await call(services, 'printer.pages', {})).at(-1));
};

describe('reports through the API', () => {
  it('counts a cash sale on the X and the dashboard, closes the day, prints and reprints the Z', async () => {
    const { services } = tempServices();
    open.push(services);
    await signInOwner(services);
    await call(services, 'settings.update', { locale: 'en' });
    await call(services, 'cart.scan', { code: cola.barcode });
    const sale = await call(services, 'sale.payCash', { tenderedMinor: 10_000 });

    const x = await call(services, 'reports.x', {});
    expect(x.figures.salesCount).toBe(1);
    expect(x.figures.netMinor).toBe(sale.paidMinor);
    expect(x.figures.tenders).toEqual([
      { kind: 'cash', count: 1, amountMinor: sale.paidMinor, feeMinor: 0 },
    ]);
    const dashboard = await call(services, 'reports.dashboard', {});
    expect(dashboard.range.figures).toEqual(x.figures);

    // The day closes only once the shift is counted and closed.
    const refused = await services.dispatch('reports.closeDay', {});
    expect(refused.ok ? null : refused.error.code).toBe('shift_open');
    await closeShift(services);
    const xCounted = await call(services, 'reports.x', {});
    expect(xCounted.figures.cash).toMatchObject({
      countedMinor: sale.paidMinor,
      differenceMinor: 0,
    });
    const z = await call(services, 'reports.closeDay', {});
    expect(z.z?.zNo).toBe(1);
    expect(z.figures).toEqual(xCounted.figures);
    const printed = await lastPrinted(services);
    expect(printed).toContain('Z REPORT');
    expect(printed).toContain(z.z?.chainHeadHash.slice(0, 48) ?? 'missing');
    expect((await call(services, 'app.info', {})).batchNo).toBe('000002');

    const again = await services.dispatch('reports.closeDay', {});
    expect(again.ok ? null : again.error.code).toBe('z_already_closed');

    await call(services, 'reports.reprintZ', { zNo: 1 });
    expect(await lastPrinted(services)).toContain('*** DUPLICATE ***');
    const missing = await services.dispatch('reports.reprintZ', { zNo: 2 });
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'z_not_found',
      params: { zNo: 2 },
    });
  });

  it('lets the owner change fee rates and refuses an unknown time zone', async () => {
    const { services } = tempServices();
    open.push(services);
    await signInOwner(services);
    const settings = await call(services, 'reports.settings', {});
    expect(settings.fees.debit).toEqual({ ppm: 5000, capMinor: 2500 });
    const changed = await call(services, 'reports.updateSettings', {
      fees: { ...settings.fees, credit: { ppm: 5500, capMinor: null } },
    });
    expect(changed.fees.credit.ppm).toBe(5500);
    const bad = await services.dispatch('reports.updateSettings', { timeZone: 'Mars/Olympus' });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'invalid_time_zone',
      params: { zone: 'Mars/Olympus' },
    });
    expect((await call(services, 'reports.settings', {})).timeZone).toBe(settings.timeZone);
  });
});
