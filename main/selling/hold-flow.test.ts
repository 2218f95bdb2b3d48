import { afterEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { call, closeShift, signInOwner, tempServices } from '../testing/temp-services';

const [cola, bread] = demoCatalog().filter((p) => p.unit === 'piece' && p.barcode !== '');
if (!cola || !bread) throw new Error('demo catalog lacks two piece products');

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

const start = async (dataDir?: string) => {
  const made = tempServices(dataDir);
  open.push(made.services);
  await signInOwner(made.services);
  return made;
};

const errorOf = async (services: Services, name: string, input: unknown) => {
  const result = await services.dispatch(name, input);
  return result.ok ? null : result.error;
};

describe('hold and recall', () => {
  it('parks a sale with a note, keeps it across a restart, recalls it and sells it', async () => {
    const { services, dataDir } = await start();
    await call(services, 'cart.scan', { code: cola.barcode });
    await call(services, 'cart.scan', { code: cola.barcode });
    const before = await call(services, 'cart.get', {});
    const held = await call(services, 'hold.park', { note: 'table 4' });
    expect(held).toMatchObject({
      note: 'table 4',
      operatorName: 'Wang Fang',
      totalMinor: before.totals.totalMinor,
      itemCount: 2,
    });
    expect((await call(services, 'cart.get', {})).lines).toEqual([]);

    // The next customer is served while the first one waits.
    await call(services, 'cart.scan', { code: bread.barcode });
    const other = await call(services, 'sale.payCash', { tenderedMinor: 100_000 });
    expect(other.lines.map((l) => l.productId)).toEqual([bread.id]);

    await services.close();
    open = [];
    const again = await start(dataDir);
    const list = await call(again.services, 'hold.list', {});
    expect(list).toEqual([held]);

    const recalled = await call(again.services, 'hold.recall', { heldId: held.id });
    expect(recalled.lines).toEqual(before.lines);
    expect(recalled.totals).toEqual(before.totals);
    expect(await call(again.services, 'hold.list', {})).toEqual([]);
    const sale = await call(again.services, 'sale.payCash', { tenderedMinor: 100_000 });
    expect(sale.paidMinor).toBe(before.cashDueMinor);
    expect(sale.lines.map((l) => [l.productId, l.quantity])).toEqual([[cola.id, 2]]);
  });

  it('recalls only into an empty cart and refuses an empty hold', async () => {
    const { services } = await start();
    expect(await errorOf(services, 'hold.park', { note: '' })).toMatchObject({
      code: 'cart_empty',
    });
    await call(services, 'cart.scan', { code: cola.barcode });
    const held = await call(services, 'hold.park', { note: 'waiting for wallet' });
    await call(services, 'cart.scan', { code: bread.barcode });
    expect(await errorOf(services, 'hold.recall', { heldId: held.id })).toMatchObject({
      code: 'cart_not_empty',
    });
    // Nothing was lost: the current cart and the held sale are both still there.
    expect((await call(services, 'cart.get', {})).lines.map((l) => l.productId)).toEqual([
      bread.id,
    ]);
    expect(await call(services, 'hold.list', {})).toHaveLength(1);
  });

  it('refuses the Z while a sale is held, naming it, until it is discarded (audited)', async () => {
    const { services } = await start();
    await call(services, 'cart.scan', { code: cola.barcode });
    const held = await call(services, 'hold.park', { note: 'red coat' });
    await closeShift(services);
    const refused = await errorOf(services, 'reports.closeDay', {});
    expect(refused?.code).toBe('held_sales_open');
    expect(refused?.params).toMatchObject({ count: 1 });
    expect(String(refused?.params?.list)).toContain('red coat (Wang Fang');

    await call(services, 'hold.discard', { heldId: held.id, reason: 'customer left' });
    const audit = await call(services, 'audit.list', { limit: 10 });
    expect(audit.find((a) => a.action === 'held_sale_discard')).toMatchObject({
      object: held.id,
      user: { name: 'Wang Fang' },
      detail: { note: 'red coat', reason: 'customer left', itemCount: 1 },
    });
    expect(await errorOf(services, 'hold.recall', { heldId: held.id })).toMatchObject({
      code: 'held_sale_not_found',
    });
    const z = await call(services, 'reports.closeDay', {});
    expect(z.z?.zNo).toBe(1);
  });
});
