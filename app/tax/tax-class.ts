/**
 * A tax class's id: what products and sale lines store (`standard`, `reduced`, `zero-rated`).
 * It never changes once made, so renaming a class keeps every product and past sale in it.
 */
export type TaxClassId = string;

/** What pricing needs of a class. */
export interface TaxClass {
  id: TaxClassId;
  /** Rate in basis points: 1300 = 13 %. */
  rateBp: number;
}

/** A class as the shop keeps it: its name is what receipts and reports print. */
export interface NamedTaxClass extends TaxClass {
  name: string;
}

/** How prices are entered: with tax inside (China, EU retail) or tax added on top (US). */
export type TaxMode = 'inclusive' | 'exclusive';

/**
 * Where tax is rounded to minor units: on each line and summed, or once per tax class on
 * the receipt's summed net. The two can differ by a minor unit (see tax.test.ts).
 */
export type TaxRounding = 'per-line' | 'per-receipt';

export const TAX_CLASS_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const MAX_TAX_CLASSES = 20;
export const MAX_TAX_CLASS_NAME = 32;

/** The two classes a shop starts with (and every shop had before classes were named). */
export const defaultTaxRates = { standard: 1300, reduced: 900 } as const;
export const defaultTaxClassIds: readonly TaxClassId[] = ['standard', 'reduced'];

const defaultNames = {
  en: { standard: 'Standard', reduced: 'Reduced' },
  'zh-CN': { standard: '标准税率', reduced: '低税率' },
} as const;

export function defaultTaxClasses(
  locale: keyof typeof defaultNames,
  rates: { standard: number; reduced: number } = defaultTaxRates,
): NamedTaxClass[] {
  return (['standard', 'reduced'] as const).map((id) => ({
    id,
    name: defaultNames[locale][id],
    rateBp: rates[id],
  }));
}

/**
 * An id for a class the owner adds: its name in lower-case letters and digits ("Zero rated"
 * → `zero-rated`), or `class-2`, `class-3` … for a name with none (a Chinese name); never one
 * already taken.
 */
export function newTaxClassId(name: string, taken: readonly TaxClassId[]): TaxClassId {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  const base = slug === '' ? 'class' : slug;
  if (slug !== '' && !taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${String(n)}`;
    if (!taken.includes(id)) return id;
  }
}

/** The class's name for a screen, receipt or report; a class since removed shows its id. */
export function taxClassName(classes: readonly NamedTaxClass[], id: TaxClassId): string {
  return classes.find((c) => c.id === id)?.name ?? id;
}

/** 1300 → "13%", 650 → "6.5%". */
export const rateText = (rateBp: number): string => `${String(rateBp / 100)}%`;
