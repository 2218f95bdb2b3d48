export type TaxClassId = 'standard' | 'reduced';

export interface TaxClass {
  id: TaxClassId;
  /** Rate in basis points: 1300 = 13 %. */
  rateBp: number;
}

/** How prices are entered: with tax inside (China, EU retail) or tax added on top (US). */
export type TaxMode = 'inclusive' | 'exclusive';

/**
 * Where tax is rounded to minor units: on each line and summed, or once per tax class on
 * the receipt's summed net. The two can differ by a minor unit (see tax.test.ts).
 */
export type TaxRounding = 'per-line' | 'per-receipt';

export const defaultTaxClasses: readonly TaxClass[] = [
  { id: 'standard', rateBp: 1300 },
  { id: 'reduced', rateBp: 900 },
];
