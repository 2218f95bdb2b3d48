import type { Product } from '@app/catalog/product';
import type { MessageKey } from '@app/i18n/en';

/** The label the product form uses for each field a CSV import can change. */
const labels: Record<keyof Product, MessageKey> = {
  id: 'catalog.field.sku',
  sku: 'catalog.field.sku',
  barcode: 'catalog.field.barcode',
  extraBarcodes: 'catalog.field.extraBarcodes',
  nameEn: 'catalog.field.nameEn',
  nameZh: 'catalog.field.nameZh',
  priceMinor: 'catalog.field.price',
  taxClass: 'catalog.field.taxClass',
  categoryId: 'catalog.category',
  costMinor: 'catalog.field.cost',
  unit: 'catalog.field.unit',
  active: 'catalog.field.status',
  trackStock: 'catalog.field.trackStock',
  favourite: 'grid.favourite',
  plu: 'catalog.field.plu',
};

/** The message key naming a product field, for a field name main sent as text. */
export function productFieldLabel(field: string): MessageKey | null {
  return field in labels ? labels[field as keyof Product] : null;
}
