import type { CartView } from '../api/contract';
import type { CurrencyCode } from '../money/currency';

/** What the customer sees, on a pole display or a screen facing them. */
export type CustomerView =
  | { kind: 'welcome' }
  | {
      kind: 'item';
      nameEn: string;
      nameZh: string;
      quantity: number;
      lineMinor: number;
      totalMinor: number;
      currency: CurrencyCode;
    }
  | { kind: 'thanks'; paidMinor: number; changeMinor: number; currency: CurrencyCode };

/** The last line touched and the running total; welcome when the cart is empty. */
export function customerViewOfCart(cart: CartView): CustomerView {
  const line = cart.lines.find((l) => l.lineId === cart.lastLineId) ?? cart.lines.at(-1);
  if (!line) return { kind: 'welcome' };
  const totals = cart.lineTotals.find((t) => t.lineId === line.lineId);
  return {
    kind: 'item',
    nameEn: line.nameEn,
    nameZh: line.nameZh,
    quantity: line.quantity,
    lineMinor: totals?.netMinor ?? line.unitPriceMinor * line.quantity,
    totalMinor: cart.totals.totalMinor,
    currency: cart.currency,
  };
}
