import type { TaxClassId } from '../tax/tax-class';

export interface Product {
  id: string;
  sku: string;
  /** EAN-13 / EAN-8 / UPC-A, validated on the way in. */
  barcode: string;
  nameEn: string;
  nameZh: string;
  /** Unit price in minor units; tax inclusive or exclusive per the shop's tax mode. */
  priceMinor: number;
  taxClass: TaxClassId;
}
