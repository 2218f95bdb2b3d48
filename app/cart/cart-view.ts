import type { Cart, PricingSettings } from './cart-types';
import type { CartView, Settings } from '../api/contract';
import { computeTotals } from './totals';
import { quickCashSuggestions, roundCash } from '../tender/cash';

export const pricingFrom = (settings: Settings): PricingSettings => ({
  taxMode: settings.taxMode,
  taxRounding: settings.taxRounding,
  taxClasses: settings.taxClasses,
});

/** What the cashier's screen shows for a cart: totals, cash due after rounding, quick cash. */
export function cartView(cart: Cart, settings: Settings, lastLineId: string | null): CartView {
  const { lines: lineTotals, ...totals } = computeTotals(cart, pricingFrom(settings));
  const cash = roundCash(totals.totalMinor, settings.cashRoundingStep);
  return {
    currency: cart.currency,
    lines: cart.lines,
    lineTotals,
    orderDiscount: cart.orderDiscount,
    totals,
    cashDueMinor: cash.dueMinor,
    cashRoundingMinor: cash.adjustmentMinor,
    quickCash: cart.lines.length > 0 ? quickCashSuggestions(cash.dueMinor, cart.currency) : [],
    lastLineId,
  };
}
