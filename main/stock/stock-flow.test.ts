import { afterEach, describe, expect, it } from 'vitest';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';

const [cola, bread] = demoCatalog().filter((p) => p.unit === 'piece' && p.barcode !== '');
const apples = demoCatalog().find((p) => p.unit === 'kg');
if (!cola || !bread || !apples) throw new Error('demo catalog lacks the products');

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

const errorOf = async (services: Services, name: string, input: unknown) => {
  const result = await services.dispatch(name, input);
  return result.ok ? null : result.error;
};

const track = async (services: Services, productId: string) => {
  const product = await call(services, 'catalog.get', { productId });
  await call(services, 'catalog.save', { product: { ...product, trackStock: true } });
};

describe('stock', () => {
  it('counts, sells and lists low stock from movements only', async () => {
    const { services, dataDir } = tempServices();
    open.push(services);
    await signInOwner(services);
    await track(services, cola.id);
    await track(services, apples.id);
    const tracked = await call(services, 'stock.list', { lowOnly: false });
    expect(tracked.map((r) => [r.productId, r.onHand]).sort()).toEqual(
      [
        [cola.id, 0],
        [apples.id, 0],
      ].sort(),
    );

    await call(services, 'stock.adjust', { productId: cola.id, counted: 24, reason: 'delivery' });
    await call(services, 'stock.adjust', { productId: apples.id, counted: 5000, reason: 'count' });
    await call(services, 'stock.setThreshold', { threshold: 10 });
    await call(services, 'stock.setThreshold', { productId: apples.id, threshold: 1000 });

    // A sale of 3 colas, 0.750 kg of apples and an untracked loaf.
    for (let i = 0; i < 3; i += 1) await call(services, 'cart.scan', { code: cola.barcode });
    await call(services, 'cart.addProduct', { productId: apples.id, grams: 750 });
    await call(services, 'cart.scan', { code: bread.barcode });
    await call(services, 'sale.payCash', { tenderedMinor: 1_000_000 });

    const rows = await call(services, 'stock.list', { lowOnly: false });
    const of = (id: string) => rows.find((r) => r.productId === id);
    expect(of(cola.id)).toMatchObject({ onHand: 21, threshold: 10, low: false });
    expect(of(apples.id)).toMatchObject({ onHand: 4250, threshold: 1000, low: false });
    expect(of(bread.id)).toBeUndefined();

    // A count lower than the books: the difference is a movement, audited with who and why.
    const counted = await call(services, 'stock.adjust', {
      productId: cola.id,
      counted: 8,
      reason: 'broken bottles',
    });
    expect(counted).toMatchObject({ onHand: 8, low: true });
    expect((await call(services, 'stock.list', { lowOnly: true })).map((r) => r.productId)).toEqual(
      [cola.id],
    );
    const audit = await call(services, 'audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({
      action: 'stock_count',
      object: cola.id,
      user: { name: 'Wang Fang' },
      detail: { before: 21, counted: 8, reason: 'broken bottles' },
    });

    expect(
      await errorOf(services, 'stock.adjust', { productId: bread.id, counted: 1, reason: 'x' }),
    ).toMatchObject({ code: 'stock_not_tracked' });

    // The level is the sum of the movements: the same after a restart.
    await services.close();
    open = [];
    const again = tempServices(dataDir);
    open.push(again.services);
    await signInOwner(again.services);
    const after = await call(again.services, 'stock.list', { lowOnly: false });
    expect(after.find((r) => r.productId === cola.id)?.onHand).toBe(8);
  });

  it('lets only managers and owners count stock', async () => {
    const { services } = tempServices();
    open.push(services);
    await signInOwner(services);
    await track(services, cola.id);
    const cashier = await call(services, 'staff.add', {
      name: 'Li Na',
      role: 'cashier',
      pin: '1357',
    });
    await call(services, 'session.login', { userId: cashier.id, pin: '1357' });
    expect(
      await errorOf(services, 'stock.adjust', { productId: cola.id, counted: 1, reason: 'x' }),
    ).toMatchObject({ code: 'permission_required' });
  });
});
