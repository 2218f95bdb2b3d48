import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '@app/api/contract';
import type { Services } from '../services';
import { demoCatalog } from '../catalog/demo-catalog';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { call, signInOwner, tempServices } from '../testing/temp-services';
import { SettingsStore } from './settings-store';

describe('settings saved before tax classes had names', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = tempDatabase();
  });
  afterEach(() => temp.dispose());

  const saved = (document: object) =>
    temp.db
      .prepare("INSERT INTO settings (key, value) VALUES ('shop', ?)")
      .run(JSON.stringify(document));

  it('become the two named classes with the same ids and rates, in the shop’s language', () => {
    saved({ locale: 'en', currency: 'USD', taxRates: { standard: 800, reduced: 0 } });
    const settings = new SettingsStore(temp.db).get();
    expect(settings.currency).toBe('USD');
    expect(settings.taxClasses).toEqual([
      { id: 'standard', name: 'Standard', rateBp: 800 },
      { id: 'reduced', name: 'Reduced', rateBp: 0 },
    ]);
    expect(settings).not.toHaveProperty('taxRates');
  });

  it('keep everything else, and save in the new shape on the next change', () => {
    saved({ locale: 'zh-CN', shopName: '老店', taxRates: { standard: 1300, reduced: 900 } });
    const store = new SettingsStore(temp.db);
    expect(store.get().taxClasses.map((c) => c.name)).toEqual(['标准税率', '低税率']);
    store.update({ shopName: '新店' });
    const row = temp.db.prepare("SELECT value FROM settings WHERE key = 'shop'").get() as {
      value: string;
    };
    const stored = JSON.parse(row.value) as Settings & { taxRates?: unknown };
    expect(stored.shopName).toBe('新店');
    expect(stored.taxRates).toBeUndefined();
    expect(stored.taxClasses).toHaveLength(2);
  });
});

describe('the owner’s tax classes', () => {
  let services: Services;
  beforeEach(async () => {
    services = tempServices().services;
    await signInOwner(services);
  });
  afterEach(() => services.close());

  const classes = async () => (await call(services, 'settings.get', {})).taxClasses;

  it('are added and renamed; products keep their class by id', async () => {
    const before = await classes();
    const next = [
      { ...before[0]!, name: 'VAT 20%', rateBp: 2000 },
      before[1]!,
      { id: 'zero-rated', name: 'Zero-rated', rateBp: 0 },
    ];
    const saved = await call(services, 'settings.update', { taxClasses: next });
    expect(saved.taxClasses).toEqual(next);
    const cola = await call(services, 'cart.scan', { code: '6911001000019' });
    expect(cola.totals.taxes).toEqual([
      expect.objectContaining({ taxClass: 'standard', rateBp: 2000 }),
    ]);
  });

  it('refuse removing a class products use, naming it and how many', async () => {
    const [standard, reduced] = await classes();
    const result = await services.dispatch('settings.update', { taxClasses: [standard] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('tax_class_in_use');
    const inReduced = demoCatalog().filter((p) => p.taxClass === 'reduced').length;
    expect(inReduced).toBeGreaterThan(0);
    expect(result.error.params).toEqual({ name: reduced!.name, count: inReduced });
    expect(await classes()).toHaveLength(2);
  });

  it('let a class nobody uses go', async () => {
    const before = await classes();
    await call(services, 'settings.update', {
      taxClasses: [...before, { id: 'luxury', name: 'Luxury', rateBp: 2500 }],
    });
    const after = await call(services, 'settings.update', { taxClasses: before });
    expect(after.taxClasses).toEqual(before);
  });

  it('refuse a product in a class the shop does not have', async () => {
    const result = await services.dispatch('catalog.save', {
      product: {
        id: null,
        sku: 'NEW-1',
        barcode: '',
        extraBarcodes: [],
        nameEn: 'Tea',
        nameZh: '茶',
        priceMinor: 500,
        taxClass: 'luxury',
        categoryId: null,
        costMinor: null,
        unit: 'piece',
        active: true,
        trackStock: false,
        favourite: false,
        plu: null,
      },
    });
    expect(result.ok ? null : result.error.code).toBe('invalid_tax_class');
  });
});
