import type { CorrectionView } from '@app/api/correction-schemas';
import { addProduct, emptyCart } from '@app/cart/cart';
import { computeTotals } from '@app/cart/totals';
import type { Product } from '@app/catalog/product';
import type { SaleSummary } from '@app/sale/sale';
import { COLA, CHIPS, testSettings } from './fake-till.test-support';

/**
 * A committed cash sale of `products` (one of each) as the History screen reads it: the
 * real pure cart and totals, nothing given back yet, voidable and refundable.
 */
export function soldSale(
  seq: number,
  products: readonly Product[] = [COLA, CHIPS],
): { summary: SaleSummary; view: CorrectionView } {
  const cart = products.reduce(
    (c, product, i) => addProduct(c, product, `line-${String(i + 1)}`),
    emptyCart('CNY'),
  );
  const { lines: lineTotals, ...totals } = computeTotals(cart, testSettings);
  const lines = cart.lines.map((line, i) => {
    const { lineId: _, ...lineTotal } = lineTotals[i] ?? { lineId: '' };
    return { ...line, ...lineTotal };
  });
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  const at = '2026-12-07T09:30:00.000Z';
  const paid = totals.totalMinor;
  return {
    summary: {
      id,
      seq,
      at,
      currency: 'CNY',
      paidMinor: paid,
      itemCount: lines.length,
      tenderMethods: ['cash'],
    },
    view: {
      sale: {
        id,
        seq,
        at,
        batchNo: '000001',
        terminalId: 'T-0001',
        currency: 'CNY',
        lines: lines as CorrectionView['sale']['lines'],
        orderDiscount: null,
        totals,
        roundingMinor: 0,
        paidMinor: paid,
        tenders: [{ method: 'cash', amountMinor: paid, tenderedMinor: paid, changeMinor: 0 }],
        hash: 'ab'.repeat(32),
      },
      lines: lines.map((l) => ({
        lineId: l.lineId,
        sold: l.quantity,
        returned: 0,
        left: l.quantity,
      })),
      tendersLeft: [paid],
      corrections: [],
      voidRefusal: null,
      refundRefusal: null,
      refundLimitMinor: 100_000,
    },
  };
}
