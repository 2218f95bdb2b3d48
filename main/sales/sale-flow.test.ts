import { printedText } from '../testing/printed-text';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { demoCatalog } from '../catalog/demo-catalog';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';

const [milk, cola] = (() => {
  const catalog = demoCatalog();
  const a = catalog.find((p) => p.taxClass === 'reduced');
  const b = catalog.find((p) => p.taxClass === 'standard');
  if (!a || !b) throw new Error('demo catalog lacks a tax class');
  return [a, b];
})();

let open: Services[] = [];
const start = async (dataDir?: string, onDatabase?: (db: Database.Database) => void) => {
  const made = tempServices(dataDir, onDatabase);
  open.push(made.services);
  await signInOwner(made.services);
  return made;
};
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

describe('a cash sale through the API', () => {
  it('commits lines, tender and a chained ledger entry, then prints the receipt', async () => {
    const { services } = await start();
    await call(services, 'cart.scan', { code: milk.barcode });
    await call(services, 'cart.scan', { code: cola.barcode });
    const cart = await call(services, 'cart.scan', { code: cola.barcode });
    expect(cart.lines).toHaveLength(2);
    expect(cart.totals.totalMinor).toBe(milk.priceMinor + 2 * cola.priceMinor);

    const tendered = cart.totals.totalMinor + 1234;
    const sale = await call(services, 'sale.payCash', { tenderedMinor: tendered });
    expect(sale.seq).toBe(2); // after the shift_open entry
    expect(sale.paidMinor).toBe(cart.totals.totalMinor);
    expect(sale.tenders).toEqual([
      { method: 'cash', amountMinor: sale.paidMinor, tenderedMinor: tendered, changeMinor: 1234 },
    ]);
    expect((await call(services, 'cart.get', {})).lines).toHaveLength(0);

    await services.idle();
    const pages = await call(services, 'printer.pages', {});
    const text = printedText(pages.at(-1));
    expect(text).toContain(milk.nameZh);
    expect(text).toContain(cola.nameZh);
    expect(text).toContain(sale.id);
    expect(pages.at(-1)?.cut).toBe(true);
  });

  it('keeps the sale and the cart across a restart', async () => {
    const { services, dataDir } = await start();
    await call(services, 'cart.scan', { code: milk.barcode });
    const sale = await call(services, 'sale.payCash', { tenderedMinor: milk.priceMinor });
    await call(services, 'cart.scan', { code: cola.barcode });
    await services.idle();
    await services.close();
    open = [];

    const again = (await start(dataDir)).services;
    expect((await call(again, 'sale.get', { saleId: sale.id })).paidMinor).toBe(milk.priceMinor);
    expect((await call(again, 'sale.list', { limit: 10 })).map((s) => s.id)).toEqual([sale.id]);
    const cart = await call(again, 'cart.get', {});
    expect(cart.lines.map((l) => l.barcode)).toEqual([cola.barcode]);
  });

  it('drops at start-up a saved cart whose sale is already in the ledger, never selling it twice', async () => {
    const { services, dataDir } = await start();
    await call(services, 'cart.scan', { code: milk.barcode });
    const sold = await call(services, 'cart.get', {});
    const sale = await call(services, 'sale.payCash', { tenderedMinor: milk.priceMinor });
    expect(sale.id).toBe(sold.saleId);
    await services.idle();
    await services.close();
    open = [];
    // A cart saved by a version that cleared it after the commit, and a crash in between.
    const db = new Database(join(dataDir, 'ledger.sqlite'));
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      JSON.stringify({
        saleId: sold.saleId,
        currency: sold.currency,
        lines: sold.lines,
        orderDiscount: null,
      }),
      'cart.current',
    );
    db.close();

    const again = (await start(dataDir)).services;
    const after = await call(again, 'cart.get', {});
    expect(after.lines).toEqual([]);
    expect(after.saleId).not.toBe(sale.id);
    expect(after.outcomePending).toBe(false);
    await expect(call(again, 'sale.payCash', { tenderedMinor: 10_000 })).rejects.toThrow(
      'cart_empty',
    );
    expect((await call(again, 'sale.list', { limit: 10 })).map((s) => s.id)).toEqual([sale.id]);
  });
});

