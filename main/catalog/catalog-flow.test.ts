import { afterEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '@app/catalog/gtin';
import type { EventPayload } from '@app/api/contract';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';
import { printedText } from '../testing/printed-text';
import { demoCatalog } from './demo-catalog';

let open: Services[] = [];
/** Services with the owner signed in and a shift open, as a till ready to sell. */
const start = async () => {
  const made = tempServices();
  open.push(made.services);
  await signInOwner(made.services);
  return made;
};
afterEach(async () => {
  await Promise.all(open.map((s) => s.close()));
  open = [];
});

const peanuts = demoCatalog().find((p) => p.plu === '10003')!;
const apples = demoCatalog().find((p) => p.plu === '10001')!;
const receiptText = async (services: Services): Promise<string> => {
  await services.idle();
  return printedText((await call(services, 'printer.pages', {})).at(-1));
};

describe('weighed items at the till', () => {
  it('sells a weight label (25 + item + grams) at the price per kg, rounded once per line', async () => {
    const { services } = await start();
    expect(peanuts).toMatchObject({ unit: 'kg', priceMinor: 3980 });
    // 25 10003 00532: 0.532 kg × 39.80/kg = 21.1736 → 21.17.
    const label = makeEan13('251000300532');
    const cart = await call(services, 'cart.scan', { code: label });
    expect(cart.lines[0]).toMatchObject({
      productId: peanuts.id,
      barcode: label,
      unitPriceMinor: 3980,
      quantity: 1,
      measure: { kind: 'weight', grams: 532 },
    });
    expect(cart.lineTotals[0]?.grossMinor).toBe(2117);
    // A second bag weighs differently: its own line, never merged.
    const two = await call(services, 'cart.scan', { code: makeEan13('251000301000') });
    expect(two.lines).toHaveLength(2);
    expect(two.totals.totalMinor).toBe(2117 + 3980);

    const sale = await call(services, 'sale.payCash', { tenderedMinor: 10_000 });
    expect(sale.lines[0]?.measure).toEqual({ kind: 'weight', grams: 532 });
    expect(sale.paidMinor).toBe(6097);
    const text = await receiptText(services);
    expect(text).toContain('0.532 kg x 39.80/kg');
    expect(text).toContain('1.000 kg x 39.80/kg');
  });

  it('sells a price label (21 + item + price) at the printed price', async () => {
    const { services } = await start();
    const label = makeEan13('211000100345');
    const cart = await call(services, 'cart.scan', { code: label });
    expect(cart.lines[0]).toMatchObject({
      productId: apples.id,
      unitPriceMinor: 345,
      measure: { kind: 'labelPrice' },
    });
    expect(cart.totals.totalMinor).toBe(345);
  });

  it('asks for a weight when a weighed item is picked, and takes it in grams', async () => {
    const { services } = await start();
    expect(await services.dispatch('cart.addProduct', { productId: peanuts.id })).toMatchObject({
      ok: false,
      error: { code: 'weight_required', params: { productId: peanuts.id } },
    });
    expect(
      await services.dispatch('cart.addProduct', { productId: peanuts.id, grams: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_weight' } });
    const cart = await call(services, 'cart.addProduct', { productId: peanuts.id, grams: 250 });
    // 0.25 × 39.80 = 9.95.
    expect(cart.totals.totalMinor).toBe(995);
  });

  it('refuses labels it cannot sell, with a reason', async () => {
    const { services } = await start();
    const unknown = makeEan13('259999900500');
    expect(await services.dispatch('cart.scan', { code: unknown })).toMatchObject({
      ok: false,
      error: { code: 'unknown_item_code', params: { plu: '99999', barcode: unknown } },
    });
    // A weight label for an item sold by the piece: the scale's item code is set up wrongly.
    const cola = demoCatalog()[0]!;
    await call(services, 'catalog.save', {
      product: { ...cola, plu: '20001', priceMinor: cola.priceMinor },
    });
    expect(await services.dispatch('cart.scan', { code: makeEan13('252000100500') })).toMatchObject(
      { ok: false, error: { code: 'weight_for_piece_item' } },
    );
    expect((await call(services, 'cart.get', {})).lines).toEqual([]);
  });

  it('reads labels by the shop’s own layout', async () => {
    const { services } = await start();
    // A shop whose scale prints 6-digit item codes under 28 and a 4-digit weight.
    expect(
      await services.dispatch('catalog.setScaleLabels', {
        layouts: { '28': { measure: 'weight', itemDigits: 4, verifierDigit: false } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await call(services, 'catalog.setScaleLabels', {
      layouts: { '28': { measure: 'weight', itemDigits: 6, verifierDigit: false } },
    });
    await call(services, 'catalog.save', {
      product: { ...peanuts, id: null, sku: 'PNT2', barcode: '', plu: '654321' },
    });
    const cart = await call(services, 'cart.scan', { code: makeEan13('286543211250') });
    expect(cart.lines[0]?.measure).toEqual({ kind: 'weight', grams: 1250 });
    // 25… is no longer a label in this shop: an unknown plain barcode.
    expect(await services.dispatch('cart.scan', { code: makeEan13('251000300532') })).toMatchObject(
      { ok: false, error: { code: 'unknown_barcode' } },
    );
  });
});

describe('a price change never alters a past sale', () => {
  it('keeps the sale record, its receipt reprint and its ledger entry as they were', async () => {
    const { services } = await start();
    const cola = demoCatalog()[0]!;
    await call(services, 'cart.scan', { code: cola.barcode });
    await call(services, 'cart.addProduct', { productId: peanuts.id, grams: 500 });
    const sale = await call(services, 'sale.payCash', { tenderedMinor: 5_000 });
    await services.idle();
    const receiptBefore = await receiptText(services);
    const health = await call(services, 'diagnostics.database', { full: false });

    await call(services, 'catalog.save', {
      product: { ...cola, priceMinor: cola.priceMinor * 3, nameEn: 'Coca-Cola NEW' },
    });
    await call(services, 'catalog.save', { product: { ...peanuts, priceMinor: 9_990 } });
    expect((await call(services, 'catalog.get', { productId: cola.id })).priceMinor).toBe(
      cola.priceMinor * 3,
    );

    expect(await call(services, 'sale.get', { saleId: sale.id })).toEqual(sale);
    await call(services, 'printer.reprint', { saleId: sale.id });
    const reprint = await receiptText(services);
    // The same receipt under a DUPLICATE mark (重印 in the shop's language).
    const [mark, ...rest] = reprint.split('\n');
    expect(mark).toContain('重印');
    expect(rest.join('\n')).toBe(receiptBefore);
    expect(reprint).toContain(cola.nameZh);
    expect(reprint).not.toContain('Coca-Cola NEW');
    // The hash chain still verifies: no committed entry was touched.
    const after = await call(services, 'diagnostics.database', { full: false });
    expect(after.chain).toEqual(health.chain);
  });
});

describe('CSV import through the API', () => {
  it('uploads in chunks, shows a dry run, applies on the worker with progress, then is idempotent', async () => {
    const { services } = await start();
    const rows = ['sku,barcode,name_en,name_zh,price,unit,category'];
    for (let i = 0; i < 3000; i++) {
      rows.push(
        `IMP${String(i).padStart(5, '0')},${makeEan13(`69412${String(i).padStart(7, '0')}`)},Imported ${String(i)},导入商品${String(i)},2.50,piece,SNK`,
      );
    }
    rows.push('BAD1,123,Bad,坏,1.00,piece,SNK');
    const bytes = new TextEncoder().encode(rows.join('\n'));
    const run = async () => {
      const uploadId = crypto.randomUUID();
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
        const chunk = bytes.subarray(offset, offset + 64 * 1024);
        await call(services, 'catalog.importUpload', {
          uploadId,
          offset,
          dataBase64: Buffer.from(chunk).toString('base64'),
        });
      }
      return call(services, 'catalog.importDryRun', { uploadId, fileName: 'products.csv' });
    };
    const preview = await run();
    expect(preview).toMatchObject({ added: 3000, changed: 0, refusedCount: 1, encoding: 'utf-8' });
    expect(preview.refused[0]).toMatchObject({ line: 3002, sku: 'BAD1' });
    expect(preview.refused[0]?.problems[0]?.code).toBe('invalid_barcode');
    // Nothing is written by the dry run.
    expect(await call(services, 'catalog.list', { query: 'IMP00000', limit: 5 })).toEqual({
      products: [],
      hasMore: false,
    });

    const progress: EventPayload<'catalog.importProgress'>[] = [];
    services.bus.on('catalog.importProgress', (p) => progress.push(p));
    const result = await call(services, 'catalog.importApply', { importId: preview.importId });
    expect(result).toMatchObject({ added: 3000, refused: 1 });
    expect(progress.map((p) => [p.state, p.done])).toEqual([
      ['applying', 0],
      ['applying', 1000],
      ['applying', 2000],
      ['applying', 3000],
      ['done', 3000],
    ]);
    expect(
      (await call(services, 'catalog.search', { query: 'IMP02999', limit: 1 }))[0]?.nameZh,
    ).toBe('导入商品2999');
    // Applying the same plan twice is refused; importing the file again changes nothing.
    expect(
      await services.dispatch('catalog.importApply', { importId: preview.importId }),
    ).toMatchObject({ ok: false, error: { code: 'import_not_found' } });
    expect(await run()).toMatchObject({ added: 0, changed: 0, unchanged: 3000, refusedCount: 1 });
  }, 60_000);

  it('exports a file the import reads back unchanged', async () => {
    const { services } = await start();
    const file = await call(services, 'catalog.export', { encoding: 'gb18030' });
    expect(file.products).toBe(demoCatalog().length);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const uploadId = crypto.randomUUID();
    await call(services, 'catalog.importUpload', {
      uploadId,
      offset: 0,
      dataBase64: bytes.toString('base64'),
    });
    const preview = await call(services, 'catalog.importDryRun', {
      uploadId,
      fileName: file.fileName,
    });
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      added: 0,
      changed: 0,
      refusedCount: 0,
      unchanged: demoCatalog().length,
    });
  });

  it('refuses an upload past the size limit and a chunk out of order', async () => {
    const { services } = await start();
    const uploadId = crypto.randomUUID();
    expect(
      await services.dispatch('catalog.importUpload', { uploadId, offset: 5, dataBase64: 'QUJD' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const chunk = Buffer.alloc(512 * 1024, 0x41).toString('base64');
    let result = await services.dispatch('catalog.importUpload', {
      uploadId,
      offset: 0,
      dataBase64: chunk,
    });
    for (let offset = 512 * 1024; result.ok; offset += 512 * 1024) {
      result = await services.dispatch('catalog.importUpload', {
        uploadId,
        offset,
        dataBase64: chunk,
      });
    }
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'file_too_large', params: { limit: 32 } },
    });
  });
});
