import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '@app/catalog/gtin';
import { csvHeaderLine, productCsvLine } from '@app/catalog/catalog-csv';
import { tempDatabase } from '../ledger/temp-database';
import type { TempDatabase } from '../ledger/temp-database';
import { CatalogStore } from './catalog-store';
import { encodeCsv } from './csv-decode';
import { demoCatalog, demoCategories } from './demo-catalog';
import { applyPlan, planImport } from './import-plan';
import type { ImportPlan } from './import-plan';

const HEADER = 'sku,barcode,name_en,name_zh,price,unit,tax_class,category,plu';
const utf8 = (lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n') + '\n');
const ean = (n: number): string => makeEan13(`69312345${String(n).padStart(4, '0')}`);
const badCheckDigit = (code: string): string =>
  `${code.slice(0, -1)}${String((Number(code.at(-1)) + 1) % 10)}`;

describe('CSV import', () => {
  let temp: TempDatabase;
  let catalog: CatalogStore;
  let ids = 0;
  const plan = (bytes: Uint8Array): ImportPlan =>
    planImport(bytes, { catalog, currency: 'CNY', newId: () => `imp-${String(++ids)}` });
  const apply = (p: ImportPlan, progress: number[] = []) =>
    applyPlan(catalog, p, (done) => progress.push(done));
  const refusals = (p: ImportPlan) =>
    p.refused.map((r) => ({ line: r.line, codes: r.problems.map((x) => x.code) }));

  beforeEach(() => {
    temp = tempDatabase();
    catalog = new CatalogStore(temp.db);
    catalog.saveCategories(demoCategories());
    catalog.upsertMany(demoCatalog());
  });
  afterEach(() => temp.dispose());

  it('adds new products, changes existing ones by SKU and leaves equal ones alone', () => {
    const cola = demoCatalog().find((p) => p.nameEn === 'Coca-Cola 330ml')!;
    const milk = demoCatalog().find((p) => p.nameEn === 'Mengniu Pure Milk 250ml')!;
    const p = plan(
      utf8([
        HEADER,
        `NEW0001,${ean(1)},Jasmine Rice 10kg,泰国香米 10千克,89.90,piece,reduced,GRC,`,
        `${cola.sku},${cola.barcode},Coca-Cola 330ml,可口可乐 330毫升,3.80,piece,standard,DRK,`,
        `${milk.sku},${milk.barcode},${milk.nameEn},${milk.nameZh},3.50,piece,reduced,DRY,`,
      ]),
    );
    expect(p.refused).toEqual([]);
    expect(p.adds.map((a) => a.product.sku)).toEqual(['NEW0001']);
    expect(p.changes.map((c) => [c.product.sku, c.fields])).toEqual([[cola.sku, ['priceMinor']]]);
    expect(p.unchanged).toBe(1);

    apply(p);
    expect(catalog.bySku('NEW0001')).toMatchObject({ priceMinor: 8990, taxClass: 'reduced' });
    expect(catalog.byBarcode(cola.barcode)?.priceMinor).toBe(380);
    expect(catalog.search('jasmine rice 10', 5)[0]?.sku).toBe('NEW0001');
  });

  it('refuses every bad row with each of its reasons, and imports the good ones', () => {
    const [taken, other] = demoCatalog();
    const p = plan(
      utf8([
        HEADER,
        `OK0001,${ean(1)},Good,好,1.00,,,,`,
        `BAD0001,${badCheckDigit(ean(2))},Check digit,校验位,1.00,,,,`,
        `OK0001,${ean(3)},Same SKU twice,重复货号,1.00,,,,`,
        `BAD0003,${ean(1)},Same barcode twice,重复条码,1.00,,,,`,
        `BAD0004,${other!.barcode},Barcode of another product,他人条码,1.00,,,,`,
        `BAD0005,${ean(5)},No price,无价格,,,,,`,
        `BAD0006,${ean(6)},Bad price,坏价格,1.234,,,,`,
        `BAD0007,${ean(7)},Bad price,坏价格,abc,,,,`,
        `BAD0008,${ean(8)},Bad tax,坏税率,1.00,,luxury,,`,
        `BAD0009,${ean(9)},Bad unit,坏单位,1.00,litre,,,`,
        `BAD0010,${ean(10)},,,1.00,,,,`,
        `BAD0011,${ean(11)},Short row,短行`,
        `BAD0012,${ean(12)},Two problems,两个问题,x,box,,,`,
        `BAD0013,,Bad item code,坏秤码,12.80,kg,,,12`,
        `${taken!.sku},${ean(14)},Duplicate SKU of catalog is a change,目录货号,1.00,,,,`,
        `BAD0015,${ean(15)},Gift card 4111 1111 1111 1111,礼品卡,1.00,,,,`,
      ]),
    );
    expect(refusals(p)).toEqual([
      { line: 3, codes: ['invalid_barcode'] },
      { line: 4, codes: ['duplicate_sku_in_file'] },
      { line: 5, codes: ['duplicate_barcode_in_file'] },
      { line: 6, codes: ['duplicate_barcode'] },
      { line: 7, codes: ['price_required'] },
      { line: 8, codes: ['invalid_price'] },
      { line: 9, codes: ['invalid_price'] },
      { line: 10, codes: ['invalid_tax_class'] },
      { line: 11, codes: ['invalid_unit'] },
      { line: 12, codes: ['missing_field', 'missing_field'] },
      { line: 13, codes: ['csv_row'] },
      { line: 14, codes: ['invalid_price', 'invalid_unit'] },
      { line: 15, codes: ['invalid_plu'] },
      // upstream-sync-v1 "Card data": a card number in a name is never saved.
      { line: 17, codes: ['card_data_in_text'] },
    ]);
    expect(p.refused.find((r) => r.line === 6)?.problems[0]?.params).toEqual({
      barcode: other!.barcode,
      sku: other!.sku,
    });
    expect(p.refused.find((r) => r.line === 4)?.problems[0]?.params).toEqual({
      sku: 'OK0001',
      line: 2,
    });
    expect(p.adds.map((a) => a.product.sku)).toEqual(['OK0001']);
    expect(p.changes.map((c) => c.product.sku)).toEqual([taken!.sku]);
  });

  it('reads GB18030 files, and UTF-8 with or without a BOM, to the same products', () => {
    const lines = [
      HEADER,
      `GB0001,${ean(1)},Rice Noodles,桂林米粉（散装）,6.50,piece,reduced,GRC,`,
    ];
    const text = lines.join('\r\n') + '\r\n';
    const gb = new Uint8Array(iconv.encode(text, 'gb18030'));
    expect(new TextDecoder('utf-8', { fatal: false }).decode(gb)).not.toContain('桂林');
    const plans = [gb, encodeCsv(text, 'utf-8'), new TextEncoder().encode(text)].map(plan);
    expect(plans.map((p) => p.encoding)).toEqual(['gb18030', 'utf-8', 'utf-8']);
    for (const p of plans) {
      expect(p.refused).toEqual([]);
      expect(p.adds[0]?.product).toMatchObject({ nameZh: '桂林米粉（散装）', priceMinor: 650 });
    }
  });

  it('refuses a row in another encoding than the rest of the file, by line', () => {
    const good = new TextEncoder().encode(
      `${HEADER}\nOK0001,${ean(1)},Tea,绿茶,3.00,,,,\nOK0002,${ean(2)},Milk,牛奶,3.00,,,,\n`,
    );
    const stray = new Uint8Array(
      iconv.encode(`BAD0001,${ean(3)},Tea,乌龙茶,3.00,,,,\n`, 'gb18030'),
    );
    const bytes = new Uint8Array([...good, ...stray]);
    const p = plan(bytes);
    expect(p.encoding).toBe('utf-8');
    expect(refusals(p)).toEqual([{ line: 4, codes: ['wrong_encoding'] }]);
    expect(p.adds).toHaveLength(2);
  });

  it('refuses a file whose header is missing required columns', () => {
    expect(() => plan(utf8(['sku,name_en,price', 'A,B,1.00']))).toThrow(
      expect.objectContaining({ code: 'csv_header', params: { missing: 'name_zh' } }),
    );
    expect(() => plan(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toThrow(
      expect.objectContaining({ code: 'wrong_encoding' }),
    );
  });

  it('changes nothing when the same file is imported twice, and reads back its own export', () => {
    const first = plan(
      utf8([
        HEADER,
        `NEW0001,${ean(1)},Jasmine Rice 10kg,泰国香米 10千克,89.90,piece,reduced,NEWCAT,`,
        `NEW0002,,Loose Walnuts,散装核桃,59.80,kg,reduced,FRS,10077`,
      ]),
    );
    expect(first.newCategories.map((c) => c.id)).toEqual(['NEWCAT']);
    apply(first);
    const again = plan(
      utf8([
        HEADER,
        `NEW0001,${ean(1)},Jasmine Rice 10kg,泰国香米 10千克,89.90,piece,reduced,NEWCAT,`,
        `NEW0002,,Loose Walnuts,散装核桃,59.80,kg,reduced,FRS,10077`,
      ]),
    );
    expect([again.adds.length, again.changes.length, again.unchanged]).toEqual([0, 0, 2]);
    expect(again.newCategories).toEqual([]);

    const exported = [csvHeaderLine(), ...[...catalog.all()].map((p) => productCsvLine(p, 'CNY'))];
    const roundTrip = plan(encodeCsv(exported.join('\r\n'), 'gb18030'));
    expect(roundTrip.refused).toEqual([]);
    expect([roundTrip.adds.length, roundTrip.changes.length]).toEqual([0, 0]);
    expect(roundTrip.unchanged).toBe(catalog.count());
  });

  it('moves a barcode from one product to another within one file', () => {
    const [a, b] = demoCatalog();
    const p = plan(
      utf8([
        'sku,barcode,extra_barcodes,name_en,name_zh,price',
        `${b!.sku},${b!.barcode},${a!.barcode},${b!.nameEn},${b!.nameZh},9.99`,
        `${a!.sku},${ean(1)},,${a!.nameEn},${a!.nameZh},1.00`,
      ]),
    );
    expect(p.refused).toEqual([]);
    apply(p);
    expect(catalog.byBarcode(a!.barcode)?.sku).toBe(b!.sku);
    expect(catalog.byBarcode(ean(1))?.sku).toBe(a!.sku);
  });

  it('rolls the whole import back when a write fails part way', () => {
    const before = [...catalog.all()];
    const p = plan(
      utf8([
        HEADER,
        ...Array.from(
          { length: 2500 },
          (_, i) => `N${String(i)},${ean(i)},Item ${String(i)},商品${String(i)},1.00,,,,`,
        ),
      ]),
    );
    expect(p.adds).toHaveLength(2500);
    // Between the dry run and the apply, another product took the barcode of row 2,000.
    catalog.save({ ...demoCatalog()[0]!, extraBarcodes: [ean(1998)] });
    const progress: number[] = [];
    expect(() => apply(p, progress)).toThrow(/UNIQUE/);
    expect(progress).toEqual([1000]);
    expect(catalog.bySku('N0')).toBeNull();
    expect(catalog.count()).toBe(before.length);
    expect(catalog.search('Item 1', 5)).toEqual([]);
  });

  it('imports 100,000 rows in one transaction and twice changes nothing', () => {
    const lines = [HEADER];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `BULK${String(i).padStart(6, '0')},${makeEan13(`694${String(i).padStart(9, '0')}`)},Bulk item ${String(i)},批量商品${String(i)},${String(1 + (i % 97))}.50,piece,standard,SNK,`,
      );
    }
    const bytes = utf8(lines);
    const first = plan(bytes);
    expect([first.adds.length, first.refused.length]).toEqual([100_000, 0]);
    const progress: number[] = [];
    apply(first, progress);
    expect(progress).toHaveLength(100);
    expect(catalog.bySku('BULK099999')?.priceMinor).toBe((1 + (99_999 % 97)) * 100 + 50);
    const second = plan(bytes);
    expect([second.adds.length, second.changes.length, second.unchanged]).toEqual([0, 0, 100_000]);
  }, 120_000);
});
