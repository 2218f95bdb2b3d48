import { parseDecimal } from '../money/format';
import { fail, ok } from '../result';
import type { Result } from '../result';
import { MAX_TAX_CLASSES, MAX_TAX_CLASS_NAME, newTaxClassId } from './tax-class';
import type { NamedTaxClass, TaxClassId } from './tax-class';

/** A row of the owner's tax class form: a class being edited (id) or added (no id yet). */
export interface TaxClassDraft {
  id: TaxClassId | null;
  name: string;
  /** Percent as typed: "13", "6.5". */
  rate: string;
}

export const draftOf = (classes: readonly NamedTaxClass[]): TaxClassDraft[] =>
  classes.map((c) => ({ id: c.id, name: c.name, rate: String(c.rateBp / 100) }));

/** "13" or "6.5" percent → basis points; null unless 0–100 with at most two decimals. */
export function percentToBp(text: string): number | null {
  // Two decimals of a percent are basis points, the same digits as cents.
  const bp = parseDecimal(text, 'USD');
  return bp !== null && bp <= 10_000 ? bp : null;
}

/**
 * The classes the form says, or the first thing wrong with it: a missing or repeated name,
 * a rate that is not a percent, none at all, too many. New rows get an id from their name.
 */
export function classesFromDraft(rows: readonly TaxClassDraft[]): Result<NamedTaxClass[]> {
  if (rows.length === 0) return fail('tax_class_none', 'no tax class');
  if (rows.length > MAX_TAX_CLASSES) {
    return fail('tax_class_too_many', 'too many tax classes', { max: MAX_TAX_CLASSES });
  }
  const classes: NamedTaxClass[] = [];
  const taken = rows.flatMap((r) => (r.id === null ? [] : [r.id]));
  for (const row of rows) {
    const name = row.name.trim();
    if (name === '' || name.length > MAX_TAX_CLASS_NAME) {
      return fail('tax_class_name', 'tax class name', { max: MAX_TAX_CLASS_NAME });
    }
    if (classes.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      return fail('tax_class_repeated', `${name} twice`, { name });
    }
    const rateBp = percentToBp(row.rate);
    if (rateBp === null) return fail('tax_rate_invalid', `rate of ${name}`, { name });
    const id = row.id ?? newTaxClassId(name, taken);
    taken.push(id);
    classes.push({ id, name, rateBp });
  }
  return ok(classes);
}
