import { newProduct } from '../catalog/product';
import type { Product } from '../catalog/product';
import type { Cart, Discount, PricingSettings } from './cart-types';
import type { TaxClassId } from '../tax/tax-class';

/** A product for cart tests: price in minor units and a tax class. */
export const product = (
  id: string,
  priceMinor: number,
  taxClass: TaxClassId = 'standard',
): Product =>
  newProduct({
    id,
    sku: `SKU-${id}`,
    barcode: '4006381333931',
    nameEn: `Product ${id}`,
    nameZh: `商品 ${id}`,
    priceMinor,
    taxClass,
  });

/** A cart of lines given as [price, quantity, taxClass?, discount?]. */
export function cartOf(
  lines: [number, number, TaxClassId?, Discount?][],
  orderDiscount: Discount | null = null,
): Cart {
  return {
    currency: 'CNY',
    orderDiscount,
    lines: lines.map(([price, quantity, taxClass = 'standard', discount], i) => ({
      lineId: `l${String(i)}`,
      productId: `p${String(i)}`,
      sku: `SKU-${String(i)}`,
      barcode: '4006381333931',
      nameEn: `Item ${String(i)}`,
      nameZh: `商品${String(i)}`,
      unitPriceMinor: price,
      taxClass,
      quantity,
      discount: discount ?? null,
    })),
  };
}

export const pricing = (
  taxMode: PricingSettings['taxMode'],
  taxRounding: PricingSettings['taxRounding'],
  standardBp = 1300,
  reducedBp = 900,
): PricingSettings => ({
  taxMode,
  taxRounding,
  taxClasses: [
    { id: 'standard', rateBp: standardBp },
    { id: 'reduced', rateBp: reducedBp },
  ],
});
