import type { Product } from '../catalog/product';
import type { CurrencyCode } from '../money/currency';
import { assertMinor } from '../money/money';
import { mulDivRound } from '../money/rounding';
import { fail, ok } from '../result';
import type { Result } from '../result';
import type { Cart, CartLine, Discount, LineMeasure } from './cart-types';

export const MAX_QUANTITY = 9999;

export const emptyCart = (currency: CurrencyCode): Cart => ({
  currency,
  lines: [],
  orderDiscount: null,
});

/** Heaviest weight one line takes: 99.999 kg, what a 5-digit gram field of a label holds. */
export const MAX_GRAMS = 99_999;

/**
 * unitPrice × quantity; for a weighed line unit price per kg × grams × quantity / 1000,
 * rounded half away from zero to a minor unit (0.532 kg × 39.80/kg = 21.1736 → 21.17).
 * Throws if that leaves the safe-integer range rather than round it.
 */
export function lineGross(line: CartLine): number {
  if (line.measure?.kind === 'weight') {
    return mulDivRound(line.unitPriceMinor * line.quantity, line.measure.grams, 1000);
  }
  const gross = line.unitPriceMinor * line.quantity;
  assertMinor(gross, 'line gross');
  return gross;
}

const isQuantity = (quantity: number): boolean =>
  Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;

/**
 * Adds a product. A repeat scan adds to the product's existing undiscounted line (one line
 * per product on the receipt; a discounted line keeps its own quantity, so the discount
 * does not silently spread); otherwise a new line holds a snapshot of the product as it is
 * now, so a later price change never alters this sale. A merged quantity stops at 9999.
 * The caller validates `quantity` (a person typed it); a bad one here is a bug and throws.
 */
export function addProduct(cart: Cart, product: Product, lineId: string, quantity = 1): Cart {
  if (!isQuantity(quantity)) throw new RangeError(`invalid quantity ${quantity}`);
  if (product.unit === 'kg') throw new RangeError(`${product.sku} is sold by weight`);
  // No negative lines: a return is a refund entry, not a cart line (see odoo #257600).
  assertMinor(product.priceMinor, 'price');
  if (product.priceMinor < 0) throw new RangeError(`negative price ${product.priceMinor}`);
  const existing = cart.lines.find(
    (l) => l.productId === product.id && l.discount === null && l.measure === undefined,
  );
  if (existing) {
    const merged = Math.min(existing.quantity + quantity, MAX_QUANTITY);
    return {
      ...cart,
      lines: cart.lines.map((l) => (l === existing ? { ...l, quantity: merged } : l)),
    };
  }
  const line: CartLine = {
    lineId,
    productId: product.id,
    sku: product.sku,
    barcode: product.barcode,
    nameEn: product.nameEn,
    nameZh: product.nameZh,
    unitPriceMinor: product.priceMinor,
    taxClass: product.taxClass,
    quantity,
    discount: null,
  };
  return { ...cart, lines: [...cart.lines, line] };
}

export const isGrams = (grams: number): boolean =>
  Number.isInteger(grams) && grams >= 1 && grams <= MAX_GRAMS;

/**
 * Adds a measured line: a weighed item at its price per kg (`grams`), or a label whose
 * barcode carries its price (`labelPriceMinor`, the product's own price is not used). Each
 * scan of a label is its own line: two bags of apples weigh differently.
 */
export function addMeasuredProduct(
  cart: Cart,
  product: Product,
  lineId: string,
  measured: { grams: number } | { labelPriceMinor: number },
  barcode: string = product.barcode,
): Cart {
  let unitPriceMinor = product.priceMinor;
  let measure: LineMeasure;
  if ('grams' in measured) {
    if (!isGrams(measured.grams)) throw new RangeError(`invalid weight ${measured.grams} g`);
    measure = { kind: 'weight', grams: measured.grams };
  } else {
    unitPriceMinor = measured.labelPriceMinor;
    measure = { kind: 'labelPrice' };
  }
  assertMinor(unitPriceMinor, 'price');
  if (unitPriceMinor < 0) throw new RangeError(`negative price ${unitPriceMinor}`);
  const line: CartLine = {
    lineId,
    productId: product.id,
    sku: product.sku,
    barcode,
    nameEn: product.nameEn,
    nameZh: product.nameZh,
    unitPriceMinor,
    taxClass: product.taxClass,
    quantity: 1,
    discount: null,
    measure,
  };
  lineGross(line);
  return { ...cart, lines: [...cart.lines, line] };
}

export function setQuantity(cart: Cart, lineId: string, quantity: number): Result<Cart> {
  if (!isQuantity(quantity)) {
    return fail('invalid_quantity', `Quantity must be a whole number from 1 to ${MAX_QUANTITY}`, {
      quantity,
    });
  }
  return updateLine(cart, lineId, (line) => ({ ...line, quantity }));
}

export function removeLine(cart: Cart, lineId: string): Result<Cart> {
  if (!cart.lines.some((l) => l.lineId === lineId)) return lineNotFound(lineId);
  return ok({ ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) });
}

export function setLineDiscount(
  cart: Cart,
  lineId: string,
  discount: Discount | null,
): Result<Cart> {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) return lineNotFound(lineId);
  if (discount) {
    const valid = validateDiscount(discount, lineGross(line));
    if (!valid.ok) return valid;
  }
  return updateLine(cart, lineId, (l) => ({ ...l, discount }));
}

export function setOrderDiscount(cart: Cart, discount: Discount | null): Result<Cart> {
  if (discount) {
    const base = cart.lines.reduce((sum, l) => sum + lineGross(l) - lineDiscountOf(l), 0);
    const valid = validateDiscount(discount, base);
    if (!valid.ok) return valid;
  }
  return ok({ ...cart, orderDiscount: discount });
}

/** A percent between 0 and 100 % (whole basis points), or an amount from 0 up to `maxMinor`. */
export function validateDiscount(discount: Discount, maxMinor: number): Result<Discount> {
  const valid =
    discount.kind === 'percent'
      ? Number.isInteger(discount.bp) && discount.bp >= 0 && discount.bp <= 10_000
      : Number.isSafeInteger(discount.minor) && discount.minor >= 0 && discount.minor <= maxMinor;
  return valid
    ? ok(discount)
    : fail('invalid_discount', 'Discount exceeds the price or 100 %', { maxMinor });
}

/**
 * The line discount in minor units, never more than the line's gross: an amount discount
 * set on 3 units stays valid after the quantity drops to 1, clamped here, never negative.
 */
export function lineDiscountOf(line: CartLine): number {
  const gross = lineGross(line);
  const discount = line.discount;
  if (!discount) return 0;
  if (discount.kind === 'amount') return Math.min(discount.minor, gross);
  return Math.min(mulDivRound(gross, discount.bp, 10_000), gross);
}

function updateLine(
  cart: Cart,
  lineId: string,
  change: (line: CartLine) => CartLine,
): Result<Cart> {
  if (!cart.lines.some((l) => l.lineId === lineId)) return lineNotFound(lineId);
  return ok({ ...cart, lines: cart.lines.map((l) => (l.lineId === lineId ? change(l) : l)) });
}

const lineNotFound = (lineId: string): Result<Cart> =>
  fail('line_not_found', `No line ${lineId}`, { lineId });
