import { randomUUID } from 'node:crypto';
import type { TaxClassId } from '@app/tax/tax-class';
import type { SaleLine } from '@app/sale/sale';
import type { Ledger } from '../kernel/ledger';
import type { SaleRepository } from './sale-repository';
import { saleToNewEntry } from './sale-entry';
import type { SaleStaffDetail, UncommittedSale } from './sale-entry';

const RATE_BP: Record<TaxClassId, number> = { standard: 1300, reduced: 900 };

/** The tax inside a tax-inclusive amount, rounded half up, in integer arithmetic. */
const inclusiveTax = (gross: number, rateBp: number): number =>
  Math.floor((gross * rateBp * 2 + (10_000 + rateBp)) / ((10_000 + rateBp) * 2));

const SHELF: readonly Omit<
  SaleLine,
  'lineId' | 'quantity' | 'grossMinor' | 'netMinor' | 'taxMinor'
>[] = [
  {
    productId: 'demo-drk0001',
    sku: 'DRK0001',
    barcode: '6911001000019',
    nameEn: 'Coca-Cola 330ml',
    nameZh: '可口可乐 330毫升',
    unitPriceMinor: 350,
    taxClass: 'standard',
    discount: null,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
  },
  {
    productId: 'demo-dry0001',
    sku: 'DRY0001',
    barcode: '6931039000010',
    nameEn: 'Mengniu Pure Milk 250ml',
    nameZh: '蒙牛纯牛奶 250毫升',
    unitPriceMinor: 350,
    taxClass: 'reduced',
    discount: null,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
  },
  {
    productId: 'demo-snk0001',
    sku: 'SNK0001',
    barcode: '6951053000018',
    nameEn: "Lay's Potato Chips Original 40g",
    nameZh: '乐事薯片原味 40克',
    unitPriceMinor: 650,
    taxClass: 'standard',
    discount: null,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
  },
];

export interface SampleSaleOptions {
  id?: string;
  at?: string;
  batchNo?: string;
  /** Number of lines, cycling through three products; quantity grows with the line number. */
  lines?: number;
}

/**
 * A consistent cash sale with tax-inclusive prices, for tests, the crash child and the
 * bench. Its totals add up the way the ledger checks them; it is not the pricing engine.
 */
export function sampleSale(options: SampleSaleOptions = {}): UncommittedSale {
  const lines: SaleLine[] = Array.from({ length: options.lines ?? 3 }, (_, i) => {
    const product = SHELF[i % SHELF.length];
    if (!product) throw new Error('empty shelf');
    const quantity = 1 + (i % 4);
    const gross = product.unitPriceMinor * quantity;
    return {
      ...product,
      lineId: `line-${i + 1}`,
      quantity,
      grossMinor: gross,
      netMinor: gross,
      taxMinor: inclusiveTax(gross, RATE_BP[product.taxClass]),
    };
  });
  const taxes = (['standard', 'reduced'] as const).flatMap((taxClass) => {
    const ofClass = lines.filter((line) => line.taxClass === taxClass);
    if (ofClass.length === 0) return [];
    const net = ofClass.reduce((sum, line) => sum + line.netMinor, 0);
    const tax = ofClass.reduce((sum, line) => sum + line.taxMinor, 0);
    return [{ taxClass, rateBp: RATE_BP[taxClass], baseMinor: net - tax, taxMinor: tax }];
  });
  const total = lines.reduce((sum, line) => sum + line.netMinor, 0);
  // The customer hands over the next whole ¥10 note.
  const tendered = Math.ceil(total / 1000) * 1000;
  return {
    id: options.id ?? randomUUID(),
    at: options.at ?? new Date().toISOString(),
    batchNo: options.batchNo ?? '000001',
    terminalId: 'CTTEST01',
    currency: 'CNY',
    lines,
    orderDiscount: null,
    totals: {
      subtotalMinor: total,
      discountMinor: 0,
      taxes,
      taxMinor: taxes.reduce((sum, t) => sum + t.taxMinor, 0),
      totalMinor: total,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    },
    roundingMinor: 0,
    paidMinor: total,
    tenders: [
      {
        method: 'cash',
        amountMinor: total,
        tenderedMinor: tendered,
        changeMinor: tendered - total,
      },
    ],
  };
}

/** The cashier and shift sample sales are made in (detail.operator, detail.shiftId). */
export const sampleStaff: SaleStaffDetail = {
  operator: { id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', name: 'Li Na', role: 'cashier' },
  shiftId: '0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70',
  overrides: [],
};

/**
 * Many sales in one ledger commit (benches and tests that need a long history quickly):
 * each with its entry and rows, as commitSale writes them, in a single transaction.
 */
export function commitSalesAtOnce(
  ledger: Ledger,
  repository: SaleRepository,
  sales: readonly UncommittedSale[],
): void {
  ledger.commit((tx) => {
    for (const sale of sales) {
      const entry = tx.append(saleToNewEntry(sale, sampleStaff));
      repository.insert({ ...sale, seq: entry.seq, hash: entry.hash });
    }
  });
}