describe('bad input changes nothing', () => {
  it('refuses an unknown barcode and a wrong check digit with distinct codes', async () => {
    const { services } = await start();
    const unknown = await services.dispatch('cart.scan', { code: '4006381333931' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'unknown_barcode', params: { barcode: '4006381333931' } },
    });
    const badDigit = milk.barcode.slice(0, 12) + String((Number(milk.barcode[12]) + 1) % 10);
    const invalid = await services.dispatch('cart.scan', { code: badDigit });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_barcode' } });
    expect((await call(services, 'cart.get', {})).lines).toHaveLength(0);
  });

  it('refuses a card swipe that reached the scan field without echoing any of it', async () => {
    const { services } = await start();
    for (const code of [
      '11111111111111^TEST/VISA^3012101000000000?',
      ';4111111111111111=30121010000?',
      '4111111111111111',
    ]) {
      const result = await services.dispatch('cart.scan', { code });
      expect(result).toMatchObject({ ok: false, error: { code: 'card_data_in_scan' } });
      expect(JSON.stringify(result)).not.toMatch(/\d{6}/);
    }
  });

  it('refuses zero, negative and fractional quantities', async () => {
    const { services } = await start();
    const cart = await call(services, 'cart.scan', { code: milk.barcode });
    const lineId = cart.lines[0]!.lineId;
    for (const quantity of [0, -1, 1.5, 10_000]) {
      const result = await services.dispatch('cart.setQuantity', { lineId, quantity });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_quantity' } });
    }
    expect((await call(services, 'cart.get', {})).lines[0]!.quantity).toBe(1);
  });

  it('refuses a tender less than due and an empty cart, committing nothing', async () => {
    const { services } = await start();
    expect(await services.dispatch('sale.payCash', { tenderedMinor: 100 })).toMatchObject({
      ok: false,
      error: { code: 'cart_empty' },
    });
    await call(services, 'cart.scan', { code: cola.barcode });
    expect(
      await services.dispatch('sale.payCash', { tenderedMinor: cola.priceMinor - 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'tender_insufficient' },
    });
    expect(await services.dispatch('sale.payCash', { tenderedMinor: 12.5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_amount' },
    });
    expect(await call(services, 'sale.list', { limit: 10 })).toEqual([]);
    expect((await call(services, 'cart.get', {})).lines).toHaveLength(1);
  });

  it('refuses malformed input and unknown commands at the edge', async () => {
    const { services } = await start();
    expect(await services.dispatch('cart.scan', { code: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await services.dispatch('cart.scan', { code: '1', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await services.dispatch('ledger.rewrite', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses the sale when the disk is full and writes none of it', async () => {
    let db: Database.Database | null = null;
    const { services } = await start(undefined, (opened) => (db = opened));
    // Sixty lines make an entry larger than a page, so committing it must allocate pages.
    for (const product of demoCatalog().slice(0, 60)) {
      await call(services, 'cart.addProduct', { productId: product.id });
    }
    const due = (await call(services, 'cart.get', {})).cashDueMinor;
    // Capping the file at its current size fails the next page allocation with SQLITE_FULL,
    // as a full disk does.
    const ledger = db as unknown as Database.Database;
    ledger.pragma(`max_page_count = ${String(ledger.pragma('page_count', { simple: true }))}`);

    const refused = await services.dispatch('sale.payCash', { tenderedMinor: due });
    expect(refused).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(await call(services, 'sale.list', { limit: 10 })).toEqual([]);
    expect((await call(services, 'cart.get', {})).lines).toHaveLength(60);

    ledger.pragma('max_page_count = 1073741823');
    const sale = await call(services, 'sale.payCash', { tenderedMinor: due });
    expect(sale.seq).toBe(2); // after the shift_open entry
  });
});
