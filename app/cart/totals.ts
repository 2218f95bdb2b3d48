import { allocate, mulDivRound } from '../money/rounding';
import { taxOf } from '../tax/tax';
import type { Cart, CartTotals, LineTotals, PricingSettings, TaxTotal } from './cart-types';
import { lineDiscountOf, lineGross } from './cart';

/**
 * A cart's totals, in integer minor units throughout.
 *
 * Rounding rule: every division rounds half away from zero, once, where the amount is
 * defined: a percent discount on its line; an order percent once on the discounted
 * subtotal, then spread over lines by largest remainder (shares sum exactly); tax either
 * on each line and summed per class ('per-line'), or once per class on the summed nets
 * ('per-receipt'). The two tax modes can differ by a minor unit; the shop chooses.
 * Inclusive prices: total = Σ net (tax is inside). Exclusive: total = Σ net + Σ tax.
 * Cash rounding is not applied here: it belongs to the cash tender only (tender/cash.ts).
 */
export function computeTotals(cart: Cart, settings: PricingSettings): CartTotals {
  const gross = cart.lines.map(lineGross);
  const lineDiscounts = cart.lines.map(lineDiscountOf);
  const afterLine = gross.map((g, i) => g - (lineDiscounts[i] ?? 0));
  const base = afterLine.reduce((sum, v) => sum + v, 0);
  const orderDiscount = orderDiscountOf(cart, base);
  const orderShares = cart.lines.length > 0 ? allocate(orderDiscount, afterLine) : [];

  const lines: LineTotals[] = cart.lines.map((line, i) => {
    const net = (afterLine[i] ?? 0) - (orderShares[i] ?? 0);
    return {
      lineId: line.lineId,
      grossMinor: gross[i] ?? 0,
      lineDiscountMinor: lineDiscounts[i] ?? 0,
      orderDiscountMinor: orderShares[i] ?? 0,
      netMinor: net,
      taxMinor: taxOf(net, rateOf(settings, line.taxClass), settings.taxMode),
    };
  });

  const taxes: TaxTotal[] = [];
  for (const taxClass of settings.taxClasses) {
    const inClass = lines.filter((_, i) => cart.lines[i]?.taxClass === taxClass.id);
    if (inClass.length === 0) continue;
    const net = inClass.reduce((sum, l) => sum + l.netMinor, 0);
    const tax =
      settings.taxRounding === 'per-line'
        ? inClass.reduce((sum, l) => sum + l.taxMinor, 0)
        : taxOf(net, taxClass.rateBp, settings.taxMode);
    taxes.push({
      taxClass: taxClass.id,
      rateBp: taxClass.rateBp,
      baseMinor: settings.taxMode === 'inclusive' ? net - tax : net,
      taxMinor: tax,
    });
  }

  const netTotal = lines.reduce((sum, l) => sum + l.netMinor, 0);
  const taxTotal = taxes.reduce((sum, t) => sum + t.taxMinor, 0);
  return {
    lines,
    subtotalMinor: gross.reduce((sum, g) => sum + g, 0),
    discountMinor: lineDiscounts.reduce((sum, d) => sum + d, 0) + orderDiscount,
    taxes,
    taxMinor: taxTotal,
    totalMinor: settings.taxMode === 'inclusive' ? netTotal : netTotal + taxTotal,
    itemCount: cart.lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}

/** The order discount on the subtotal after line discounts, never more than it. */
function orderDiscountOf(cart: Cart, base: number): number {
  const discount = cart.orderDiscount;
  if (!discount) return 0;
  const amount =
    discount.kind === 'percent' ? mulDivRound(base, discount.bp, 10_000) : discount.minor;
  return Math.min(amount, base);
}

function rateOf(settings: PricingSettings, taxClass: string): number {
  const found = settings.taxClasses.find((c) => c.id === taxClass);
  if (!found) throw new RangeError(`Unknown tax class ${taxClass}`);
  return found.rateBp;
}
