import { DomainError } from '@app/result';
import type { TaxClassId } from '@app/tax/tax-class';
import type { SettingsCheck } from '../settings/settings-store';

/**
 * A tax class products still use cannot be removed: their price would have no rate. The
 * owner is told which class and how many products, and moves them first.
 */
export function keepTaxClassesInUse(catalog: {
  countByTaxClass(ids: readonly TaxClassId[]): Map<TaxClassId, number>;
}): SettingsCheck {
  return (before, after) => {
    const removed = before.taxClasses.filter((c) => !after.taxClasses.some((n) => n.id === c.id));
    if (removed.length === 0) return;
    const used = catalog.countByTaxClass(removed.map((c) => c.id));
    for (const taxClass of removed) {
      const count = used.get(taxClass.id);
      if (count !== undefined) {
        throw new DomainError('tax_class_in_use', `${taxClass.id} is used by ${count} products`, {
          name: taxClass.name,
          count,
        });
      }
    }
  };
}
